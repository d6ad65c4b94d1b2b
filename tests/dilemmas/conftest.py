import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Organisation, User
from knowledge.dilemmas import services
from knowledge.dilemmas.models import DilemmaPlanPage


@pytest.fixture(autouse=True)
def _dutch():
    """reverse() follows the active language, and a request in another language leaves that one active."""
    translation.activate("nl")
    yield
    translation.activate("nl")


@pytest.fixture
def plan(db):
    return DilemmaPlanPage.objects.get(locale__language_code="nl")


@pytest.fixture
def owner(db):
    return User.objects.get(email="lid@almere.example")


@pytest.fixture
def colleague(make_user):
    """An active member of the same organisation, not invited to anything yet."""
    return make_user("collega@almere.example", organisation=Organisation.objects.get(slug="almere"))


@pytest.fixture
def stranger(make_user):
    return make_user("buitenstaander@almere.example", organisation=Organisation.objects.get(slug="almere"))


@pytest.fixture
def worksheet(owner, plan):
    return services.start_worksheet(owner, plan, "Kanariedilemma: wel of niet handhaven")


def url(name, **kwargs):
    return reverse(f"dilemmas:{name}", kwargs=kwargs)


def step1_data(title="Kanariedilemma: wel of niet handhaven", context="", rules="", stakeholders=(), **extra):
    data = {
        "title": title,
        "context": context,
        "rules": rules,
        "stakeholders-TOTAL_FORMS": str(len(stakeholders)),
        "stakeholders-INITIAL_FORMS": "0",
    }
    for index, (name, interests) in enumerate(stakeholders):
        data[f"stakeholders-{index}-name"] = name
        data[f"stakeholders-{index}-interests"] = interests
    data.update(extra)
    return data


def step2_data(options=(), conclusion="", advice="", **extra):
    """`options`: (title, description, {value_type: (score, reason)})."""
    data = {
        "conclusion": conclusion,
        "advice": advice,
        "options-TOTAL_FORMS": str(len(options)),
        "options-INITIAL_FORMS": "0",
    }
    for index, (title, description, weighings) in enumerate(options):
        data[f"options-{index}-title"] = title
        data[f"options-{index}-description"] = description
        for value_type, (score, reason) in weighings.items():
            data[f"options-{index}-score_{value_type}"] = "" if score is None else str(score)
            data[f"options-{index}-reason_{value_type}"] = reason
    data.update(extra)
    return data
