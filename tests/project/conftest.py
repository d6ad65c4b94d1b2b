"""Fixtures of the project specs."""

import pytest


@pytest.fixture(autouse=True)
def _demo(demo):
    """These specs still look up the demo content's people and pages."""
