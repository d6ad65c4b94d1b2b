"""'Download my data': one JSON file with every section of the person's data, and nothing of anyone else."""

import json

import pytest

from accounts import privacy

from .conftest import CANARY

pytestmark = pytest.mark.django_db

SECTIONS = {
    "profile",
    "organisation_memberships",
    "training_enrolments",
    "protocol_checklists",
    "saved_suitability_results",
    "dilemma_worksheets",
    "dilemma_worksheet_comments",
    "experience_submissions",
    "experience_useful_marks",
    "forum_posts",
    "forum_group_memberships",
    "forum_watched_threads",
    "forum_reports",
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
