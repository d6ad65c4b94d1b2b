"""The experience rules as pairs (object check and queryset filter) agree; the revision pair is checked here because
the shared trust population holds no revisions. Only the author withdraws; only moderators redact, take down and
purge."""

from django.contrib.auth.models import AnonymousUser

from knowledge.experiences import permissions
from knowledge.experiences.models import ExperienceRevision, ExperienceSubmission
from tests import factories


def agree(check, queryset_filter, people, objects):
    answers = set()
    for user in people:
        allowed = set(queryset_filter(user).values_list("pk", flat=True))
        for obj in objects:
            answer = check(user, obj)
            answers.add(answer)
            assert answer == (obj.pk in allowed), (user, obj)
    assert answers == {True, False}


def test_withdraw_redact_take_down_and_purge_pairs_agree(member, other_member, moderator, editor):
    submissions = [
        factories.ExperienceSubmissionFactory(author=member, status=status)
        for status in ExperienceSubmission.Status.values
    ]
    revisions = [
        ExperienceRevision.objects.create(submission=submissions[0], original={"title": "x"}, changed_fields=["title"]),
        ExperienceRevision.objects.create(
            submission=submissions[0], changed_fields=["title"], purged_at="2026-01-01T00:00Z"
        ),
    ]
    people = [member, other_member, moderator, editor, AnonymousUser()]
    agree(permissions.can_withdraw, permissions.withdrawable_submissions, people, submissions)
    agree(permissions.can_redact, permissions.redactable_submissions, people, submissions)
    agree(permissions.can_take_down, permissions.take_downable_submissions, people, submissions)
    agree(permissions.can_edit, permissions.editable_submissions, people, submissions)
    revisions = list(ExperienceRevision.objects.filter(pk__in=[r.pk for r in revisions]))
    agree(permissions.can_purge_revision, permissions.purgeable_revisions, people, revisions)


def test_who_may_do_what(member, other_member, moderator):
    published = factories.ExperienceSubmissionFactory(author=member, status="approved")
    assert permissions.can_withdraw(member, published)
    assert not permissions.can_withdraw(other_member, published)
    assert not permissions.can_withdraw(moderator, published), "a moderator takes down instead"
    assert permissions.can_redact(moderator, published) and not permissions.can_redact(member, published)
    assert permissions.can_take_down(moderator, published) and not permissions.can_take_down(member, published)
