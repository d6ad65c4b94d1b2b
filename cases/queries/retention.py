"""When a closed case will be reduced to its statistics, shown on the case page in advance."""

from cases.models import DEFAULT_RETENTION_MONTHS, CaseSettings
from cases.services.retention import reduction_date


def case_section(user, case) -> dict:
    """The retention notice: the reduction date of a closed case, the period of an open one (one query)."""
    settings = CaseSettings.objects.filter(organisation_id=case.organisation_id).first()
    months = settings.retention_months if settings is not None else DEFAULT_RETENTION_MONTHS
    return {
        "retention": {
            "months": months,
            "reduced_on": reduction_date(case, settings),
            "is_closed": case.is_closed,
        }
    }
