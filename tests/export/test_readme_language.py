"""The upload pack's README.txt speaks the shopper's language; the claim in it stays English."""

from __future__ import annotations

from evidence_kit.core import i18n
from evidence_kit.export.upload_pack import readme_text

CLAIM = "Hello,\n\n1. Order facts: Order 8123, paid 12.50 USD."


def _readme() -> str:
    return readme_text(platform_name="AliExpress", order_id="8123", outputs=[], warnings=[],
                       problems=[], claim_text=CLAIM, claim_short="Order 8123: damaged.",
                       text_limit=500, bundle_name="case-evidence.zip")  # fmt: skip


def test_readme_in_russian_keeps_the_english_claim() -> None:
    with i18n.using("ru"):
        text = _readme()
    assert text.startswith("Файлы для спора на AliExpress — заказ 8123")
    assert "Файлы, которые нужно приложить, в этом порядке:" in text
    assert "(в форме можно до 500 символов)" in text
    assert CLAIM in text and "Order 8123: damaged." in text


def test_readme_in_english() -> None:
    text = _readme()
    assert text.startswith("Upload pack for a AliExpress dispute - order 8123")
    assert "Files to attach, in this order:" in text and CLAIM in text
