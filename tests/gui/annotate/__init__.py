"""Tests for gui/annotate."""
