"""What the case page shows of the route area."""


def case_section(user, case) -> dict:
    """The context the case page's route section needs, in a fixed number of queries."""
    return {}
