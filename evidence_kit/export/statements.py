"""VERIFY.txt for the shopper's bundle and for the shareable one: how to check it, what it
proves, and exactly what each file lost and kept on its way out (removed.py's words).

The shopper's bundle keeps the unmasked originals by design and says so plainly; the
shareable bundle holds masked exhibits only and lists the originals by their hashes.
"""

from __future__ import annotations

from evidence_kit import __version__
from evidence_kit.export.exhibits import ExhibitOutput

_CHECK = """1. Unzip the bundle into an empty folder and open a terminal there.
2. Check every file with a standard tool (every line must end in OK):
     Linux:    sha256sum -c SHA256SUMS
     macOS:    shasum -a 256 -c SHA256SUMS
     Windows:  certutil -hashfile <file> SHA256
               (compare the output with that file's line in SHA256SUMS)
3. Or let Evidence Kit check the zip as it is (nothing is extracted):
     evidence-kit verify {name}"""


def file_lines(outputs: list[ExhibitOutput], shareable: bool) -> list[str]:
    """'  upload/E2_crack.jpg: removed …; kept …; masked …' for every file the export
    made that the bundle holds (a shareable bundle: its stand-ins too)."""
    lines = []
    for o in outputs:
        files = o.bundle_files + (o.share_files if shareable else [])
        for arc, _path, _role in files:
            if arc in o.cleaned:
                lines.append(f"  {arc}: {o.cleaned[arc].line()}")
        if o.upload is not None and o.upload.cleaned is not None:
            lines.append(f"  upload/{o.upload.name}: {o.upload.cleaned.line()}")
    return lines or ["  (no exhibit files)"]


def verify_text(
    bundle_name: str,
    outputs: list[ExhibitOutput],
    shareable_name: str = "",
    authority: str | None = None,
) -> str:
    """VERIFY.txt of the shopper's own bundle: how anyone can check it, exactly what a clean
    check proves, and that it keeps the originals unmasked. shareable_name: the shareable
    bundle made beside it, or '' when none was; authority: the timestamp's, if any."""
    if authority:
        when = f"""
4. When it was sealed: manifest.tsr is an RFC 3161 timestamp token from {authority} over the
   SHA-256 of manifest.json (only that hash was sent). Check it with OpenSSL, giving the
   authority's root certificate:
     openssl ts -verify -in manifest.tsr -data manifest.json -CAfile <root>.pem
   evidence-kit verify checks it too, and prints "sealed no later than <time>, by <authority>".
"""
        proves_when = (
            f"\n- that manifest.json, and so every file it lists, existed no later than the time\n"
            f"  in manifest.tsr: {authority} signed its hash then. A dispute opened after that\n"
            "  time cannot have produced these files."
        )
        not_when = ""
    else:
        when, proves_when = "", ""
        not_when = (
            "\n- when the bundle was made: it carries no trusted timestamp, so the times in it come\n"
            "  from the shopper's computer clock."
        )
    share = (
        f"A shareable bundle was made beside this one: {shareable_name}. Send that one."
        if shareable_name
        else "To send the evidence to a mediator or a bank, make a shareable bundle (export\n"
        'with --shareable, or tick "Also make a shareable bundle" on the export page).'
    )
    files = "\n".join(file_lines(outputs, shareable=False))
    return f"""How to verify this evidence bundle
==================================

{bundle_name} was sealed by Evidence Kit {__version__}. manifest.json lists every file
with its size, role and SHA-256 hash; SHA256SUMS lists the same hashes in the format the
standard tools read, and also covers manifest.json itself.

1. Unzip the bundle into an empty folder and open a terminal there.
2. Check every file with a standard tool (every line must end in OK):
     Linux:    sha256sum -c SHA256SUMS
     macOS:    shasum -a 256 -c SHA256SUMS
     Windows:  certutil -hashfile originals\\<file> SHA256
               (compare the output with that file's line in SHA256SUMS)
3. Or let Evidence Kit check the zip as it is (nothing is extracted):
     evidence-kit verify {bundle_name}
   It re-checks every hash, the activity log (each entry in manifest.json "log" holds the
   hash of the entry before it, so a changed, removed or reordered entry is reported), and
   that each original's hash is the one the log recorded when it was imported or made.
{when}
A clean result proves:
- every file listed is in the bundle, byte for byte as it was sealed, and nothing else is;
- the activity log is the unbroken chain the case kept, and each file in originals/ has the
  hash the log recorded when that file was imported or extracted (a file swapped later,
  even with manifest.json and SHA256SUMS made to match, is caught);{proves_when}

It does not prove:
- who made the bundle: nothing in it is signed with the shopper's key;
- that nobody rebuilt the whole bundle: someone who rewrites every file, the whole log and
  every hash consistently makes a bundle that checks clean{" (but not one that matches the timestamp)" if authority else ""};
- what a recording shows, or that the camera clock was right;{not_when}

This is the shopper's own bundle: it keeps the originals unmasked, by design
----------------------------------------------------------------------------
originals/ holds every file exactly as it was imported: NOT masked, and with all its
metadata (location, camera, times). Only that lets anyone prove the evidence was not
changed. Their names here are their exhibits' (the names they had are in manifest.json).
Keep this bundle private. {share}

What the other files lost and kept (masks are burned in; nothing under a mask can be
recovered: a solid box is opaque, a pixelated area is made only from the pixels around it):
{files}

Roles: originals/ untouched imports; exhibits/ annotated or masked renders and contact
sheets; upload/ exactly the files prepared for the dispute form; claim.txt the claim text;
summary.pdf the human summary; manifest.json the list of everything{"; manifest.tsr the timestamp" if authority else ""}.
"""


def shareable_verify_text(
    name: str, bundle_name: str, outputs: list[ExhibitOutput], originals: int
) -> str:
    """VERIFY.txt of the shareable bundle: masked exhibits only, originals by hash."""
    files = "\n".join(file_lines(outputs, shareable=True))
    return f"""How to verify this shareable evidence bundle
============================================

{name} was sealed by Evidence Kit {__version__}. It holds the evidence as the shopper
shows it: every exhibit masked where it needed to be, without its metadata. It does NOT
hold the original files: manifest.json lists each of the {originals} original(s) by its
exhibit, size and SHA-256 hash ("originals"), so the shopper can prove later, with the
full bundle ({bundle_name}), that these exhibits were made from exactly those files.

{_CHECK.format(name=name)}
   It says that this is a shareable bundle. The activity log stays in the full bundle;
   manifest.json gives its length and the hash of its last entry ("log_entries",
   "log_head"), which the full bundle's log must end in.

What this proves: no file here has changed since it was sealed. What it does not prove:
that the originals exist or are unchanged; only the full bundle can show that.

Every file, and what it lost and kept (masks are burned in; nothing under a mask can be
recovered: a solid box is opaque, a pixelated area is made only from the pixels around it):
{files}

Roles: exhibits/ masked renders, contact sheets and clean copies of the exhibits;
upload/ exactly the files prepared for the dispute form; claim.txt the claim text;
summary.pdf the human summary.
"""
