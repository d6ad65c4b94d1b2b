class PoolError(Exception):
    """A rule of the pool refused a change; the message is for the person (translated)."""
