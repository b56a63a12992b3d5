"""Qt-free media engine: import, probe, frames, clips, recorder, rendering, redaction."""
