"""PLACEHOLDER (skeleton): the evaluation area fills this in."""


def summary(organisation, period):
    return None
