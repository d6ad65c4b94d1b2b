import io

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.test import override_settings
from django.utils import timezone, translation

from accounts.models import Membership
from tests import factories

# Fixtures shared across directories (the forum's people and groups are also used by the search specs).
pytest_plugins = ["tests.forum.fixtures"]

# The database as the migrations left it (root page, locales, groups, workflow), for tests that must rebuild it.
MIGRATED_STATE = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the migrated database plus the site's fixed pages (home, catalogues, step-plan), and
    builds whatever else it needs with tests/factories.py."""
    with django_db_blocker.unblock():
        MIGRATED_STATE["snapshot"] = connection.creation.serialize_db_to_string()
        factories.site()


def _restore_migrated_state():
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(MIGRATED_STATE["snapshot"])
    # The snapshot's rows carry their ids; move the sequences past them so new rows do not collide.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The demo content on the migrated database, loaded once per run by the first spec that asks for it.

    For specs of the demo itself: ask for it by name, or with `pytestmark = pytest.mark.usefixtures("demo")`. Those
    specs run after all others (see `pytest_collection_modifyitems`), so no other spec ever sees the demo's data.
    """
    with django_db_blocker.unblock():
        _restore_migrated_state()
        call_command("demo_content", stdout=io.StringIO())


def pytest_configure(config):
    config.addinivalue_line("markers", "demo: uses the demo content (set for you); `-m 'not demo'` leaves them out")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Specs that load the demo content are marked `demo` and go last. pytest-django then moves the transactional
    specs to the very end with a stable sort, so this order holds within each of its groups."""
    for item in items:
        if "demo" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.demo)
    items.sort(key=lambda item: "demo" in getattr(item, "fixturenames", ()))


@pytest.fixture
def committed_db(transactional_db):
    """For tests that commit (real parallel connections): the database as the migrations left it.

    Transactional tests commit, and each one empties the database when it ends. So such a test empties it first
    as well, and restores the state captured at the start of the session; the factories add the pages it needs.
    """
    _restore_migrated_state()


@pytest.fixture
def rebuilt_db(transactional_db):
    """For tests that commit and need the demo content (browser tests): the migrated database plus the demo."""
    _restore_migrated_state()
    call_command("demo_content", stdout=io.StringIO())


@pytest.fixture(scope="session", autouse=True)
def _erasure_journal(tmp_path_factory):
    """Deleted accounts are journaled (accounts.erasure_journal): into a directory of this run, not var/."""
    with override_settings(ERASURE_JOURNAL_DIR=tmp_path_factory.mktemp("erasure-journal")):
        yield


@pytest.fixture(autouse=True)
def _fresh_outbox():
    mail.outbox = []


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language, whatever the previous test's last request activated.

    The locale middleware activates each request's language in the test's own thread and nothing resets it, so a
    test that requested an /en/ page would otherwise make the next test reverse its URLs in English.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def make_organisation(db):
    def make(slug, domain=None, **fields):
        return factories.OrganisationFactory(slug=slug, name=fields.pop("name", slug.title()), domain=domain, **fields)

    return make


@pytest.fixture
def make_user(db):
    """`make_user(email, organisation=…, role=…, status=…)`: a user with a verified address (see factories.person)."""

    def make(email, *, organisation=None, role=Membership.Role.MEMBER, status=Membership.Status.ACTIVE, **fields):
        fields["email_verified_at"] = fields.get("email_verified_at") or timezone.now()
        return factories.person(email, organisation=organisation, role=role, status=status, **fields)

    return make


@pytest.fixture
def trainer(db):
    """A trainer (the Trainers group), who writes training modules and sees the participants of their own."""
    return factories.trainer("tessa.trainer@opleiding.example", first_name="Tessa", last_name="Trainer")


@pytest.fixture
def editor(db):
    """An editor (the Editors group), who publishes pages and approves what trainers and authors submit."""
    return factories.editor("ruud.redacteur@redactie.example", first_name="Ruud", last_name="de Redacteur")


@pytest.fixture
def moderator(db):
    """A site moderator (the Moderators group): moderates experiences and every forum group."""
    return factories.moderator("mo.derator@moderatie.example", first_name="Mo", last_name="Derator")


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST with `client`, then run what the view scheduled for after the commit (mails), as production would.

    Tests run inside a transaction that never commits, so on_commit callbacks would otherwise never fire.
    """

    def do(url, data=None, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **extra)

    return do


@pytest.fixture
def page_cache_on(settings):
    """The page caches as production runs them (tests keep them off: see config/settings/test.py), starting and
    ending empty."""
    from django.core.cache import cache

    settings.PAGE_CACHE_TIMEOUT = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def database_queue(settings):
    """The production queue instead of running each task at once: tasks wait as rows in the database (in the test's
    transaction) until tests.helpers.run_queued_tasks() runs them as the worker would."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # django-tasks resets its backends


@pytest.fixture
def as_user(client):
    """Log `client` in as the given user, from a fresh start (whoever was logged in, and their cookies, are gone)."""

    def log_in(user):
        client.logout()
        client.force_login(user)
        return client

    return log_in
