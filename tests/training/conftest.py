"""Fixtures for the training specs: a module with sessions in the Dutch catalogue, members to enrol."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from accounts.models import Organisation, User
from knowledge.training.models import TrainingIndexPage, TrainingModulePage, TrainingModuleTrainer, TrainingSession


def build_module(title="Testtraining", *, language="nl", owner=None, max_group_size=12, sessions=None, **fields):
    """A live module with its sessions, published through a revision as the CMS does."""
    index = TrainingIndexPage.objects.get(locale__language_code=language)
    soon = timezone.now() + timedelta(days=14)
    sessions = sessions if sessions is not None else [{}]
    module = TrainingModulePage(
        title=title,
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        summary=fields.pop("summary", "Een training om te testen."),
        learning_goals="<p>Leren.</p>",
        duration="Een dag",
        format=fields.pop("format", "in_person"),
        max_group_size=max_group_size,
        owner=owner or User.objects.get(email="trainer@zeist.example"),
        **fields,
    )
    module.trainers = [TrainingModuleTrainer(name="Tessa Trainer")]
    module.sessions = [
        TrainingSession(
            **{
                "start": soon + timedelta(days=7 * number),
                "end": soon + timedelta(days=7 * number, hours=3),
                "location": "Stadhuis Zeist",
                "language": language,
                "sort_order": number,
                **session,
            }
        )
        for number, session in enumerate(sessions)
    ]
    index.add_child(instance=module)
    module.save_revision().publish()
    return TrainingModulePage.objects.get(pk=module.pk)


@pytest.fixture
def module(db):
    return build_module()


@pytest.fixture
def session(module):
    return module.sessions.get()


@pytest.fixture
def members(make_user):
    """`members(n)`: n new active members of a new organisation."""
    counter = {"n": 0}

    def make(count, prefix="deelnemer", language="nl"):
        counter["n"] += 1
        organisation = Organisation.objects.create(slug=f"test-org-{counter['n']}", name=f"Testgemeente {counter['n']}")
        return [
            make_user(
                f"{prefix}{counter['n']}-{i}@test.example", organisation=organisation, preferred_language=language
            )
            for i in range(1, count + 1)
        ]

    return make


@pytest.fixture(autouse=True)
def _dutch():
    """Requests activate their page's language in this thread; start every spec in Dutch, whatever ran before."""
    with translation.override("nl"):
        yield
