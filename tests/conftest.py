import io

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.utils import translation

from accounts.models import Membership, Organisation, OrganisationDomain, User

# The database as the migrations left it (root page, locales, groups, workflow), for tests that must rebuild it.
MIGRATED_STATE = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from a database with the migrations' data plus the demo content (loaded once)."""
    with django_db_blocker.unblock():
        MIGRATED_STATE["snapshot"] = connection.creation.serialize_db_to_string()
        call_command("demo_content", stdout=io.StringIO())


@pytest.fixture
def rebuilt_db(transactional_db):
    """For tests that commit (browser tests, real parallel connections): a database in the known state.

    Transactional tests commit, and each one empties the database when it ends. So such a test empties it first
    as well, restores the migrated state captured at the start of the session, and loads the demo content.
    """
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(MIGRATED_STATE["snapshot"])
    # The snapshot's rows carry their ids; move the sequences past them so new rows do not collide.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)
    call_command("demo_content", stdout=io.StringIO())


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
        organisation = Organisation.objects.create(slug=slug, name=fields.pop("name", slug.title()), **fields)
        if domain:
            OrganisationDomain.objects.create(organisation=organisation, domain=domain)
        return organisation

    return make


@pytest.fixture
def make_user(db):
    def make(email, *, organisation=None, role=Membership.Role.MEMBER, status=Membership.Status.ACTIVE, **fields):
        fields.setdefault("first_name", email.split("@")[0].title())
        fields.setdefault("last_name", "Tester")
        user = User.objects.create_user(email=email, password="a-long-test-password", **fields)
        user.email_verified_at = fields.get("email_verified_at") or user.date_joined
        user.save()
        if organisation is not None:
            Membership.objects.create(user=user, organisation=organisation, role=role, status=status)
        return user

    return make


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
def as_user(client):
    """Log `client` in as the given user, from a fresh start (whoever was logged in, and their cookies, are gone)."""

    def log_in(user):
        client.logout()
        client.force_login(user)
        return client

    return log_in
