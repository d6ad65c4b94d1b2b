"""'Delete my account': personal data erased, forum posts kept as by a former member, login impossible."""

import pytest

from accounts.models import FailedLogin, Membership, User
from forum.models import GroupMembership, Post, ThreadWatch
from knowledge.dilemmas.models import Comment, Worksheet
from knowledge.experiences.models import ExperienceSubmission
from knowledge.training.models import Enrolment
from notifications.models import Notification, NotificationSetting
from protocols.models import ChecklistRun, SavedSuitabilityResult
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def delete(client, post, user, password=PASSWORD, language="nl"):
    client.force_login(user)
    return post(f"/{language}/accounts/my/account/delete/", {"password": password})


def test_the_page_explains_what_happens(client, world):
    client.force_login(world["owner"])
    page = client.get("/nl/accounts/my/account/delete/").content.decode()
    assert "Mijn account verwijderen" in page
    assert "voormalig lid" in page
    assert 'autocomplete="current-password"' in page


def test_a_wrong_password_deletes_nothing(client, post, world):
    response = delete(client, post, world["owner"], password="not-my-password")
    assert response.status_code == 200
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    assert User.objects.filter(pk=world["owner"].pk).exists()


def test_an_empty_password_gets_a_message(client, post, world):
    response = delete(client, post, world["owner"], password="")
    assert "Vul uw wachtwoord in om uw account te verwijderen." in response.content.decode()


def test_deletion_erases_the_person_and_what_is_theirs_alone(client, post, world):
    owner = world["owner"]
    FailedLogin.objects.create(email=owner.email, ip_address="192.0.2.10")
    response = delete(client, post, owner)
    assert response.status_code == 200
    assert "Uw account is verwijderd" in response.content.decode()
    assert not User.objects.filter(email="eigenaar@almere.example").exists()
    for model, field in [
        (Membership, "user"),
        (ChecklistRun, "user"),
        (SavedSuitabilityResult, "user"),
        (Enrolment, "user"),
        (Worksheet, "owner"),
        (Comment, "author"),
        (GroupMembership, "user"),
        (ThreadWatch, "user"),
        (Notification, "recipient"),
        (NotificationSetting, "user"),
    ]:
        assert not model.objects.filter(**{f"{field}_id": owner.pk}).exists(), model.__name__
    # The neighbour's comment on the owner's worksheet went with the worksheet.
    assert not Comment.objects.filter(text__startswith="Opmerking").exists()
    assert not ExperienceSubmission.objects.filter(title="Ervaring EIGEN").exists()  # never published
    assert not FailedLogin.objects.filter(email="eigenaar@almere.example").exists()


def test_forum_posts_stay_and_show_a_former_member(client, post, world):
    thread = world["own_thread"]
    delete(client, post, world["owner"])
    assert Post.objects.filter(thread=thread, body_markdown="Mijn casus over EIGEN, graag advies.").exists()
    client.force_login(world["neighbour"])
    page = client.get(f"/nl/forum/threads/{thread.pk}/").content.decode()
    assert "Mijn casus over EIGEN" in page
    assert "Voormalig lid" in page
    assert "Eigenaar" not in page


def test_a_published_experience_stays_without_its_author(client, post, world):
    ExperienceSubmission.objects.filter(title="Ervaring EIGEN").update(status=ExperienceSubmission.Status.APPROVED)
    delete(client, post, world["owner"])
    assert ExperienceSubmission.objects.get(title="Ervaring EIGEN").author is None


def test_the_person_is_logged_out_and_cannot_log_in_again(client, post, world):
    delete(client, post, world["owner"])
    assert client.get("/nl/accounts/profile/").status_code == 302
    response = client.post("/nl/accounts/login/", {"username": "eigenaar@almere.example", "password": PASSWORD})
    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session


def test_a_training_place_goes_to_the_first_person_waiting(client, post, world, make_user):
    session = world["session"]
    session.capacity = Enrolment.objects.filter(session=session, status=Enrolment.Status.ENROLLED).count()
    session.save()
    waiting = make_user("wachtend@almere.example")
    enrolment = Enrolment.objects.create(session=session, user=waiting, status=Enrolment.Status.WAITLISTED)
    delete(client, post, world["owner"])
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ENROLLED


def test_deleting_in_danish(client, post, world):
    client.force_login(world["owner"])
    page = client.get("/da/accounts/my/account/delete/").content.decode()
    assert "Slet min konto" in page
    response = delete(client, post, world["owner"], language="da")
    assert "Din konto er slettet" in response.content.decode()
