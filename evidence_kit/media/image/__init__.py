"""Qt-free image work: the renderer, redaction, comparisons, suggestions, item thumbnails."""
