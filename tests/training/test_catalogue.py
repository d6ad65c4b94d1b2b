"""The catalogue: filters, the next session with its free places, a bounded number of queries; nl and da."""

from datetime import timedelta
from html import unescape

import pytest
from django.utils import timezone

from knowledge.training import services
from knowledge.training.models import Audience, TrainingModulePage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue(trainer):
    """Four Dutch modules for different audiences and formats, and the Danish version of the dilemma workshop."""
    for title, audiences, format, tags in (
        ("Specialisatie overheidsmediator", ["mediators"], "blended", ["specialisatie", "mediators"]),
        ("Mediationvaardigheden voor bezwaar en beroep", ["objections", "legal"], "in_person", ["bezwaar"]),
        ("Workshop omgaan met dilemma's", ["policy", "non_mediators"], "in_person", ["dilemma's", "integriteit"]),
        ("Mediationbewustzijn voor leidinggevenden", ["managers"], "online", ["leidinggevenden", "cultuur"]),
    ):
        factories.training_module(title, audiences=audiences, format=format, tags=tags, owner=trainer)
    factories.training_module(
        "Workshop: dilemmaer i offentligt arbejde",
        slug="workshop-dilemmaer",
        language="da",
        audiences=["policy", "non_mediators"],
        tags=["dilemmaer", "integritet"],
        owner=trainer,
    )


def titles(html):
    html = unescape(html)
    return [m.title for m in TrainingModulePage.objects.live() if f">{m.title}</a></h3>" in html]


def test_the_dutch_catalogue_lists_the_dutch_modules_with_next_session_and_free_places(client, members):
    index = factories.training_index("nl")
    module = factories.training_module("Vrije plaatsen tellen", max_group_size=5, sessions=[{}, {"capacity": 20}])
    first = module.sessions.order_by("start").first()
    for person in members(2):
        services.enrol(first.pk, person, notify=False)
    html = client.get(index.url).content.decode()
    item = html.split(">Vrije plaatsen tellen</a>")[1].split("</li>")[0]
    assert "3 plaatsen vrij" in item
    assert timezone.localtime(first.start).strftime("%Y") in item
    assert "Workshop omgaan met dilemma's" in unescape(html)
    assert "Workshop: dilemmaer i offentligt arbejde" not in html


def test_the_danish_catalogue_speaks_danish(client):
    index = factories.training_index("da")
    html = client.get(index.url).content.decode()
    assert '<html lang="da"' in html
    assert "Workshop: dilemmaer i offentligt arbejde" in html
    assert "Næste hold" in html and "Målgruppe" in html
    module = TrainingModulePage.objects.get(slug="workshop-dilemmaer")
    page = client.get(module.url).content.decode()
    assert "Læringsmål" in page and "Tilmeld" in page


def test_filters_by_audience_format_language_and_tag(client):
    index = factories.training_index("nl")
    everything = titles(client.get(index.url).content.decode())
    assert len(everything) == 4
    managers = titles(client.get(index.url, {"audience": "managers"}).content.decode())
    assert managers == ["Mediationbewustzijn voor leidinggevenden"]
    online = titles(client.get(index.url, {"format": "online"}).content.decode())
    assert online == ["Mediationbewustzijn voor leidinggevenden"]
    tagged = titles(client.get(index.url, {"tag": "integriteit"}).content.decode())
    assert tagged == ["Workshop omgaan met dilemma's"]
    assert titles(client.get(index.url, {"language": "da"}).content.decode()) == []
    factories.training_module("Engelstalige sessie", sessions=[{"language": "en"}])
    assert titles(client.get(index.url, {"language": "en"}).content.decode()) == ["Engelstalige sessie"]
    combined = titles(client.get(index.url, {"audience": "policy", "format": "online"}).content.decode())
    assert combined == []


def test_an_unknown_filter_value_is_reported_and_ignored(client):
    index = factories.training_index("nl")
    response = client.get(index.url, {"audience": "astronauts", "format": "online"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert titles(html) == ["Mediationbewustzijn voor leidinggevenden"]


def test_the_catalogue_does_not_do_more_queries_with_more_modules(client, django_assert_max_num_queries):
    index = factories.training_index("nl")
    client.get(index.url)  # warm caches (site root paths)
    with django_assert_max_num_queries(20) as few:
        client.get(index.url)
    policy = Audience.objects.get(key="policy")
    for number in range(12):
        module = factories.training_module(f"Extra module {number}", sessions=[{}, {}])
        module.audiences.add(policy)
        module.tags.add("extra")
        module.save_revision().publish()
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        html = client.get(index.url).content.decode()
    assert "Extra module 11" in html
    assert len(many.captured_queries) == len(few.captured_queries)


def test_modules_without_upcoming_sessions_say_so(client):
    past = timezone.now() - timedelta(days=30)
    factories.training_module(
        "Al geweest", sessions=[{"start": past, "end": past + timedelta(hours=2), "enrolment_deadline": past}]
    )
    index = factories.training_index("nl")
    html = client.get(index.url).content.decode()
    item = html.split(">Al geweest</a>")[1].split("</li>")[0]
    assert "Nog geen sessie gepland" in item
