"""The people and the case the route specs share: an objection in Almere with its handler, the Almere coordinator,
an internal mediator, a colleague who is not assigned, and the Zeist coordinator."""

import datetime
from types import SimpleNamespace

from cases.services import route as services
from tests import factories

STARTED = datetime.date(2026, 9, 10)


def build(**case_fields):
    almere = factories.OrganisationFactory(name="Almere")
    zeist = factories.OrganisationFactory(name="Zeist")
    handler = factories.member("hanna.handler@almere.example", organisation=almere, first_name="Hanna")
    mediator_user = factories.member(
        "mo.mediator@almere.example", organisation=almere, first_name="Mo", last_name="Mediator"
    )
    return SimpleNamespace(
        almere=almere,
        zeist=zeist,
        handler=handler,
        coordinator=factories.coordinator("cor.coordinator@almere.example", organisation=almere),
        colleague=factories.member("cees.colleague@almere.example", organisation=almere),
        zeist_coordinator=factories.coordinator("zara.coordinator@zeist.example", organisation=zeist),
        mediator_user=mediator_user,
        mediator=factories.mediator(mediator_user, organisation=almere, kind="internal", consent="not_asked"),
        case=factories.case(almere, handler=handler, **case_fields),
    )


def in_mediation(w, *, on=STARTED):
    """The world's case sent to mediation with its internal mediator."""
    return services.start_mediation(w.case.pk, w.handler, started_on=on, source="internal", profile=w.mediator)


def to_officials_step(w):
    """In mediation, the other party willing: ready for the officials."""
    in_mediation(w)
    services.reach_step(w.case.pk, w.handler, step="consent", on=STARTED + datetime.timedelta(days=2))
