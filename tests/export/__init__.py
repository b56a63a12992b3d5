"""Tests for export."""
