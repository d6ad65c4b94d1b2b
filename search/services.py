"""Search as the pages use it: reading a request into a query, "did you mean", autocomplete and tag pages.

Every function takes the person searching; the permission filter is applied by the backend inside the query.
"""

import re
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from search import conf, registry
from search.audience import audience_for
from search.backends import get_backend
from search.backends.base import SORT_DATE, Completion, FacetValue, Hit, SearchQuery, SearchResponse
from search.forms import SearchForm

_WORDS = re.compile(r"[^\W\d_]{3,}")
_ANY_WORD = re.compile(r"\w")
MIN_COMPLETION_LENGTH = 2
TAG_PAGE_SIZE = 200
RELATED_TAGS = 15


def tag_url(slug: str) -> str:
    """/tags/<slug>/ where config/urls.py includes search.tag_urls (it does), else /search/tags/<slug>/."""
    try:
        return reverse("tags:tag", kwargs={"slug": slug})
    except NoReverseMatch:
        return reverse("search:tag", kwargs={"slug": slug})


@dataclass
class SearchPage:
    form: SearchForm
    text: str = ""
    truncated: bool = False
    no_words: bool = False  # text given, but nothing in it to search for
    response: SearchResponse | None = None
    suggestion: str = ""

    @property
    def searched(self) -> bool:
        return self.response is not None


def search_page(user, data) -> SearchPage:
    form = SearchForm(data)
    text, truncated = form.query_text()
    page = SearchPage(form=form, text=text, truncated=truncated)
    if text and not _ANY_WORD.search(text):
        page.no_words = True
        return page
    query = SearchQuery(
        text=text,
        audience=audience_for(user),
        sort=form.cleaned_data.get("sort") or "relevance",
        page=form.page_number,
        per_page=conf.per_page(),
        **form.values,
    )
    if not text and not query.has_filters:
        return page
    backend = get_backend()
    page.response = backend.search(query)
    if text and page.response.total == 0:
        page.suggestion = did_you_mean(text, query, backend) or ""
    return page


def did_you_mean(text: str, query: SearchQuery, backend=None) -> str | None:
    """A respelling of the text that finds something this reader may read.

    Known words and candidates come only from the vocabulary of what this reader may read (search.vocabulary): what
    is suggested, and whether anything is, tells nothing about text the reader may not read."""
    backend = backend or get_backend()
    words = list(dict.fromkeys(word.lower() for word in _WORDS.findall(text)))
    known = backend.known_words(words, query.audience)
    unknown = [word for word in words if word not in known]
    if not unknown:
        return None
    candidates = {word: backend.similar_words(word, query.languages, query.audience) for word in unknown}
    attempts = [{word: options[0] for word, options in candidates.items() if options}]
    if len(unknown) == 1:
        attempts = [{unknown[0]: option} for option in candidates[unknown[0]][:3]]
    for replacements in attempts:
        if not replacements:
            continue
        respelt = _respell(text, replacements)
        if respelt.lower() != text.lower() and backend.count(respelt, query.audience) > 0:
            return respelt
    return None


def _respell(text: str, replacements: dict[str, str]) -> str:
    return _WORDS.sub(lambda match: replacements.get(match.group(0).lower(), match.group(0)), text)


def complete(user, text: str, language: str) -> list[Completion]:
    text = (text or "").replace("\x00", "").strip()[: conf.max_query_length()]
    if len(text) < MIN_COMPLETION_LENGTH:
        return []
    options = get_backend().complete(text, audience_for(user), language)
    return [Completion(type=o.type, label=o.label, url=o.url or tag_url(o.slug), slug=o.slug) for o in options]


@dataclass
class TagPage:
    slug: str
    name: str
    total: int
    groups: list[tuple[str, list[Hit]]] = field(default_factory=list)  # (type label, hits), in facet order
    related: list[FacetValue] = field(default_factory=list)
    notice: str = ""
    estimated: bool = False  # the total is an estimate (see SearchResponse.estimated)


def tag_page(user, slug: str) -> TagPage | None:
    """Everything this reader may read that carries the tag, grouped by type; None when there is nothing."""
    query = SearchQuery(audience=audience_for(user), tags=(slug,), sort=SORT_DATE, per_page=TAG_PAGE_SIZE)
    response = get_backend().search(query)
    if response.total == 0:
        return None
    name = next((n for s, n in (tag for hit in response.hits for tag in hit.tags) if s == slug), slug)
    by_kind: dict[str, list[Hit]] = {}
    for hit in response.hits:
        by_kind.setdefault(hit.kind, []).append(hit)
    groups = [(str(registry.kind_label(kind, plural=True)), hits) for kind, hits in by_kind.items()]
    groups.sort(key=lambda group: -len(group[1]))
    related = [value for value in response.facets.get("tag", []) if value.value != slug][:RELATED_TAGS]
    return TagPage(
        slug=slug,
        name=name,
        total=response.total,
        groups=groups,
        related=related,
        notice=response.notice,
        estimated="total" in response.estimated,
    )
