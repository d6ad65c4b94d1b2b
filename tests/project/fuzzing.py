"""What the fuzz test (test_fuzz.py) sends: every URL pattern of the project as a path template, odd values for
its parameters, odd query strings and odd form posts built from the forms a page actually shows.

Values are kept percent-encoded as they travel on the wire, so a path or body can hold what a browser never
sends: a NUL (%00), bytes that are not UTF-8 (%ff, %c3%28), digits Python calls digits but int() refuses (²).
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from hypothesis import strategies as st

LANGUAGES = ("nl", "da", "en")

# Odd values, percent-encoded. Each names what it probes.
ODD = (
    "",  # empty
    "%00",  # NUL: PostgreSQL cannot store or compare it
    "a%00b",
    "%ff",  # not UTF-8
    "%c3%28",  # a broken UTF-8 sequence
    "%C2%B2",  # "²": isdigit() but not int()
    "%D9%A3",  # "٣": an Arabic-Indic 3, which int() takes
    "%EF%BC%97",  # "７": a full-width 7
    "-1",
    "0",
    "2147483648",  # one past a 32-bit integer column
    "9223372036854775808",  # one past a 64-bit integer column
    "9" * 5000,  # more digits than int() converts
    "x" * 3000,  # longer than any column or tsquery word
    "%C3%A6" * 1200,  # a long non-ASCII word ("æ")
    "%27%22%3C%3E",  # quotes and angle brackets
    "%20",
    "1e3",
    "%2F..%2F",
)
# Names the views read from the query string (grep request.GET) and the fields of the forms they fill from it.
QUERY_NAMES = (
    "page", "q", "quote", "next", "from", "to", "check", "add", "type", "tag", "language", "organisation", "sort",
    "status", "group", "action", "audience", "format", "setting", "outcome", "phase", "unknown",
)  # fmt: skip
# The names a view reads, so its requests carry at least one of them (the other views get any of QUERY_NAMES).
VIEW_QUERY_NAMES = {
    "forum.thread_views.reply": ("quote",),
    "forum.thread_views.new_thread": ("page",),
    "forum.thread_views.thread_detail": ("page",),
    "forum.views.group_detail": ("page",),
    "notifications.views.notification_list": ("page",),
    "forum.moderation.views.queue": ("page", "status", "group"),
    "forum.moderation.views.audit_log": ("page", "action", "group"),
    "forum.moderation.views.act": ("next",),
    "search.views.search": ("q", "page", "sort", "type", "tag", "language", "organisation"),
    "search.views.autocomplete": ("q",),
    "protocols.views.compare": ("from", "to"),
    "protocols.views.suitability": ("check",),
    "knowledge.dilemmas.views.step": ("add",),
    "wagtail.views.serve": ("tag", "audience", "format", "language", "setting", "outcome", "phase", "check"),
}
# Names of POST fields that no rendered form shows (buttons and fields of endpoints without a page of their own).
POST_NAMES = (
    "answer", "useful", "watch", "next", "items", "version", "remove", "add", "related_page", "reason", "days",
    "confirm", "password", "email", "body", "title", "decision", "membership", "csrfmiddlewaretoken",
)  # fmt: skip
ADMIN_PREFIX = "cms/"


@dataclass(frozen=True)
class Slot:
    name: str
    kind: str  # a path converter ("int", "slug", "str", "path", "uuid") or "regex"


@dataclass(frozen=True)
class Route:
    parts: tuple  # literal strings and Slots
    lookup: str  # the view, for reports
    i18n: bool

    @property
    def template(self) -> str:
        return "".join(p if isinstance(p, str) else f"<{p.kind}:{p.name}>" for p in self.parts)

    @property
    def admin(self) -> bool:
        return self.template.startswith(ADMIN_PREFIX)


_ROUTE_SLOT = re.compile(r"<(?:(?P<kind>[^>:]+):)?(?P<name>[^>]+)>")


def _route_parts(route: str) -> list:
    parts, position = [], 0
    for match in _ROUTE_SLOT.finditer(route):
        parts.append(route[position : match.start()])
        parts.append(Slot(match["name"], match["kind"] or "str"))
        position = match.end()
    parts.append(route[position:])
    return parts


def _regex_parts(regex: str) -> list:
    """A regular expression as literals and one slot per top-level group (enough for the patterns in use)."""
    regex = regex.removeprefix("^").removesuffix("$").removesuffix("\\Z")
    parts, literal, depth, group, index = [], "", 0, "", 0
    escaped = False
    for char in regex:
        if depth:
            group += char
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    name = re.match(r"\(\?P<(\w+)>", group)
                    parts += [literal, Slot(name[1] if name else f"group{index}", "regex")]
                    literal, group, index = "", "", index + 1
        elif escaped:
            literal += char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth, group = 1, "("
        elif char not in "?*+":
            literal += char
    return [*parts, literal]


def _parts(pattern) -> list:
    if isinstance(pattern, RoutePattern):
        return _route_parts(str(pattern._route))
    if isinstance(pattern, RegexPattern):
        return _regex_parts(pattern._regex)
    raise TypeError(pattern)


def routes() -> list[Route]:
    """Every URL pattern of the project, the language prefix left out (it is drawn per request)."""
    found = []

    def walk(patterns, prefix, i18n):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if isinstance(entry.pattern, LocalePrefixPattern):
                    walk(entry.url_patterns, prefix, True)
                else:
                    walk(entry.url_patterns, prefix + _parts(entry.pattern), i18n)
            elif isinstance(entry, URLPattern):
                parts = [p for p in prefix + _parts(entry.pattern) if p != ""]
                found.append(Route(tuple(parts), entry.lookup_str, i18n))

    walk(get_resolver().url_patterns, [], False)
    return found


# --- values -------------------------------------------------------------------------------------------------------


@dataclass
class Known:
    """Values that exist in the demo database, so a fuzzed request also reaches the code behind the lookups."""

    ids: list[str]
    slugs: list[str]
    page_paths: list[str]
    by_name: dict[str, list[str]]
    by_view: dict[str, dict[str, list[str]]]  # view lookup -> slot name -> existing values


def odd_or(known: list[str]):
    return st.one_of(st.sampled_from(known), st.sampled_from(ODD)) if known else st.sampled_from(ODD)


def slot_value(route: Route, slot: Slot, known: Known):
    for_view = known.by_view.get(route.lookup, {})
    if slot.name in for_view:
        return odd_or(for_view[slot.name])
    if slot.name in known.by_name:
        return odd_or(known.by_name[slot.name])
    if slot.kind == "int":
        return odd_or(known.ids)
    if slot.kind == "regex":
        return odd_or(known.page_paths)
    return odd_or(known.slugs)


def path_of(route: Route, language: str, values: dict) -> str:
    path = "".join(p if isinstance(p, str) else values[p] for p in route.parts)
    return f"/{language}/{path}" if route.i18n else f"/{path}"


def query_pairs(route: Route, known: Known):
    names = VIEW_QUERY_NAMES.get(route.lookup)
    if names:
        return pairs(names, known.by_name, min_size=1)
    return pairs(QUERY_NAMES, known.by_name)


def pairs(names, known_values=None, *, min_size=0, max_size=4):
    """(name, percent-encoded value) pairs; names may repeat, so duplicated parameters are sent too."""
    known_values = known_values or {}

    def value_for(name):
        return odd_or(known_values.get(name, []))

    return st.lists(
        st.sampled_from(names).flatmap(lambda name: value_for(name).map(lambda value: (name, value))),
        min_size=min_size,
        max_size=max_size,
    )


def encode(items) -> str:
    return "&".join(f"{quote(name, safe='')}={value}" for name, value in items)


# --- forms on a page ----------------------------------------------------------------------------------------------


@dataclass
class Form:
    action: str
    fields: dict  # name -> list of values the page offers (the current value, a select's options)


class FormParser(HTMLParser):
    """The POST forms of a page: where each posts to and the values it offers per field."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._current: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "post":
                self._current = Form(attrs.get("action") or "", {})
                self.forms.append(self._current)
            else:
                self._current = None
            return
        if tag == "option" and self._current is not None and self._select:
            self._current.fields[self._select].append(attrs.get("value") or "")
            return
        if self._current is None or not attrs.get("name"):
            return
        name = attrs["name"]
        values = self._current.fields.setdefault(name, [])
        if tag == "input":
            values.append(attrs.get("value") or "")
        elif tag == "select":
            self._select = name
        elif tag == "textarea":
            self._textarea = name
            values.append("")
        elif tag == "button" and attrs.get("value") is not None:
            values.append(attrs["value"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._current is not None and self._textarea:
            self._current.fields[self._textarea][-1] += data


def post_forms(html: str, path: str) -> list[Form]:
    """The POST forms on the page at `path` that post back to a path of this site."""
    parser = FormParser()
    parser.feed(html)
    forms = []
    for form in parser.forms:
        target = urlsplit(form.action)
        if target.netloc and target.netloc != "testserver":
            continue
        form.action = (target.path or path) + (f"?{target.query}" if target.query else "")
        forms.append(form)
    return forms


def form_body(form: Form | None):
    """A body for `form`: per field its own value or an odd one, sometimes a field left out or sent twice, plus
    fields the page does not show."""
    fields = form.fields if form else {}

    def field_value(name, offered):
        own = [quote(v, safe="") for v in offered][:5]
        return st.one_of(st.sampled_from(own), st.sampled_from(ODD)) if own else st.sampled_from(ODD)

    @st.composite
    def build(draw):
        items = []
        for name, offered in fields.items():
            choice = draw(st.sampled_from(("own", "own", "odd", "missing", "twice")))
            own = [quote(v, safe="") for v in offered][:5]
            if choice == "missing":
                continue
            if choice == "own" and own:
                items.append((name, draw(st.sampled_from(own))))
                continue
            items.append((name, draw(field_value(name, offered))))
            if choice == "twice":
                items.append((name, draw(st.sampled_from(ODD))))
        items += draw(pairs(POST_NAMES, max_size=3))
        return items

    return build()
