"""The video panel: exact-frame player, timeline, grabs and clips."""
