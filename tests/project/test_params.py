"""Numbers read from a request: only plain digits within range count; everything else is no number."""

import pytest

from core.params import MAX_ID, local_url, natural_int, positive_int


@pytest.mark.parametrize(
    "value, expected",
    [("7", 7), ("007", 7), (7, 7), (str(MAX_ID), MAX_ID), ("1", 1)],
)
def test_plain_digits_are_a_number(value, expected):
    assert positive_int(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "²",
        "٣",
        "７",
        "-1",
        "0",
        "+7",
        " 7",
        "7 ",
        "7\n",
        "7_000",
        "1e3",
        "0x1f",
        "",
        None,
        True,
        [],
        "9" * 5000,
        str(MAX_ID + 1),
    ],
)
def test_anything_else_is_no_number(value):
    assert positive_int(value) is None


def test_a_maximum_is_kept():
    assert positive_int("1000", maximum=999) is None
    assert positive_int("999", maximum=999) == 999


def test_zero_counts_where_positions_start_at_zero():
    assert natural_int("0") == 0
    assert natural_int("3") == 3
    assert natural_int("-1") is None
    assert natural_int("²") is None


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nl/%00/", "/nl/tags/%00/", "/nl/forum/groups/a%00b/", "/cms/pages/%00/", "/%00"])
def test_a_nul_in_any_address_is_a_bad_request(client, path):
    assert client.get(path).status_code == 400


@pytest.mark.django_db
def test_a_nul_in_a_query_parameter_name_or_value_is_a_bad_request_that_says_why(client):
    assert client.get("/en/forum/?a%00=1").status_code == 400
    response = client.get("/en/forum/", {"page": ["1", "2\x00"]})
    assert response.status_code == 400
    assert "cannot contain" in response.content.decode()


@pytest.mark.parametrize(
    "value, expected",
    [
        ("/nl/forum/?page=2", "/nl/forum/?page=2"),
        ("٣", None),  # redirect() would try to reverse it as a view name
        ("abc", None),
        ("//evil.example/", None),
        ("/\\evil.example/", None),
        ("https://evil.example/", None),
        ("", None),
        (None, None),
    ],
)
def test_only_a_path_on_this_site_is_a_place_to_go_next(rf, value, expected):
    assert local_url(rf.get("/"), value) == expected
