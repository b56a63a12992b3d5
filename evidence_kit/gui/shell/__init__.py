"""The window around the features: main window, case view, start page, rail, evidence list."""
