"""The demo training content is there in nl and da, and loading it twice changes nothing."""

import io

import pytest
from django.core.management import call_command

from knowledge.training.models import (
    Enrolment,
    ImplementationProgrammePage,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingSession,
    TrajectoryStepStatus,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def counts():
    return [
        model.objects.count()
        for model in (TrainingIndexPage, TrainingModulePage, TrainingSession, Enrolment, ImplementationProgrammePage)
    ] + [TrajectoryStepStatus.objects.filter(organisation__slug="amersfoort").count()]


def test_demo_training_content_is_populated_and_idempotent():
    before = counts()
    assert before[0] == 3 and before[4] == 3
    assert TrainingModulePage.objects.filter(locale__language_code="nl").count() == 4
    assert TrainingModulePage.objects.filter(locale__language_code="da").count() == 4
    index = TrainingIndexPage.objects.get(locale__language_code="da")
    assert index.slug == "kurser" and index.show_in_menus
    assert index.get_translations().filter(slug__in=["trainingen", "training"]).count() == 2
    assert Enrolment.objects.filter(user__email="lid@almere.example", status="enrolled").exists()
    assert before[5] > 0
    call_command("demo_content", stdout=io.StringIO())
    assert counts() == before
