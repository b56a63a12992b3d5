"""Step 3: the claim."""
