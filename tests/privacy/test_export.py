"""'Download my data': one JSON file with every section of the person's data, and nothing of anyone else."""

import json

import pytest

from accounts import privacy
from accounts.models import User
from tests.privacy.helpers import CANARY

pytestmark = pytest.mark.django_db

SECTIONS = {
    "profile",
    "organisation_memberships",
    "training_enrolments",
    "protocol_checklists",
    "saved_suitability_results",
    "dilemma_worksheets",
    "dilemma_worksheet_comments",
    "dilemma_worksheet_drafts",
    "experience_submissions",
    "experience_useful_marks",
    "forum_posts",
    "forum_group_memberships",
    "forum_watched_threads",
    "forum_reports",
    "forum_moderation_about_you",
    "forum_moderation_notes_and_suspensions",
    "notification_settings",
    "notifications",
}


def download(client, user):
    client.force_login(user)
    response = client.post("/nl/accounts/my/data/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="kennisplatform-data-')
    return response, json.loads(response.content)


def test_every_app_contributes_its_section():
    assert set(privacy.sections()) >= SECTIONS


def test_the_file_holds_the_persons_data_from_every_app(client, world):
    _, data = download(client, world["owner"])
    assert set(data) >= SECTIONS
    assert data["profile"]["email"] == "eigenaar@almere.example"
    assert data["profile"]["first_name"] == "Eva"
    assert [m["organisation"] for m in data["organisation_memberships"]] == ["Gemeente Almere"]
    assert data["training_enrolments"][0]["status"] == "enrolled"
    assert data["protocol_checklists"][0]["notes"] == "Notities EIGEN"
    assert data["saved_suitability_results"][0]["label"] == "Uitkomst EIGEN"
    worksheet = data["dilemma_worksheets"][0]
    assert worksheet["title"] == "Dilemma EIGEN"
    assert worksheet["stakeholders"][0]["name"] == "Belanghebbende EIGEN"
    assert worksheet["options"][0]["weighings"][0]["reason"] == "Reden EIGEN"
    assert [c["text"] for c in data["dilemma_worksheet_comments"]] == ["Mijn opmerking EIGEN"]
    assert data["experience_submissions"][0]["what_happened"] == "Wat er gebeurde EIGEN"
    posts = {post["text"] for post in data["forum_posts"]}
    assert posts == {"Mijn casus over EIGEN, graag advies.", "Mijn antwoord EIGEN"}
    assert data["forum_group_memberships"][0]["group"] == "Intervisie regio Utrecht"
    assert len(data["forum_watched_threads"]) == 2
    assert data["notification_settings"]["reply"] == "off"
    assert [n["kind"] for n in data["notifications"]] == ["reply"]  # the neighbour's reply in the owner's thread


def test_nothing_of_anyone_else_is_in_the_file(client, world):
    response, _ = download(client, world["owner"])
    assert CANARY not in response.content.decode()
    assert "buur@almere.example" not in response.content.decode()


def test_the_neighbour_gets_their_own_data_and_not_the_owners(client, world):
    response, data = download(client, world["neighbour"])
    assert data["profile"]["email"] == "buur@almere.example"
    assert "EIGEN" not in response.content.decode()
    assert "Eigenaar" not in response.content.decode()


def test_get_explains_and_does_not_download(client, world):
    client.force_login(world["owner"])
    response = client.get("/nl/accounts/my/data/")
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    page = response.content.decode()
    assert "Mijn gegevens downloaden" in page
    assert "uw dilemma-werkbladen en opmerkingen" in page


def test_the_danish_page(client, world):
    client.force_login(world["owner"])
    page = client.get("/da/accounts/my/data/").content.decode()
    assert "Download mine data" in page


def test_a_visitor_is_sent_to_the_login(client):
    response = client.post("/nl/accounts/my/data/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_file_does_not_grow_in_queries_with_the_amount_of_data(client, world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from forum.models import Post

    with CaptureQueriesContext(connection) as few:
        download(client, world["owner"])
    for number in range(10):
        Post.objects.create(thread=world["own_thread"], author=world["owner"], body_markdown=f"Antwoord {number}")
    with django_assert_max_num_queries(len(few)):
        _, data = download(client, world["owner"])
    assert len(data["forum_posts"]) == 12


def test_the_file_holds_what_moderators_recorded_about_the_person_without_reporters_or_moderators(client, world):
    """Warnings, suspensions, actions on their posts and the reviews of their posts, with outcome and reasons;
    moderators appear as a role, and who reported (and what they wrote) stays out."""
    from django.contrib.auth.models import Group

    from accounts import roles
    from forum.models import GroupMembership
    from forum.moderation import services as moderation
    from forum.moderation.actions import ACTIONS
    from forum.moderation.models import ReviewItem

    owner, neighbour = world["owner"], world["neighbour"]
    moderator = User.objects.create_user(
        email="moderator@almere.example", password="x", first_name="Mona", last_name=f"Moderator{CANARY}"
    )
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    own_post = world["own_thread"].first_post
    moderation.report_post(own_post, neighbour, reason="other", text=f"Ik ben het zelf, {CANARY}")
    item = ReviewItem.objects.get(post=own_post)
    ACTIONS["hide"].apply(moderator, item, {"version": item.version, "reason": "Herleidbare casus EIGEN."})
    membership = GroupMembership.objects.get(user=owner, group=world["own_thread"].group)
    ACTIONS["warn"].apply(moderator, membership, {"reason": "Let op herleidbaarheid EIGEN."})
    ACTIONS["suspend"].apply(moderator, membership, {"reason": "Tweede keer EIGEN.", "days": 7})
    neighbours_post = world["own_thread"].posts.get(author=neighbour)
    moderation.report_post(neighbours_post, owner, reason="spam")

    response, data = download(client, owner)
    section = data["forum_moderation_about_you"]
    assert owner.preferred_language == "nl"
    assert "Moderatoren worden alleen met hun rol genoemd" in section["about_this_section"]
    actions = {(a["action"], a["about"]): a for a in section["actions"]}
    assert set(actions) == {("hide", "your_post"), ("warn", "you"), ("suspend", "you")}
    assert actions[("hide", "your_post")]["url"] == own_post.get_absolute_url()
    assert actions[("warn", "you")]["reason"] == "Let op herleidbaarheid EIGEN."
    assert actions[("suspend", "you")]["group"] == "Intervisie regio Utrecht"
    assert {a["by"] for a in section["actions"]} == {"moderator"}
    (review,) = section["reviews_of_your_posts"]
    assert review["reports"][0]["reason"] == "other" and set(review["reports"][0]) == {"reason", "at"}
    assert (review["status"], review["decision"], review["decided_by"]) == ("rejected", "hide", "moderator")
    assert review["decision_reason"] == "Herleidbare casus EIGEN."
    assert [r["outcome"] for r in data["forum_reports"]] == ["pending"]

    content = response.content.decode()
    assert CANARY not in content, "neither the reporter nor the moderator is named, nor what the reporter wrote"
    assert "buur@almere.example" not in content and "moderator@almere.example" not in content

    # The reporter's own file has their report, but nothing of what moderators recorded about the owner.
    response, data = download(client, neighbour)
    assert data["forum_reports"][0]["explanation"] == f"Ik ben het zelf, {CANARY}"
    assert data["forum_moderation_about_you"]["actions"] == []
    assert "EIGEN" not in response.content.decode()
