"""Where the login sends someone next: only a path on this site; anything else goes to the profile."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("next_value", ["٣", "abc", "https://evil.example/"])
def test_a_logged_in_person_sent_to_the_login_with_an_odd_next_goes_to_their_profile(client, make_user, next_value):
    client.force_login(make_user("ingelogd@almere.example"))
    for response in (
        client.get("/en/accounts/login/", {"next": next_value}),
        client.post("/en/accounts/login/", {"next": next_value}),
    ):
        assert response.status_code == 302
        assert response["Location"] == "/en/accounts/profile/"


def test_logging_in_with_an_odd_next_goes_to_the_profile(client, make_user):
    make_user("nieuw@almere.example")
    response = client.post(
        "/en/accounts/login/?next=%D9%A3", {"username": "nieuw@almere.example", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
