"""Tests for gui."""
