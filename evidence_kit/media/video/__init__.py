"""Qt-free video: probe, exact reads, frames, thumbnails, key moments, sheets, clips."""
