"""The period the dashboard, the benchmark, the CSV and the report cover, chosen in the address (GET) so a
view can be bookmarked.

Bad input never breaks the page: the form says what is wrong, keeps what was typed, and the default period (the last
twelve months) is shown meanwhile.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from core.params import positive_int
from measurement.periods import Period

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_YEARS = 5
# The years the report offers: this one and the ones before it.
REPORT_YEARS = 10


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("First day"), required=False, widget=DATE_WIDGET)
    end = forms.DateField(label=_("Last day"), required=False, widget=DATE_WIDGET)

    def __init__(self, data=None, *, today: date, **kwargs):
        self.today = today
        self.default = Period.last_twelve_months(today)
        # Without either date in the address the form is not filled in: the default period, no errors.
        if data is not None and not any(data.get(name) for name in ("start", "end")):
            data = None
        super().__init__(data, **kwargs)

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if self.errors:
            return cleaned
        start = cleaned.get("start") or self.default.start
        end = cleaned.get("end") or max(self.today, start)
        if end < start:
            raise forms.ValidationError(_("The end of the period cannot be before its start."), code="order")
        if end >= _years_later(start, MAX_YEARS):
            raise forms.ValidationError(
                _("Choose a period of at most %(years)s years.") % {"years": MAX_YEARS}, code="too_long"
            )
        cleaned["period"] = Period(start, end)
        return cleaned

    @property
    def period(self) -> Period:
        """The chosen period when the input is valid, otherwise the default one."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["period"]
        return self.default

    def quick_periods(self) -> list[tuple[str, Period]]:
        """The current and the previous calendar year, as links."""
        return [(str(year), Period.year(year)) for year in (self.today.year, self.today.year - 1)]


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none, or past the calendar's last year
        return date(day.year + years, 3, 1) if day.year + years <= date.max.year else date.max


def report_year(value, today: date) -> int:
    """The year `?year=` asks for when it is one the report offers, else the current year."""
    year = positive_int(value, maximum=today.year)
    if year is None or year <= today.year - REPORT_YEARS:
        return today.year
    return year


def report_years(today: date) -> list[int]:
    return list(range(today.year, today.year - REPORT_YEARS, -1))
