"""CSV downloads a spreadsheet opens right, in the active language.

Where the language writes decimals with a comma (Dutch, Danish) the cells are separated by semicolons, as the
spreadsheets of those countries expect; the text starts with a byte-order mark so they read "ø" and "æ" right.
Numbers are written with the language's decimal sign and no grouping; a text cell that a spreadsheet would take as a
formula gets a leading apostrophe (names and labels come from people and must never run as a formula).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.utils import formats

# A spreadsheet takes a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """`value` for a text cell, with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def decimal_separator() -> str:
    return formats.get_format("DECIMAL_SEPARATOR")


def number_cell(value: int | Decimal, separator: str | None = None) -> str:
    """Our own number, with the language's decimal sign and no grouping; a Decimal keeps its own decimals (a
    negative number stays a number: the formula guard is for text cells)."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"not a number for a CSV cell: {value!r}")
    text = str(value) if isinstance(value, int) else f"{value:f}"
    return text.replace(".", separator or decimal_separator())


def cell(value, separator: str | None = None) -> str:
    """Any value of a row: nothing, a number, or text (anything else is written as its text)."""
    if value is None:
        return ""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return number_cell(value, separator)
    return text_cell(str(value))


def write(rows: Iterable[Sequence]) -> str:
    """The rows as CSV text in the active language (see the module docstring); each value goes through `cell`."""
    separator = decimal_separator()
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";" if separator == "," else ",", lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell(value, separator) for value in row])
    return out.getvalue()
