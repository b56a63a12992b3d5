"""The upload pack's README.txt and the checks that span files (count, total size).

The README tells the shopper which file goes where and carries the claim text, long and
short, ready to paste. Its own words are in the shopper's language (gettext); the claim text
stays English.
"""

from __future__ import annotations

from evidence_kit import __version__
from evidence_kit.claim.rules import UploadLimits
from evidence_kit.core.i18n import _
from evidence_kit.export.exhibits import ExhibitOutput, UploadFile
from evidence_kit.export.naming import human_size
from evidence_kit.export.plan import ExportPlan


def _mb(n: int | None) -> str:
    return human_size(n) if n else _("no limit")


def pack_outcome(
    plan: ExportPlan, outputs: list[ExhibitOutput]
) -> tuple[list[UploadFile], list[str], list[str]]:
    """The upload files made, the exhibits left out of the pack, and the pack's warnings."""
    files = [o.upload for o in outputs if o.upload is not None]
    problems = [p for o in outputs for p in o.problems]
    warnings = pack_warnings(files, plan.limits, plan.platform_name) if plan.upload else []
    no_pdf = [ex.number for ex in plan.on_request if not plan.takes_kind(ex)]
    if no_pdf:
        warnings.append(
            f"{plan.platform_name} does not take PDF files: {', '.join(no_pdf)} "
            f"{'is' if len(no_pdf) == 1 else 'are'} not in upload/ and the claim says they are "
            "available on request (they are in the bundle)."
        )
    later = [ex.number for ex in plan.on_request if plan.takes_kind(ex)]
    if later:
        warnings.append(
            f"{plan.platform_name} takes at most {plan.limits.max_files} files: "
            f"{', '.join(later)} {'is' if len(later) == 1 else 'are'} not in upload/ and the claim "
            "says they are available on request (they are in the bundle). Reorder the evidence "
            "to choose which go first."
        )
    return files, problems, warnings


def pack_warnings(files: list[UploadFile], limits: UploadLimits, platform_name: str) -> list[str]:
    """Warnings about the pack as a whole: too many files, too many bytes in total."""
    out = []
    if limits.max_files == 0:
        out.append(
            f"{platform_name}'s form takes no attachments: paste the claim text, and keep the"
            " bundle for an escalation."
        )
    elif limits.max_files and len(files) > limits.max_files:  # never, with the plan's rule
        out.append(f"{platform_name} takes at most {limits.max_files} files.")
    total = sum(f.bytes for f in files)
    if limits.total_max_bytes and total > limits.total_max_bytes:
        out.append(
            f"Together the files are {_mb(total)}, over {platform_name}'s {_mb(limits.total_max_bytes)}"
            " total: attach the most important ones first."
        )
    return out


def readme_text(
    *,
    platform_name: str,
    order_id: str,
    outputs: list[ExhibitOutput],
    warnings: list[str],
    problems: list[str],
    claim_text: str,
    claim_short: str,
    text_limit: int | None,
    bundle_name: str,
) -> str:
    """README.txt of the upload pack."""
    lines = [
        _("Upload pack for a {platform} dispute - order {order}").format(
            platform=platform_name, order=order_id or _("(no order id)")
        ),
        _("Made by Evidence Kit {version}.").format(version=__version__),
        "",
        _("Files to attach, in this order:"),
    ]
    files = [o.upload for o in outputs if o.upload is not None]
    width = max((len(f.name) for f in files), default=10)
    for f in files:
        limit = _(" of {limit}").format(limit=_mb(f.limit)) if f.limit else ""
        note = f" - {f.note}" if f.note else ""
        lines.append(f"  {f.name:<{width}}  {f.kind}, {_mb(f.bytes)}{limit}{note}")
    if not files:
        lines.append("  " + _("(none)"))
    left_out = [n for o in outputs for n in o.notes]
    if left_out or problems or warnings:
        lines += ["", _("Please note:")]
        lines += [f"  - {text}" for text in warnings + problems + left_out]
    limit_text = _(" (the form allows {limit} characters)").format(limit=text_limit) if text_limit else ""  # fmt: skip
    lines += [
        "",
        _("Short claim text - paste this into the description box{limit}:").format(
            limit=limit_text
        ),  # fmt: skip
        "",
        claim_short.strip(),
        "",
        _("Full claim text - for messages to the seller or an escalation:"),
        "",
        claim_text.strip(),
        "",
    ]
    lines += privacy_lines(files, bundle_name)
    return "\n".join(lines)


def privacy_lines(files: list[UploadFile], bundle_name: str) -> list[str]:
    """What each upload file lost and kept, and what the sealed bundle keeps: exactly what
    was done, file by file (the export page shows the same words)."""
    lines = ["Privacy - what was removed from these files, and what was kept:"]
    for f in files:
        lines.append(f"  {f.name}: {f.cleaned.line() if f.cleaned else 'made by Evidence Kit'}")
    if not files:
        lines.append("  (no files)")
    if any(f.cleaned and f.cleaned.masked for f in files):
        lines += [
            "Nothing under a masked area can be recovered: a solid box is opaque, and a",
            "pixelated area is made only from the pixels around it, never from what it hides.",
        ]
    lines += [
        "Each file is named by its exhibit number and title, never by the name it had on",
        "your phone or computer.",
        "",
        f"The sealed bundle {bundle_name} keeps the originals exactly as you imported them:",
        "unmasked, with their metadata (location, camera, times) and their file names. That",
        "is what proves they are untouched. Keep it private and send it only if asked; to",
        "send a mediator the evidence, make a shareable bundle (masked exhibits only).",
        "",
    ]
    return lines
