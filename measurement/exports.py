"""The dashboard as CSV rows: the period, every headline figure, then the tables of the three charts.

The rows hold plain values (text, int, Decimal, None); `core.csv.write` writes them in the active language (decimal
sign, separator, formula guard). Dates are written as ISO dates (2026-01-31), which every spreadsheet reads.
"""

from __future__ import annotations

from django.utils.translation import gettext

from core.charts import Chart
from measurement.figures import Dashboard


def figure_rows(board: Dashboard) -> list[tuple]:
    """(what it counts, the number) for every headline figure, in the order of the page."""
    rows: list[tuple] = [
        (gettext("Contacts registered"), board.contacts),
        (gettext("Informal approaches (BIA)"), board.informal_approaches),
    ]
    rows += [
        (gettext("Informal approaches: %(result)s") % {"result": label}, n) for label, n in board.informal_by_result
    ]
    rows += [
        (gettext("Cases registered"), board.cases_registered),
        (gettext("Mediations started"), board.mediations_started),
        (gettext("Cases closed after a mediation"), board.mediations_closed),
    ]
    rows += [
        (gettext("After a mediation: %(outcome)s") % {"outcome": label}, n) for label, n in board.mediation_outcomes
    ]
    rows += [
        (gettext("Cases closed"), board.closed),
        (gettext("Objections closed"), board.objections_closed),
        (gettext("Objections resolved informally (agreement or withdrawn)"), board.objections_resolved),
        (gettext("Objections resolved informally (%)"), board.objections_resolved_share),
        (gettext("Median lead time of the cases closed (days)"), board.lead_days_median),
        (gettext("Cases closed that had a statutory term"), board.with_term),
        (gettext("... of which within the term"), board.within_term),
        (gettext("Closed within the statutory term (%)"), board.within_term_share),
        (gettext("Hours spent on the cases closed"), board.hours_spent),
        (gettext("Objections and complaints resolved informally"), board.resolved_formal),
        (gettext("Hours spent on those"), board.hours_on_resolved_formal),
        (gettext("Assumed hours of one formal procedure"), board.norm),
        (gettext("Estimated hours saved"), board.hours_saved),
        (gettext("Pool hours lent"), board.pool_lent),
        (gettext("Pool hours borrowed"), board.pool_borrowed),
    ]
    return rows


def chart_rows(chart: Chart) -> list[tuple]:
    """A chart's table: its title, a header row, then a row per category."""
    return [
        (chart.title,),
        (chart.category_header, *(series.label for series in chart.series)),
        *((category, *values) for category, values in chart.rows),
    ]


def rows(organisation, board: Dashboard) -> list[tuple]:
    result: list[tuple] = [
        (gettext("Organisation"), organisation.name),
        (gettext("First day"), board.period.start.isoformat()),
        (gettext("Last day"), board.period.end.isoformat()),
        (),
        (gettext("Figure"), gettext("Value")),
        *figure_rows(board),
    ]
    for chart in board.charts():
        result += [(), *chart_rows(chart)]
    return result
