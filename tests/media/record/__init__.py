"""Tests for media/record."""
