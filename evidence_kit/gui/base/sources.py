"""Where a rule comes from, in words: a small "source" link whose tooltip names the page and
how sure we are ("parceldetect.com how-to-file-ebay-claim-buyer — medium confidence").

The rules file tags every value with a source id and a confidence (E4, M); shown raw, "[E4, M]"
reads like an exhibit number, so the window never shows the codes themselves.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QToolTip

from evidence_kit.claim import rules
from evidence_kit.gui.base import theme

SCHEME = "source:"
#: "[A7, M]" or "[Z1, H; E7, M]" at the end of a sentence in the rules file
CODES = re.compile(r"\[((?:[A-Z]+\d+, [HML])(?:; [A-Z]+\d+, [HML])*)\]")


def _check_order_page() -> str:
    """rules.CHECK_ORDER_PAGE in the shopper's language."""
    return QCoreApplication.translate("sources", "check your order page")


def confidence_words(confidence: str | None) -> str:
    """'high confidence', 'medium confidence', 'low confidence', or 'no source'."""
    words = {
        "H": QCoreApplication.translate("sources", "high confidence"),
        "M": QCoreApplication.translate("sources", "medium confidence"),
        "L": QCoreApplication.translate("sources", "low confidence"),
    }
    return words.get(confidence or "", QCoreApplication.translate("sources", "no source"))


def source_text(source_id: str | None, confidence: str | None) -> str:
    """The source in words, for a tooltip."""
    title = rules.source_title(source_id)
    if not title or confidence == "default":
        return QCoreApplication.translate("sources", "No source for this value: {0}.").format(
            _check_order_page()
        )
    return QCoreApplication.translate("sources", "Source: {0} — {1}").format(
        title, confidence_words(confidence)
    )


def source_link(*sources: tuple[str | None, str | None]) -> str:
    """Rich text for values from these (source id, confidence) pairs: a quiet 'source' link
    whose tooltip names them, or 'not certain: check your order page' in the warning colour
    when any of them has no source."""
    if not sources or any(
        not rules.source_title(sid) or conf in ("default", None) for sid, conf in sources
    ):
        words = QCoreApplication.translate("sources", "not certain: {0}").format(
            _check_order_page()
        )
        return theme.span(html.escape(words), "warn")
    ids = ",".join(sorted({f"{sid}:{conf}" for sid, conf in sources}))
    href = html.escape(SCHEME + ids, quote=True)
    words = html.escape(QCoreApplication.translate("sources", "source"))
    color = theme.css("hint")
    return f"<a href='{href}' style='color:{color}'>{words}</a>"


def linked(text: str) -> str:
    """Plain text from the rules, escaped, with its "[A7, M]" source codes made into links."""

    def link(match: re.Match[str]) -> str:
        pairs = [tuple(part.split(", ")) for part in match[1].split("; ")]
        return source_link(*((sid, conf) for sid, conf in pairs))

    return CODES.sub(link, html.escape(text, quote=False))


def explain_links(label: QLabel) -> None:
    """Let a rich-text label show a source link's words on hover or click."""

    def show(href: str) -> None:
        if not href.startswith(SCHEME):
            QToolTip.hideText()
            return
        pairs = [part.partition(":") for part in href[len(SCHEME) :].split(",")]
        text = "\n".join(source_text(sid, conf) for sid, _, conf in pairs)
        QToolTip.showText(QCursor.pos(), text, label)

    label.setOpenExternalLinks(False)
    label.linkHovered.connect(show)
    label.linkActivated.connect(show)
