"""A stand-in notification target, so the notification specs do not depend on the forum's models.

Organisations play "posts": a test hides one by adding its slug to `hidden`, and renames it to change its text.
"""

import pytest

from accounts.models import Organisation
from notifications import registry


class StandInTarget:
    def __init__(self):
        self.hidden: set[str] = set()
        # Who may read a "private" target (by e-mail); others may not.
        self.private: dict[str, set[str]] = {}
        self.visible_queries = 0

    def can_view(self, user, organisation) -> bool:
        if organisation.slug in self.hidden:
            return False
        readers = self.private.get(organisation.slug)
        return readers is None or user.email in readers

    def visible(self, user):
        excluded = set(self.hidden) | {slug for slug, readers in self.private.items() if user.email not in readers}
        return Organisation.objects.exclude(slug__in=excluded)


@pytest.fixture
def stand_in():
    target = StandInTarget()
    previous = registry._targets.get(Organisation)
    registry.register_target(
        Organisation,
        can_view=target.can_view,
        url=lambda organisation: f"/nl/stand-in/{organisation.slug}/",
        title=lambda organisation: organisation.name,
        excerpt=lambda organisation: organisation.region,
        visible=target.visible,
    )
    yield target
    registry.unregister_target(Organisation)
    if previous is not None:
        registry._targets[Organisation] = previous


@pytest.fixture
def post_target(make_organisation):
    """A "post" with a recognisable title."""
    return make_organisation("post-about-fence", name="Reply about the garden fence", region="The neighbours talked.")


@pytest.fixture
def alice(make_user, make_organisation):
    return make_user("alice@almere-test.example", organisation=make_organisation("alice-org"), preferred_language="nl")


@pytest.fixture
def bob(make_user):
    return make_user("bob@test.example", preferred_language="nl")


@pytest.fixture
def mette(make_user):
    return make_user("mette@kk-test.example", first_name="Mette", preferred_language="da")


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """notify() as the forum calls it, with the commit (and what it schedules) happening at the end."""
    from notifications.services import notify

    def do(recipient, kind, target, actor=None):
        with django_capture_on_commit_callbacks(execute=True):
            notify(recipient, kind, target, actor=actor)

    return do


@pytest.fixture
def task_queue(settings):
    """A real queue instead of running tasks at once: what was enqueued waits until `run()` is called."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    class Queue:
        @property
        def results(self):
            return task_backends["default"].results

        @property
        def mails(self):
            """The queued notification mails (other apps queue their own tasks too, e.g. search indexing), once the
            tasks that record notifications have run: they are what queues the mails."""
            self.run(lambda result: result.task.func.__name__ != "send_notification_email")
            return [r for r in self.results if r.task.func.__name__ == "send_notification_email"]

        def run(self, which=lambda result: True):
            """Run the queued tasks `which` selects, and those they queue; returns what they returned."""
            returned = []
            while pending := [result for result in self.results if which(result)]:
                self.results[:] = [result for result in self.results if not which(result)]
                returned += [result.task.call(*result.args, **result.kwargs) for result in pending]
            return returned

    return Queue()
