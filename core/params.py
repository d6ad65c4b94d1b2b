"""Reading values that a request sends (query string, form fields) without trusting them.

Numbers: Python's own tests are too kind for this: "²".isdigit() is true while int("²") fails, int("٣") is 3, and
int() takes " 7", "+7" and "7_000". A number in a URL or a hidden field is a row id, a page or a position: plain
ASCII digits, within what the database column holds, or nothing at all.

Where to go next ("next"): a path on this site. Django's url_has_allowed_host_and_scheme also accepts "abc" or
"٣", which redirect() then tries to reverse as a view name and fails on.
"""

import re

from django.utils.http import url_has_allowed_host_and_scheme

_DIGITS = re.compile(r"[0-9]{1,19}")
# PostgreSQL's bigint, the widest id column; larger numbers are not ids and would fail in the database.
MAX_ID = 2**63 - 1


def positive_int(value, *, maximum: int = MAX_ID) -> int | None:
    """`value` as a number from 1 to `maximum` when it is written as plain digits, otherwise None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if 1 <= number <= maximum else None


def natural_int(value, *, maximum: int = MAX_ID) -> int | None:
    """Like `positive_int`, but 0 is a number too (positions and row indexes count from 0)."""
    if value in (0, "0"):
        return 0
    return positive_int(value, maximum=maximum)


def local_url(request, value) -> str | None:
    """`value` when it is a path on this site ("/nl/forum/?page=2"), otherwise None."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//"):
        return None
    if not url_has_allowed_host_and_scheme(value, {request.get_host()}, require_https=request.is_secure()):
        return None
    return value
