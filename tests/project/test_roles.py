"""The role groups a fresh install has, and what each may do in the CMS."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from accounts import roles
from knowledge.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def perms_for(user):
    home = HomePage.objects.get(locale__language_code="nl")
    return home.permissions_for_user(user)


def test_fresh_install_has_the_three_role_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.GROUP_NAMES)


def test_editor_writes_and_publishes(make_user):
    editor = make_user("editor@x.example")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    permissions = perms_for(editor)
    assert permissions.can_add_subpage() and permissions.can_edit() and permissions.can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_trainer_writes_but_cannot_publish(make_user):
    trainer = make_user("trainer@x.example")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    permissions = perms_for(trainer)
    assert permissions.can_add_subpage() and permissions.can_edit()
    assert not permissions.can_publish()


def test_moderator_has_no_business_in_the_page_tree(make_user):
    moderator = make_user("moderator@x.example")
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    permissions = perms_for(moderator)
    assert not (permissions.can_add_subpage() or permissions.can_edit() or permissions.can_publish())
    assert not moderator.has_perm("wagtailadmin.access_admin")


def test_submitted_pages_go_to_the_editors_for_approval():
    root = Page.objects.get(depth=1)
    workflow = Workflow.objects.get(workflow_pages__page=root)
    (task,) = [task.specific for task in workflow.tasks.all()]
    assert [group.name for group in task.groups.all()] == [roles.EDITORS]


def test_a_member_is_someone_with_an_active_membership(make_user, make_organisation):
    organisation = make_organisation("org", domain="org.example")
    assert roles.is_member(make_user("m@org.example", organisation=organisation))
    assert not roles.is_member(make_user("p@org.example", organisation=organisation, status="pending"))
    assert not roles.is_member(make_user("nobody@org.example"))


def test_content_pages_are_allowed_under_home():
    assert ContentPage in HomePage.allowed_subpage_models()
