"""Demo training modules, sessions and the implementation trajectory (filled in by the training issue)."""


def load(progress):
    pass
