"""Tests for media/image."""
