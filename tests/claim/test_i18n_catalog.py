"""The gettext catalogs of the Qt-free layers: their ids are the sources' messages, the
Russian one is complete, and the compiled .mo is what the .po says."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from evidence_kit.core import i18n

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources" / "i18n" / "locale" / "ru" / "LC_MESSAGES" / "evidence_kit.po"
_FIELD = re.compile(r"\{(\w*)\}")


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")  # fmt: skip
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_translations", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def russian():  # type: ignore[no-untyped-def]
    with PO.open("rb") as f:
        return read_po(f, locale="ru", domain="evidence_kit")


def _ids(catalog) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_catalog_ids_are_the_sources_messages(russian) -> None:  # type: ignore[no-untyped-def]
    """A new `_()` message that is not in the catalog fails here (run
    scripts/update_translations.py and translate it); so does one the sources dropped."""
    sources = _ids(_script().extract())
    catalog = _ids(russian)
    assert sources - catalog == set(), "not in the catalog: run scripts/update_translations.py"
    assert catalog - sources == set(), "in the catalog but no longer in the sources"


def test_the_compiled_files_are_up_to_date() -> None:
    assert _script().update_gettext(check=True) == []


def test_russian_is_complete_and_keeps_the_placeholders(russian) -> None:  # type: ignore[no-untyped-def]
    empty, fuzzy, fields = [], [], []
    for m in russian:
        if not m.id:
            continue
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        if not all(s.strip() for s in strings) or (not isinstance(m.id, str) and len(strings) != 3):
            empty.append(m.id)
        if m.fuzzy:
            fuzzy.append(m.id)
        wanted = set(_FIELD.findall(ids[-1])) | set(_FIELD.findall(ids[0]))
        if any(set(_FIELD.findall(s)) != wanted for s in strings):
            fields.append(m.id)
    assert not empty, f"untranslated: {empty[:5]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:5]}"
    assert not fields, f"placeholders differ from the English: {fields[:5]}"


def test_a_message_in_each_language() -> None:
    with i18n.using("ru"):
        assert i18n._("Do not confirm receipt while the dispute is open.") == (
            "Не подтверждайте получение, пока спор открыт."
        )
        assert [i18n.ngettext("{n} day", "{n} days", n).format(n=n) for n in (1, 2, 5, 21)] == [
            "1 день", "2 дня", "5 дней", "21 день"
        ]  # fmt: skip
    with i18n.using("en"):
        assert i18n._("Do not confirm receipt while the dispute is open.").startswith("Do not")
    assert i18n.language() == "en"  # the block's language ends with it


def test_refund_advice_reads_in_the_shoppers_language() -> None:
    # the claim step showed this advice in English in a Russian window; the claim keeps English
    from evidence_kit.claim.refund import advise
    from evidence_kit.core import i18n

    def summary() -> str:
        return advise("damaged", 12.5, "USD", still_works=True, return_postage=5.0).summary(12.5)

    english = summary()
    assert english.startswith("A partial refund for this is usually 30-40% of the price (3.75 USD")
    with i18n.using("ru"):
        russian = summary()
    assert russian.startswith("Частичный возврат в таком случае обычно составляет 30-40% цены")
    assert "3,75\u00a0$" in russian and "USD" not in russian and "Возврат товара выгоден" in russian
    assert summary() == english
