class MeasurementError(Exception):
    """A rule of the measurement app said no; the message is for the person."""
