"""The one interface every search backend answers: a query in, a page of permitted results with facets out."""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString

from search.audience import VISITOR, Audience

SORT_RELEVANCE = "relevance"
SORT_DATE = "date"
TAG_FACET_SIZE = 25


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    audience: Audience = VISITOR
    kinds: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # slugs; a document must carry all of them
    languages: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # organisation slugs
    sort: str = SORT_RELEVANCE
    page: int = 1
    per_page: int = 10
    facets: bool = True

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_filters(self) -> bool:
        return bool(self.kinds or self.tags or self.languages or self.organisations)


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    language: str
    summary: str
    snippet: SafeString | str
    tags: list[tuple[str, str]]
    published_at: datetime | None
    updated_at: datetime | None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResponse:
    query: SearchQuery
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    notice: str = ""  # shown to the reader, e.g. when Elasticsearch is unreachable and the database answered
    # What is estimated rather than counted ("total" and/or facet names), for searches that match very many documents.
    estimated: frozenset[str] = frozenset()
    # How many hits paging reaches, when fewer than `total` (a very broad search ranks only its best candidates).
    reachable: int | None = None

    @property
    def num_pages(self) -> int:
        reachable = self.total if self.reachable is None else min(self.total, self.reachable)
        return max(1, -(-reachable // self.query.per_page))


@dataclass(frozen=True)
class Completion:
    """One autocomplete option: a document title (link to it) or a tag (link to its tag page)."""

    type: str  # "document" or "tag"
    label: str
    url: str = ""
    slug: str = ""


class SearchBackend:
    name = ""

    def search(self, query: SearchQuery) -> SearchResponse:
        raise NotImplementedError

    def count(self, text: str, audience: Audience) -> int:
        """How many documents this audience may read match the text (used to vet "did you mean")."""
        raise NotImplementedError

    def complete(self, text: str, audience: Audience, language: str, limit: int = 8) -> list[Completion]:
        raise NotImplementedError

    def similar_words(self, word: str, languages: tuple[str, ...], audience: Audience) -> list[str]:
        """Words spelt like `word`, best first, from what this audience may read (search.vocabulary)."""
        raise NotImplementedError

    def known_words(self, words: list[str], audience: Audience) -> set[str]:
        """Those of `words` that occur in what this audience may read."""
        raise NotImplementedError
