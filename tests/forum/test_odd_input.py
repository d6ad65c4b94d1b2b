"""Numbers in forum addresses that are not plain digits ("²" counts as a digit to Python but not to int())."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9" * 5000, ""])
def test_a_new_thread_with_an_odd_page_number_starts_without_a_related_page(client, people, public_group, value):
    client.force_login(people["group_member"])
    response = client.get(f"/en/forum/groups/{public_group.slug}/new/", {"page": value})
    assert response.status_code == 200
    assert response.context["related_page"] is None


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9" * 5000])
def test_a_reply_quoting_an_odd_post_number_starts_empty(client, people, canary_thread, value):
    client.force_login(people["group_member"])
    response = client.get(f"/en/forum/threads/{canary_thread.pk}/reply/", {"quote": value})
    assert response.status_code == 200
    assert not response.context["form"].initial.get("body")


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9" * 5000])
def test_a_thread_page_with_an_odd_page_number_shows_the_first_page(client, people, canary_thread, value):
    client.force_login(people["group_member"])
    response = client.get(f"/en/forum/threads/{canary_thread.pk}/", {"page": value})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1
