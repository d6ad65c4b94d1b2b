"""Reading the search page's parameters. Nothing a reader sends can break a search: bad values are dropped, an
overlong query is shortened (and the reader told), the query text they typed stays in the box."""

import re
from typing import TypedDict

from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import positive_int
from search import conf
from search.backends.base import SORT_DATE, SORT_RELEVANCE

_TOKEN = re.compile(r"[\w-]{1,100}")
MAX_PAGE = 1000
MAX_VALUES = 10  # per facet


def is_token(value) -> bool:
    """A tag slug, type, language or organisation as the index holds them: taggit's slugs are at most 100
    characters of letters, digits, "-" and "_". Anything else matches nothing and can only upset the backend
    (PostgreSQL refuses tsquery words of 2,047 bytes and more)."""
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


class FilterValues(TypedDict):
    """The filters a reader chose, named as SearchQuery's fields."""

    kinds: tuple[str, ...]
    tags: tuple[str, ...]
    languages: tuple[str, ...]
    organisations: tuple[str, ...]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search terms"), required=False, strip=True)
    # A plain field: an unknown sort order falls back to relevance instead of invalidating the whole search.
    sort = forms.CharField(label=_("Sort by"), required=False)
    sort_choices = ((SORT_RELEVANCE, _("Relevance")), (SORT_DATE, _("Newest first")))

    def __init__(self, data=None, **kwargs):
        data = data if data is not None else {}
        super().__init__(data, **kwargs)
        self.values: FilterValues = {
            "kinds": self._tokens(data, "type"),
            "tags": self._tokens(data, "tag"),
            "languages": tuple(v for v in self._tokens(data, "language") if v in conf.languages()),
            "organisations": self._tokens(data, "organisation"),
        }
        self.page_number = min(MAX_PAGE, positive_int(data.get("page")) or 1)

    @staticmethod
    def _tokens(data, name) -> tuple[str, ...]:
        values = data.getlist(name) if hasattr(data, "getlist") else data.get(name, [])
        return tuple(dict.fromkeys(v for v in values if is_token(v)))[:MAX_VALUES]

    def clean_q(self):
        # NUL cannot be stored or compared by PostgreSQL; nobody means it.
        return self.cleaned_data["q"].replace("\x00", "")

    def clean_sort(self):
        sort = self.cleaned_data.get("sort")
        return sort if sort in dict(self.sort_choices) else SORT_RELEVANCE

    def query_text(self) -> tuple[str, bool]:
        """The text to search for and whether it was shortened."""
        text = self.cleaned_data.get("q", "") if self.is_valid() else ""
        limit = conf.max_query_length()
        return text[:limit], len(text) > limit
