"""The recorder window."""
