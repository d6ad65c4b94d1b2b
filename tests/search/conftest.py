import itertools

import pytest
from django.contrib.contenttypes.models import ContentType

from accounts import roles
from accounts.models import Organisation
from search import indexing
from search.audience import register_group_provider, unregister_group_provider
from search.documents import DocumentData
from search.models import Visibility
from tests import factories
from tests.search.helpers import PRIVATE_GROUP_ID

_numbers = itertools.count(1)


@pytest.fixture
def publish(db, django_capture_on_commit_callbacks):
    """Create a ContentPage under a home page and publish it, running the after-commit indexing like production."""

    def make(title, body="", **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return factories.content_page(title, body, **fields)

    return make


@pytest.fixture
def member(db):
    user = factories.member("lid@gemeente.example")
    assert roles.is_member(user)
    return user


@pytest.fixture
def group_member(member):
    """A member who also belongs to private group PRIVATE_GROUP_ID (as the forum will report it)."""

    def provider(user):
        return [PRIVATE_GROUP_ID] if user.pk == member.pk else []

    register_group_provider(provider)
    yield member
    unregister_group_provider(provider)


@pytest.fixture
def non_group_member(make_user, make_organisation):
    return make_user("collega@zeist-test.example", organisation=make_organisation("zeist-test"))


@pytest.fixture
def group_document(db, django_capture_on_commit_callbacks):
    """A document only private group PRIVATE_GROUP_ID may read (the forum does not exist yet: stored directly)."""

    def make(title, body, tags=(("groepsgeheim", "groepsgeheim"),)):
        content_type = ContentType.objects.get_for_model(Organisation)
        data = DocumentData(
            title=title,
            url="/nl/forum/private/1/",
            language="nl",
            visibility=Visibility.GROUPS,
            group_ids=[PRIVATE_GROUP_ID],
            body=body,
            tags=list(tags),
        )
        return indexing.store(content_type.pk, 900_000 + next(_numbers), "forum", data)

    return make
