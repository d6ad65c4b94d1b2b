"""Readers: the index with filters (its query count does not grow with the content), the experience page with its
related protocols, the hidden organisation, useful marks once per member and the link to the forum."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from knowledge.experiences.models import ExperienceRelatedProtocol, UsefulMark
from tests import factories

pytestmark = pytest.mark.django_db
INDEX = "/nl/ervaringen/"


def titles(response):
    return [page.title for page in response.context["experiences"]]


def test_the_index_lists_published_experiences_and_filters_them(client):
    factories.experience_page("Twee gemeenten en een gedeeld fietspad", outcome="not_resolved")
    factories.experience_page("Werkplekervaring", setting="workplace", outcome="partly", tags=["teamconflict"])
    all_titles = titles(client.get(INDEX))
    assert "Werkplekervaring" in all_titles and "Twee gemeenten en een gedeeld fietspad" in all_titles
    assert titles(client.get(INDEX, {"setting": "workplace", "outcome": "partly"})) == ["Werkplekervaring"]
    assert titles(client.get(INDEX, {"tag": "teamconflict"})) == ["Werkplekervaring"]
    assert titles(client.get(INDEX, {"outcome": "not_resolved"})) == ["Twee gemeenten en een gedeeld fietspad"]
    unknown = client.get(INDEX, {"setting": "maan", "outcome": "partly"})
    assert unknown.status_code == 200 and "Werkplekervaring" in titles(unknown)  # the valid filter still applies
    page = client.get(INDEX).content.decode()
    assert "Tussen burger en overheid" in page and "Opgelost" in page


def test_the_index_does_not_do_more_queries_as_experiences_grow(client, member, django_assert_max_num_queries):
    for number in range(4):
        factories.experience_page(f"Eerder {number}")
    client.force_login(member)
    client.get(INDEX)  # warm caches (site root, locales)
    with django_assert_max_num_queries(30) as few:
        client.get(INDEX)
    for number in range(8):
        page = factories.experience_page(f"Extra {number}", tags=[f"extra{number}", "gedeeld"])
        UsefulMark.objects.create(user=member, page=page)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(INDEX)
    assert len(titles(response)) >= 12


def test_the_experience_page_shows_the_case_related_protocols_and_hides_a_hidden_organisation(client):
    protocol = factories.protocol_page("Mediation bij een bezwaar: van verzoek tot verslag")
    zeist = factories.OrganisationFactory(name="Gemeente Zeist")
    hidden = factories.experience_page("Verborgen herkomst", organisation=zeist, show_organisation=False)
    ExperienceRelatedProtocol.objects.create(page=hidden, protocol=protocol)
    page = client.get(hidden.url).content.decode()
    assert protocol.title in page and protocol.url in page
    assert "Gemeente Zeist" not in page
    assert reverse("forum:discuss_page", args=[hidden.pk]) in page
    assert "Verborgen herkomst" in page

    shown = factories.experience_page("Zichtbare herkomst", organisation=zeist, show_organisation=True)
    assert zeist.name in client.get(shown.url).content.decode()


def test_a_member_marks_an_experience_useful_once_and_can_take_it_back(client, post, member, other_member):
    page = factories.experience_page("Nuttige ervaring")
    url = reverse("experiences:useful", args=[page.pk])
    client.force_login(member)
    post(url, {"useful": "1"})
    post(url, {"useful": "1"})  # a second mark changes nothing
    assert UsefulMark.objects.filter(page=page).count() == 1
    client.force_login(other_member)
    post(url, {"useful": "1"})
    assert "2 leden vonden dit nuttig." in client.get(page.url).content.decode()
    post(url, {"useful": "0"})
    assert list(UsefulMark.objects.filter(page=page).values_list("user", flat=True)) == [member.pk]
    htmx = client.post(url, {"useful": "1"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "2 leden vonden dit nuttig." in htmx.content.decode()


def test_the_database_allows_one_useful_mark_per_member_and_page(member):
    page = factories.experience_page("Eén keer nuttig")
    UsefulMark.objects.create(user=member, page=page)
    with pytest.raises(IntegrityError), transaction.atomic():
        UsefulMark.objects.create(user=member, page=page)


def test_visitors_see_the_count_but_cannot_mark(client):
    page = factories.experience_page("Alleen lezen")
    content = client.get(page.url).content.decode()
    assert "0 leden vonden dit nuttig." in content and "Markeer als nuttig" not in content
    response = client.post(reverse("experiences:useful", args=[page.pk]), {"useful": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not UsefulMark.objects.filter(page=page).exists()


def test_the_danish_index_lists_danish_experiences(client):
    factories.experience_page("En borger, der ikke følte sig hørt", language="da", setting="citizen_government")
    response = client.get("/da/erfaringer/")
    assert response.status_code == 200
    assert "En borger, der ikke følte sig hørt" in titles(response)
    assert "Mellem borger og forvaltning" in response.content.decode()
