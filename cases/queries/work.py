"""What the case page shows of the work area."""


def case_section(user, case) -> dict:
    """The context the case page's work section needs, in a fixed number of queries."""
    return {}
