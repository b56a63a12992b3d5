"""Tests for gui/claim."""
