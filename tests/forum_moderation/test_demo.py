"""The demo gives moderators a populated queue and audit log, and loading it twice duplicates nothing."""

import pytest

from forum.moderation import demo
from forum.moderation.models import AuditEntry, Report, ReviewItem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


class Quiet:
    def step(self, message):
        pass

    def iterate(self, items, what):
        yield from items


def counts():
    return ReviewItem.objects.count(), Report.objects.count(), AuditEntry.objects.count()


def test_demo_has_a_reported_and_a_held_post_waiting_and_two_audit_entries():
    pending = ReviewItem.objects.pending()
    assert pending.filter(held=False, reports__isnull=False).distinct().count() == 1
    assert pending.filter(held=True).count() == 1
    assert set(AuditEntry.objects.values_list("action", flat=True)) == {"approve", "hide"}
    hidden = AuditEntry.objects.get(action="hide")
    assert hidden.group.slug == "intervisie-regio-eemland" and hidden.reason


def test_loading_the_demo_again_changes_nothing():
    before = counts()
    demo.load(Quiet())
    assert counts() == before
