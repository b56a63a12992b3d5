"""Evidence Kit: prepare the evidence for an online-order dispute."""

__version__ = "0.1.0"
