"""The people of the request specs: a regional network of Almere, Zeist and Utrecht, and those outside it.

Almere asks, Zeist and Utrecht have pool mediators, Almere has one too (who may never take Almere's own case).
Outside: a member of Lelystad (in another network), a removed former Zeist member, and visitors.
"""

from types import SimpleNamespace

from accounts.models import Membership
from tests import factories


def build(**profile_fields) -> SimpleNamespace:
    org = factories.OrganisationFactory
    almere = org(name="Gemeente Almere", slug="almere")
    zeist = org(name="Gemeente Zeist", slug="zeist")
    utrecht = org(name="Gemeente Utrecht", slug="utrecht")
    lelystad = org(name="Gemeente Lelystad", slug="lelystad")
    w = SimpleNamespace(almere=almere, zeist=zeist, utrecht=utrecht, lelystad=lelystad)
    w.almere_coordinator = factories.coordinator(
        "anna.coordinator@almere.example", organisation=almere, first_name="Anna", last_name="Aalders"
    )
    w.almere_member = factories.member("bram.lid@almere.example", organisation=almere, first_name="Bram")
    w.almere_mediator_user = factories.member("amir.mediator@almere.example", organisation=almere, first_name="Amir")
    w.almere_mediator = factories.mediator(w.almere_mediator_user, organisation=almere)
    w.zeist_coordinator = factories.coordinator(
        "zoe.coordinator@zeist.example", organisation=zeist, first_name="Zoë", last_name="Zandbergen"
    )
    w.zeist_mediator_user = factories.member(
        "zeger.mediator@zeist.example", organisation=zeist, first_name="Zeger", last_name="Zwart"
    )
    w.zeist_mediator = factories.mediator(
        w.zeist_mediator_user, organisation=zeist, phone="030 123 4567", **profile_fields
    )
    w.utrecht_mediator_user = factories.member(
        "ulla.mediator@utrecht.example", organisation=utrecht, first_name="Ulla", preferred_language="da"
    )
    w.utrecht_mediator = factories.mediator(w.utrecht_mediator_user, organisation=utrecht)
    w.utrecht_coordinator = factories.coordinator("ursula.coordinator@utrecht.example", organisation=utrecht)
    w.outsider = factories.member("otto.buiten@lelystad.example", organisation=lelystad, first_name="Otto")
    w.lelystad_mediator = factories.mediator(organisation=lelystad)
    w.removed = factories.person(
        "ria.weg@zeist.example", organisation=zeist, status=Membership.Status.REMOVED, first_name="Ria"
    )
    w.network = factories.network("Regio Midden", organisations=[almere, zeist, utrecht], slug="regio-midden")
    w.other_network = factories.network("Regio Flevoland", organisations=[lelystad], slug="regio-flevoland")
    return w


def ask(w, **fields):
    """An open request of Almere, asked by its coordinator."""
    return factories.mediator_request(w.network, w.almere_coordinator, **fields)
