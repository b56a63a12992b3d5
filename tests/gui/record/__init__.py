"""Tests for gui/record."""
