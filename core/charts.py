"""A chart is a table first: the numbers as an accessible table, which `static/js/charts.js` draws as a chart.

Views build a `Chart` and render it with `{% include "includes/chart.html" with chart=... %}`. The table is what
screen readers, print, the CSV and the tests read; the drawing is made in the browser from that same table (its
`data-value` attributes), so the picture cannot show other numbers than the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Number = int | float | Decimal


@dataclass(frozen=True)
class Series:
    label: str
    values: list[Number | None]  # None: no figure (e.g. suppressed); shown as "–" and left out of the drawing


@dataclass(frozen=True)
class Chart:
    """`kind` is how the browser draws it: "bar" (categories side by side), "line" (a trend over time) or
    "stacked" (parts of a whole per category)."""

    id: str
    title: str
    categories: list[str]
    series: list[Series]
    kind: str = "bar"
    category_header: str = ""
    description: str = ""
    decimals: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[str, list[Number | None]]]:
        """The table's rows: a category and its value in every series."""
        return [(category, [s.values[i] for s in self.series]) for i, category in enumerate(self.categories)]

    @property
    def is_empty(self) -> bool:
        return not any(value for s in self.series for value in s.values)
