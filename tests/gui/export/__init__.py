"""Tests for gui/export."""
