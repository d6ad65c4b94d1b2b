"""Training models (the training issue fills this in)."""
