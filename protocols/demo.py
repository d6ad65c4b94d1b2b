"""Demo protocols and suitability rules (filled in by the protocols issue)."""


def load(progress):
    pass
