"""Qt-free export: upload pack, evidence bundle, PDF summary, verify."""
