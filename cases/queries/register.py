"""What the case page shows of the register area."""


def case_section(user, case) -> dict:
    """The context the case page's register section needs, in a fixed number of queries."""
    return {}
