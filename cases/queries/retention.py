"""When a closed case will be reduced to its statistics, shown on the case page in advance."""


def case_section(user, case) -> dict:
    return {}
