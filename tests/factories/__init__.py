"""Test media and cases made on the fly, shared by the tests (nothing large is committed)."""
