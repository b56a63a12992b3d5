"""Regenerate the translations in one command: the GUI's Qt catalogs and the gettext catalogs
of the Qt-free layers (Babel).

    python scripts/update_translations.py          extract, merge, compile every catalog
    python scripts/update_translations.py --check  exit 1 when a catalog is out of date

One function per kind of catalog, each `update_*(check) -> changed files`:

`update_qt`: pyside6-lupdate extracts every tr() string of the GUI (evidence_kit/gui, app.py)
into resources/i18n/evidence_kit_<lang>.ts, keeping the translations already there (without
source locations, so a moved line changes nothing), and pyside6-lrelease compiles the .qm the
app loads. English has a catalog of its plurals only, filled from the source text ("%n day(s)"
-> "1 day", "2 days"). Both are committed; tests/gui/i18n checks them.

`update_gettext`:
The Qt-free layers (core, media, claim, export) mark their messages with `_()`, `ngettext()`,
`pgettext()` and `N_()`; the rules' JSON files hold the deadline names and notes the shopper
reads. Babel extracts both into resources/i18n/locale/evidence_kit.pot, merges it into each
language's .po (new ids arrive empty, for a translator; vanished ones are dropped) and compiles
the .mo that `evidence_kit.core.i18n` reads at run time with the standard library's gettext.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LOCALE = I18N / "locale"
#: the languages the GUI is translated into (English gets its plurals on its own)
QT_LANGUAGES = ("ru",)
#: the sources whose tr() strings the Qt catalog holds
QT_SOURCES = ("evidence_kit/gui", "evidence_kit/app.py")
DOMAIN = "evidence_kit"
#: the catalogs' header dates: fixed, so a run that changes no message changes no file
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
LANGUAGES = ("ru",)
#: the Qt-free packages; the GUI's strings are Qt's (tr(), the .ts files)
QT_FREE = ("core", "media", "claim", "export")
#: the shopper-facing strings of the rules' data files: (file, path of keys to each string)
RULE_FILES = {
    "claim/platform_rules.json": (
        ("platforms", "*", "deadlines", "*", "name"),
        ("platforms", "*", "deadlines", "*", "note"),
        ("platforms", "*", "deadlines", "*", "fallback", "note"),
        ("platforms", "*", "notes", "*"),
    ),
    "claim/dispute_rules.json": (
        ("platforms", "*", "timers", "*", "name"),
        ("platforms", "*", "timers", "*", "miss"),
        ("common_timers", "*", "name"),
        ("refund_arrival", "*", "label"),
        ("refund_arrival", "*", "note"),
        ("refund_arrival_by_platform", "*", "*", "note"),
        ("late_refund",),
    ),
}


# --- the GUI: Qt Linguist ----------------------------------------------------------------------


def _qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (./evidence-kit.sh sets it up)")
    return found


def _run(tool: str, *args: str) -> None:
    subprocess.run([_qt_tool(tool), *args], cwd=ROOT, check=True)


def qt_source_files() -> list[str]:
    """Every source file lupdate reads, relative to the repository, in a stable order."""
    files: list[str] = []
    for entry in QT_SOURCES:
        path = ROOT / entry
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files += [str(p.relative_to(ROOT)) for p in found]
    return files


def _qt_catalogs(out: Path) -> list[Path]:
    """Extract the GUI's strings into each .ts in `out` (merging with what it holds) and
    compile it; returns the files written."""
    written: list[Path] = []
    for lang in ("en", *QT_LANGUAGES):
        ts = out / f"evidence_kit_{lang}.ts"
        options = ["-pluralonly"] if lang == "en" else []
        _run("pyside6-lupdate", "-silent", "-no-obsolete", "-locations", "none", *options,
             "-source-language", "en", "-target-language", lang, *qt_source_files(),
             "-ts", str(ts))  # fmt: skip
        if lang == "en":
            ts.write_text(english_plurals(ts.read_text(encoding="utf-8")), encoding="utf-8")
        qm = ts.with_suffix(".qm")
        _run("pyside6-lrelease", "-silent", str(ts), "-qm", str(qm))
        written += [ts, qm]
    return written


def update_qt(check: bool = False) -> list[Path]:
    """Regenerate the Qt catalogs; returns the files that changed (with `check`, the files that
    would change, untouched)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for ts in I18N.glob("evidence_kit_*.ts"):
            shutil.copy2(ts, work / ts.name)
        changed = []
        for made in _qt_catalogs(work):
            committed = I18N / made.name
            if not committed.is_file() or committed.read_bytes() != made.read_bytes():
                changed.append(committed)
                if not check:
                    shutil.copyfile(made, committed)
    return changed


def english_plurals(ts_text: str) -> str:
    """Fill every plural message of an English .ts: "(s)" dropped for one, "s" for more."""

    def fill(match: re.Match[str]) -> str:
        source = html.unescape(match["source"])
        forms = [source.replace("(s)", ""), source.replace("(s)", "s")]
        body = "".join(
            f"\n{match['indent']}    <numerusform>{html.escape(f, quote=False)}</numerusform>"
            for f in forms
        )
        return f"{match['head']}<translation>{body}\n{match['indent']}</translation>"

    return _PLURAL.sub(fill, ts_text)


_PLURAL = re.compile(
    r"(?P<head><message numerus=\"yes\">\s*<source>(?P<source>[^<]*)</source>\s*"
    r"(?:<(?:extra)?comment>[^<]*</(?:extra)?comment>\s*)*)"
    r"<translation[^>]*>.*?\n(?P<indent>[ ]*)</translation>",
    re.DOTALL,
)


# --- the Qt-free layers: gettext ------------------------------------------------------------------


def _walk(node: object, path: tuple[str, ...]) -> Iterator[str]:
    if not path:
        if isinstance(node, str) and node:
            yield node
        return
    key, rest = path[0], path[1:]
    if key == "*":
        values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
        for value in values:
            yield from _walk(value, rest)
    elif isinstance(node, dict) and key in node:
        yield from _walk(node[key], rest)


def extract() -> Catalog:
    """The template: every message id in the sources, with where it is used."""
    catalog = Catalog(project="Evidence Kit", domain=DOMAIN, fuzzy=False)
    package = ROOT / "evidence_kit"
    for layer in QT_FREE:
        found = extract_from_dir(str(package / layer), method_map=[("**.py", "python")])
        for filename, lineno, message, comments, context in found:
            where = (f"evidence_kit/{layer}/{filename}", lineno)
            catalog.add(message, None, [where], auto_comments=comments, context=context)
    for name, paths in RULE_FILES.items():
        data = json.loads((package / name).read_text("utf-8"))
        for keys in paths:
            for text in _walk(data, keys):
                catalog.add(text, None, [(f"evidence_kit/{name}", 0)])
    return catalog


def _po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # no dates or line numbers in the files: they change on every run and only make noise
    write_po(out, catalog, width=100, omit_header=False, no_location=False, sort_output=True,
             include_lineno=False)  # fmt: skip
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def _merged(template: Catalog, language: str) -> Catalog:
    path = _po_path(language)
    if path.is_file():
        with path.open("rb") as f:
            catalog = read_po(f, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="Evidence Kit")
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()  # a message the sources no longer use is gone, not kept
    catalog.fuzzy = False  # the header: a fuzzy header is not compiled
    for stamp in (catalog, template):
        stamp.creation_date = stamp.revision_date = _EPOCH
    return catalog


def update_gettext(check: bool = False) -> list[Path]:
    """Extract the Qt-free messages, merge them into each .po and compile the .mo. Returns the
    files that changed (with `check`, the files that would change, untouched)."""
    template = extract()
    template.creation_date = template.revision_date = _EPOCH
    wanted = {LOCALE / f"{DOMAIN}.pot": _po_bytes(template)}
    for language in LANGUAGES:
        catalog = _merged(template, language)
        wanted[_po_path(language)] = _po_bytes(catalog)
        wanted[_po_path(language).with_suffix(".mo")] = _mo_bytes(catalog)
    changed = [p for p, data in wanted.items() if not p.is_file() or p.read_bytes() != data]
    if not check:
        for path in changed:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(wanted[path])
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is out of date")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    changed = update_qt(check=args.check) + update_gettext(check=args.check)
    for path in changed:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
