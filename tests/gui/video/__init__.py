"""Tests for gui/video."""
