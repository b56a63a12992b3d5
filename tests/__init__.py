"""Evidence Kit tests; the tree mirrors the evidence_kit package."""
