"""Qt-free claim drafting: platform rules, deadlines, text, checklist, translation."""
