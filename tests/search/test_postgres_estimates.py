"""A PostgreSQL search that matches more documents than it can count in time estimates its numbers from a fixed
sample (every 32nd document), says so, and still shows only what the reader may read.

SEARCH_EXACT_COUNT_LIMIT is lowered so a few hundred documents make a "broad" search."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType

from search.audience import VISITOR, Audience
from search.backends import get_backend, postgres
from search.backends.base import SORT_DATE, SearchQuery
from search.backends.postgres import SAMPLE_RATE, scaled
from search.documents import DocumentData
from search.indexing import store
from search.models import SearchDocument, Visibility
from tests.search.helpers import PRIVATE_GROUP_ID

WORD = "wijdverbreid"
CANARY = "kanariewoord"
MEMBER = Audience(member=True)
GROUP_MEMBER = Audience(member=True, group_ids=frozenset({PRIVATE_GROUP_ID}))
START = datetime(2026, 1, 1, tzinfo=UTC)


def search(text=WORD, audience=VISITOR, **options):
    return get_backend().search(SearchQuery(text=text, audience=audience, **options))


def titles(response):
    return [hit.title for hit in response.hits]


class Corpus:
    def __init__(self):
        self.content_type = ContentType.objects.get_for_model(ContentType)
        self.number = 0

    def add(self, title, *, body=WORD, kind="page", visibility=Visibility.PUBLIC, **fields):
        self.number += 1
        data = DocumentData(
            title=title,
            url=f"/nl/breed-{self.number}/",
            language=fields.pop("language", "nl"),
            body=body,
            visibility=visibility,
            group_ids=[PRIVATE_GROUP_ID] if visibility == Visibility.GROUPS else [],
            updated_at=fields.pop("updated_at", START + timedelta(hours=self.number)),
            **fields,
        )
        store(self.content_type.pk, 800_000 + self.number, kind, data, mirror=False)
        return SearchDocument.objects.get(source_id=800_000 + self.number)

    def add_in_sample(self, title, **fields):
        """A document whose id falls in the sample, so a leak into the estimates would show in the counts."""
        while (SearchDocument.objects.order_by("-id").values_list("id", flat=True).first() or 0) % SAMPLE_RATE != (
            SAMPLE_RATE - 1
        ):
            self.add(f"Opvulling {self.number}")
        document = self.add(title, **fields)
        assert document.pk % SAMPLE_RATE == 0
        return document


@pytest.fixture
def corpus(db, settings):
    settings.SEARCH_EXACT_COUNT_LIMIT = 50
    corpus = Corpus()
    for number in range(200):
        corpus.add(f"Notitie {number}", kind="experience" if number % 3 else "protocol", tags=[("breed", "Breed")])
    return corpus


def sampled(audience_visibilities, **filters):
    """How many documents with the word in the sample these visibilities may read."""
    documents = SearchDocument.objects.filter(body__contains=WORD, visibility__in=audience_visibilities, **filters)
    return sum(1 for pk in documents.values_list("pk", flat=True) if pk % SAMPLE_RATE == 0)


def test_a_narrow_search_counts_exactly(corpus):
    corpus.add("Eenling", body=f"{WORD} zeldzaamheid")
    response = search(f"{WORD} zeldzaamheid")
    assert response.total == 1 and response.estimated == frozenset()


def test_a_broad_search_estimates_its_total_and_facets_from_the_sample(corpus):
    response = search()
    assert response.estimated == {"total", "kind", "tag", "language", "organisation"}
    assert response.total == scaled(sampled([Visibility.PUBLIC]))
    assert 150 <= response.total <= 250  # 200 documents carry the word
    kinds = {value.value: value.count for value in response.facets["kind"]}
    assert kinds == {
        "protocol": scaled(sampled([Visibility.PUBLIC], kind="protocol")),
        "experience": scaled(sampled([Visibility.PUBLIC], kind="experience")),
    }


def test_estimates_round_to_two_significant_digits():
    assert [scaled(count) for count in (0, 1, 6, 7, 833)] == [0, 32, 190, 220, 27000]


def test_a_document_whose_title_matches_ranks_first_even_outside_the_sample(corpus):
    document = corpus.add(f"Over {WORD} gesproken", body="Tekst.")
    assert document.pk % SAMPLE_RATE != 0
    response = search()
    assert "total" in response.estimated
    assert titles(response)[0] == f"Over {WORD} gesproken"
    # Paging reaches the title matches and the sample, not the estimated total.
    assert response.reachable == 1 + sampled([Visibility.PUBLIC])
    assert response.num_pages == -(-response.reachable // response.query.per_page)


def test_with_enough_title_matches_a_broad_search_ranks_only_those(corpus, monkeypatch):
    monkeypatch.setattr(postgres, "ENOUGH_TITLE_MATCHES", 3)
    for number in range(3):
        corpus.add(f"{WORD} in de titel {number}", body="Tekst.")
    response = search()
    assert response.reachable == 3
    assert sorted(titles(response)) == [f"{WORD} in de titel {number}" for number in range(3)]


def test_by_date_a_broad_search_lists_the_newest_of_all_matches(corpus):
    newest = corpus.add("Allernieuwste notitie", updated_at=START + timedelta(days=400))
    assert newest.pk % SAMPLE_RATE != 0
    response = search(sort=SORT_DATE, per_page=3)
    assert "total" in response.estimated
    assert titles(response) == ["Allernieuwste notitie", "Notitie 199", "Notitie 198"]
    assert titles(search(sort=SORT_DATE, per_page=3, page=2)) == ["Notitie 197", "Notitie 196", "Notitie 195"]


def test_a_filter_that_leaves_few_matches_counts_and_ranks_them_exactly(corpus):
    for number in range(3):
        corpus.add(f"Training {number}", kind="training", tags=[("smal", "Smal")])
    response = search(kinds=("training",))
    assert response.total == 3
    assert sorted(titles(response)) == ["Training 0", "Training 1", "Training 2"]
    assert response.estimated == {"kind", "language", "organisation"}
    assert {value.value: value.count for value in response.facets["tag"]} == {"smal": 3}
    assert search(tags=("smal",)).total == 3  # a tag filter goes through the index too


@pytest.mark.parametrize("sort", ["relevance", SORT_DATE])
def test_private_documents_stay_out_of_a_broad_search_for_those_who_may_not_read_them(corpus, sort):
    members_only = corpus.add_in_sample(f"{CANARY} leden", visibility=Visibility.MEMBERS)
    private = corpus.add_in_sample(f"{CANARY} groep", visibility=Visibility.GROUPS)

    def found(audience):
        response = search(audience=audience, sort=sort)
        assert "total" in response.estimated
        seen, page = [], 1
        while page <= response.num_pages:
            seen += titles(search(audience=audience, sort=sort, page=page))
            page += 1
        return response, {title for title in seen if CANARY in title}

    visitor, visitor_seen = found(VISITOR)
    assert visitor_seen == set()
    assert visitor.total == scaled(sampled([Visibility.PUBLIC]))
    member, member_seen = found(MEMBER)
    assert member_seen == {members_only.title}
    assert member.total == scaled(sampled([Visibility.PUBLIC, Visibility.MEMBERS]))
    group_member, group_seen = found(GROUP_MEMBER)
    assert group_seen == {members_only.title, private.title}
    assert group_member.total == scaled(sampled([Visibility.PUBLIC, Visibility.MEMBERS, Visibility.GROUPS]))


def test_the_filter_lexemes_cannot_be_typed(corpus):
    # The sample and filter lexemes hold a space, which no parsed query word does.
    assert search("sample 0").total == 0
    assert search("tag breed").total == 0
    assert search("kind page").total == 0


def test_the_search_page_says_the_numbers_are_estimates(client, corpus):
    page = client.get("/nl/search/", {"q": WORD}).content.decode()
    assert "Ongeveer" in page and "schattingen" in page
    assert "(ongeveer " in page
    exact = client.get("/nl/search/", {"q": "Notitie 7"}).content.decode()
    assert "1 resultaat" in exact and "schattingen" not in exact


def test_a_broad_tag_page_says_its_total_is_an_estimate(client, corpus):
    page = client.get("/nl/tags/breed/").content.decode()
    assert "Ongeveer" in page and "items hebben dit trefwoord" in page
