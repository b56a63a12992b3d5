"""Tests for gui/base."""
