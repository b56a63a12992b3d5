"""PySide6 desktop interface. The only layer (with app.py) that imports Qt."""
