"""A small forum world for moderation specs: two groups with their own moderators, members and an outsider.

Group A ("Intervisie Canarygroep") is private; group B is a platform group. Posts are written through the forum's own
services, so pre-moderation, counts and search behave as they do for real members.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from forum import services as forum_services
from forum.models import ForumGroup, GroupMembership
from tests.factories import join


@dataclass
class World:
    group_a: ForumGroup
    group_b: ForumGroup
    author: object
    reader: object
    reporter: object
    moderator_a: object
    moderator_b: object
    site_moderator: object
    outsider: object

    def thread(self, group=None, *, title="Een lastige casus", body="Wat zouden jullie doen?", author=None, **kw):
        return forum_services.create_thread(
            group or self.group_a, author or self.author, title=title, body_markdown=body, **kw
        )

    def reply(self, thread, body="Een reactie.", *, author=None, **kw):
        return forum_services.reply(thread, author or self.author, body, **kw)


@pytest.fixture
def world(make_organisation, make_user):
    almere = make_organisation("mod-almere", name="Gemeente Modalmere")
    amersfoort = make_organisation("mod-amersfoort", name="Gemeente Modamersfoort")
    group_a = ForumGroup.objects.create(
        name="Intervisie Canarygroep",
        slug="intervisie-canarygroep",
        visibility=ForumGroup.Visibility.PRIVATE,
        join_policy=ForumGroup.JoinPolicy.INVITATION,
        allow_pseudonyms=True,
    )
    group_b = ForumGroup.objects.create(name="Open overleg", slug="open-overleg-mod")
    users = {
        name: make_user(f"{name}@mod.example", organisation=org, first_name=name.title(), last_name="Tester")
        for name, org in [
            ("author", almere),
            ("reader", amersfoort),
            ("reporter", amersfoort),
            ("moderatora", almere),
            ("moderatorb", amersfoort),
            ("sitemod", almere),
            ("outsider", amersfoort),
        ]
    }
    for name in ("author", "reader", "reporter"):
        join(group_a, users[name])
    join(group_a, users["moderatora"], GroupMembership.Role.MODERATOR)
    join(group_b, users["moderatorb"], GroupMembership.Role.MODERATOR)
    join(group_b, users["author"])
    users["sitemod"].groups.add(Group.objects.get(name=roles.MODERATORS))
    return World(
        group_a=group_a,
        group_b=group_b,
        author=users["author"],
        reader=users["reader"],
        reporter=users["reporter"],
        moderator_a=users["moderatora"],
        moderator_b=users["moderatorb"],
        site_moderator=users["sitemod"],
        outsider=users["outsider"],
    )
