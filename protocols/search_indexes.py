"""Protocols in the site search (found by the search app at start-up): their full readable text, steps included."""

from django.utils.translation import gettext_lazy as _

from protocols.models import ProtocolPage
from protocols.services import readable_lines
from search import registry

registry.register_page(
    ProtocolPage,
    kind="protocol",
    label=_("Protocol"),
    label_plural=_("Protocols"),
    summary=lambda page: page.summary,
    body=lambda page: "\n".join(readable_lines(page)),
)
