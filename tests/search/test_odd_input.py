"""Odd addresses on the search and tag pages answer with a clear status, never a server error."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_tag_address_with_a_nul_byte_is_a_bad_request(client):
    response = client.get("/nl/tags/%00/")
    assert response.status_code == 400


def test_a_tag_slug_longer_than_any_tag_is_not_found(client):
    # PostgreSQL refuses tsquery words of 2,047 bytes and more; no tag slug is longer than 100 characters.
    response = client.get("/nl/tags/" + "a" * 2043 + "/")
    assert response.status_code == 404


def test_a_search_with_a_nul_byte_in_the_query_string_is_a_bad_request_that_says_why(client):
    response = client.get("/en/search/?q=mediation%00")
    assert response.status_code == 400
    assert "cannot contain" in response.content.decode()


def test_a_very_long_search_is_shortened_and_the_reader_told(client):
    response = client.get("/en/search/", {"q": "a" * 5000})
    assert response.status_code == 200


def test_autocomplete_with_a_nul_byte_is_a_bad_request(client):
    assert client.get("/en/search/autocomplete/", {"q": "media\x00"}).status_code == 400


@pytest.mark.parametrize("word", ["a" * 3000, "æ" * 1100])
def test_a_word_longer_than_postgresql_takes_is_searched_shortened_even_with_a_high_length_limit(
    client, settings, word
):
    # PostgreSQL refuses tsquery words of 2,047 bytes and more, whatever the deployment sets as the query limit.
    settings.SEARCH_MAX_QUERY_LENGTH = 5000
    assert client.get("/en/search/", {"q": word}).status_code == 200
    assert client.get("/en/search/autocomplete/", {"q": word}).status_code == 200
