"""Tests for claim."""
