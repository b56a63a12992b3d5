"""Tests for gui/shell."""
