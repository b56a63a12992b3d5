"""Tests for media/video."""
