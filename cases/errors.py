class CaseError(Exception):
    """A rule of the case register refused a change; the message says why, for the person who tried."""
