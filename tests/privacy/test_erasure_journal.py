"""The erasure journal: every deleted account leaves an entry outside the database, which a restore replays."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from accounts import erasure_journal, privacy
from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def journal(settings, tmp_path):
    settings.ERASURE_JOURNAL_DIR = tmp_path / "journal"
    return settings.ERASURE_JOURNAL_DIR


@pytest.fixture
def leaver(make_user):
    return make_user("Vertrekker@Almere.example", first_name="Vera")


def delete(client, post, user, language="nl"):
    client.force_login(user)
    return post(f"/{language}/accounts/my/account/delete/", {"password": PASSWORD})


def replay(*args):
    out = io.StringIO()
    call_command("replay_erasures", *args, stdout=out)
    return out.getvalue()


def test_a_deleted_account_leaves_its_key_and_a_keyed_hash_of_its_address_never_the_address(
    client, post, journal, leaver
):
    response = delete(client, post, leaver)
    assert "Uw account is verwijderd" in response.content.decode()
    [path] = journal.glob("erasure-*.json")
    text = path.read_text()
    assert text.count("\n") == 1 and text.endswith("\n")  # one JSON line
    entry = json.loads(text)
    assert set(entry) == {"version", "user_id", "email_hmac", "erased_at"}
    assert entry["user_id"] == leaver.pk
    assert "vertrekker" not in text.lower() and "almere" not in text.lower() and "Vera" not in text
    assert entry["email_hmac"] == erasure_journal.email_hmac(" VERTREKKER@almere.EXAMPLE ")  # normalised
    assert entry["email_hmac"] != erasure_journal.email_hmac("vertrekker@almere.example", key="another key")
    assert path.stat().st_mode & 0o077 == 0  # readable by the app's user only


def test_when_the_journal_cannot_be_written_the_account_stays_and_the_person_is_told(
    client, post, settings, tmp_path, leaver
):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    settings.ERASURE_JOURNAL_DIR = blocked / "journal"
    response = delete(client, post, leaver, language="en")
    assert response.status_code == 200
    assert "Your account could not be deleted just now, and nothing has been changed." in response.content.decode()
    assert User.objects.filter(pk=leaver.pk).exists()
    response = client.get("/en/accounts/profile/")
    assert response.status_code == 200  # still logged in


def test_an_erasure_that_fails_takes_its_journal_entry_back(monkeypatch, journal, leaver):
    def failing_handler(user):
        raise RuntimeError("a handler failed")

    monkeypatch.setattr(privacy, "_erasures", [*privacy._erasures, failing_handler])
    with pytest.raises(RuntimeError):
        privacy.delete_account(leaver)
    assert User.objects.filter(pk=leaver.pk).exists()
    assert list(journal.iterdir()) == []


def test_replay_erases_again_whoever_the_journal_names_and_a_second_run_changes_nothing(journal, leaver, make_user):
    """As after a restore: the dump still holds the account whose deletion the journal recorded later."""
    stays = make_user("blijver@almere.example")
    erasure_journal.record(leaver)
    erasure_journal.record(User(pk=stays.pk + 1000, email="nooit-in-deze-backup@almere.example"))
    output = replay()
    assert f"Erasure journal {journal}: 2 entries." in output
    assert "Accounts erased again: 1." in output
    assert "Accounts already gone: 1." in output
    assert "Accounts left for a check (other e-mail address): 0." in output
    assert not User.objects.filter(pk=leaver.pk).exists()
    assert User.objects.filter(pk=stays.pk).exists()
    assert len(list(journal.glob("erasure-*.json"))) == 2  # the replay journals nothing new

    output = replay()
    assert "Accounts erased again: 0." in output
    assert "Accounts already gone: 2." in output


def test_an_account_whose_address_differs_from_the_journaled_one_is_left_for_a_check(journal, leaver):
    erasure_journal.record(leaver)
    User.objects.filter(pk=leaver.pk).update(email="iemand-anders@almere.example")
    with pytest.raises(CommandError, match=f"Accounts {leaver.pk} still exist"):
        replay()
    assert User.objects.filter(pk=leaver.pk).exists()
    output = replay("--ignore-email")
    assert "Accounts erased again: 1." in output
    assert not User.objects.filter(pk=leaver.pk).exists()


def test_an_entry_made_under_a_replaced_key_is_recognised_while_the_old_key_is_a_fallback(settings, journal, leaver):
    settings.SECRET_KEY = "the-old-key"
    erasure_journal.record(leaver)
    settings.SECRET_KEY = "the-new-key"
    settings.SECRET_KEY_FALLBACKS = ["the-old-key"]
    assert "Accounts erased again: 1." in replay()


def test_a_missing_journal_or_an_unreadable_entry_stops_the_replay(journal, leaver):
    with pytest.raises(CommandError, match="there is no erasure journal at"):
        replay()
    journal.mkdir()
    (journal / "erasure-20260101T000000000000Z-abc.json").write_text("{not json")
    with pytest.raises(CommandError, match="unreadable erasure journal entry"):
        replay()
