"""Forum fixtures, shared by the forum and search specs: people in different roles and groups of each visibility.

Loaded for every test by `pytest_plugins` in tests/conftest.py.
"""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from forum.models import ForumGroup
from tests import factories
from tests.forum.helpers import CANARY


@pytest.fixture
def people(make_user):
    """A visitor is the anonymous client; the others are real accounts in two municipalities."""
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    amersfoort = factories.OrganisationFactory(name="Gemeente Amersfoort")
    hilversum = factories.OrganisationFactory(name="Gemeente Hilversum")
    site_moderator = make_user("sitemod@hilversum.example", organisation=hilversum)
    site_moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    return {
        "platform_member": make_user("platform@almere.example", organisation=almere, first_name="Pia"),
        "group_member": make_user("member@almere.example", organisation=almere, first_name="Gerda", last_name="Groen"),
        "other_member": make_user(
            "other@amersfoort.example", organisation=amersfoort, first_name="Otto", last_name="Oranje"
        ),
        "group_moderator": make_user("groupmod@amersfoort.example", organisation=amersfoort, first_name="Guus"),
        "site_moderator": site_moderator,
        "outsider": make_user("outsider@mail.example"),  # logged in, but not a member of any organisation
    }


@pytest.fixture
def make_group(db):
    """`make_group(slug, members=[…], moderators=[…], **fields)`: a forum group (see factories.forum_group)."""
    return factories.forum_group


@pytest.fixture
def private_group(make_group, people):
    return make_group(
        "besloten-intervisie",
        name=f"Besloten intervisie {CANARY}",
        visibility=ForumGroup.Visibility.PRIVATE,
        join_policy=ForumGroup.JoinPolicy.INVITATION,
        allow_pseudonyms=True,
        members=[people["group_member"], people["other_member"]],
        moderators=[people["group_moderator"]],
    )


@pytest.fixture
def public_group(make_group, people):
    return make_group(
        "open-groep",
        name="Open groep",
        visibility=ForumGroup.Visibility.PUBLIC,
        members=[people["group_member"], people["other_member"]],
        moderators=[people["group_moderator"]],
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what would happen after a commit (search indexing, notifications) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def canary_thread(private_group, people, committed):
    """A thread in the private group whose title, text and reply carry the canary word, indexed for search."""
    from forum import services

    with committed():
        thread = services.create_thread(
            private_group,
            people["group_member"],
            title=f"Casus {CANARY}",
            body_markdown=f"Vertrouwelijke situatie met het woord {CANARY}.",
        )
        services.reply(thread, people["other_member"], f"Een antwoord over {CANARY}.")
    return thread
