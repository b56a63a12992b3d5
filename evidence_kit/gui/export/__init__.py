"""Step 4: the export."""
