"""The editor's mark items, one QGraphicsItem class per tool, grouped by family: lines
(arrow, line, pen, highlighter), boxes (rect, ellipse, redact), labels (text, marker), and
the placeholder for a mark this editor cannot draw."""
