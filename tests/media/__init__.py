"""Tests for media."""
