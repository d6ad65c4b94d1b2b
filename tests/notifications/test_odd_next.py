"""Marking notifications read goes back to a path on this site, or to the list."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("next_value", ["٣", "abc", "//evil.example/"])
def test_an_odd_next_after_marking_all_read_goes_to_the_list(client, make_user, next_value):
    client.force_login(make_user("lezer@almere.example"))
    response = client.post("/en/notifications/read-all/", {"next": next_value})
    assert response.status_code == 302
    assert response["Location"] == "/en/notifications/"


def test_a_path_on_this_site_is_followed(client, make_user):
    client.force_login(make_user("lezer@almere.example"))
    response = client.post("/en/notifications/read-all/", {"next": "/en/forum/"})
    assert response["Location"] == "/en/forum/"
