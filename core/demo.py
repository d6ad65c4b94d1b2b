"""Demo content: every app contributes a loader from its own `demo.py`; `manage.py demo_content` runs them.

An app's `demo.py` defines `load(progress)` and calls `register(load, order=N)` at import. Loaders run from the
lowest order up, so a loader comes after the loaders whose content it builds on (users before their pages, pages
before what links to them). Each loader must be idempotent: running it again updates what is there instead of
duplicating it.
"""

from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

_loaders: dict[Callable, int] = {}


def register(load: Callable, *, order: int) -> None:
    """Run `load(progress)` when the demo content is loaded, after every loader with a lower `order`."""
    _loaders[load] = order


def autodiscover() -> None:
    """Import every installed app's `demo` module, which registers its loader."""
    autodiscover_modules("demo")


def loaders() -> list[Callable]:
    """The registered loaders in the order they run."""
    return sorted(_loaders, key=lambda load: (_loaders[load], load.__module__))


class Progress:
    """Counted progress lines: `[3/10] organisations: Gemeente Zeist`."""

    def __init__(self, command):
        self.command = command
        self.accounts = []
        self.password = None

    def iterate(self, items, what):
        items = list(items)
        for number, item in enumerate(items, start=1):
            label = item[1] if isinstance(item, tuple | list) and len(item) > 1 else item
            self.command.stdout.write(f"  [{number}/{len(items)}] {what}: {label}")
            yield item

    def step(self, message):
        self.command.stdout.write(f"  {message}")

    def credentials(self, rows, password):
        """Remember demo log-ins; they are printed once everything is loaded."""
        self.accounts.extend(rows)
        self.password = password

    def print_credentials(self):
        if not self.accounts:
            return
        style = self.command.style
        self.command.stdout.write(
            style.SUCCESS(f"\nDemo log-ins (development only), password for all: {self.password}")
        )
        width = max(len(label) for label, _ in self.accounts)
        for label, email in self.accounts:
            self.command.stdout.write(f"  {label.ljust(width)}  {email}")


# Rich-text stream values of the body block (core.blocks.BodyBlock), for writing demo pages' texts compactly.


def p(*paragraphs):
    return [{"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}]


def h(text, level="h2"):
    return [{"type": "heading", "value": {"text": text, "level": level}}]


def ul(*items):
    return [{"type": "paragraph", "value": "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"}]


def note(text, kind="info"):
    return [{"type": "note", "value": {"kind": kind, "text": f"<p>{text}</p>"}}]
