"""Forms of the case register, one module per area; every free-text field runs through the personal-data check."""
