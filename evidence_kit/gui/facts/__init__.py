"""Step 1: the order facts."""
