"""The people of the work-area specs: an Almere objection handled by Hanna, with Almere's coordinator, a colleague
who is not assigned, Zeist's coordinator and a visitor who may see nothing of it."""

from types import SimpleNamespace

from django.urls import reverse

from cases.models import Contact, InformalApproach
from tests import factories


def build(**case_fields) -> SimpleNamespace:
    org = factories.OrganisationFactory
    almere = org(name="Gemeente Almere", slug="almere")
    zeist = org(name="Gemeente Zeist", slug="zeist")
    w = SimpleNamespace(almere=almere, zeist=zeist)
    w.handler = factories.member("hanna.handler@almere.example", organisation=almere, first_name="Hanna")
    w.coordinator = factories.coordinator("anna.coordinator@almere.example", organisation=almere, first_name="Anna")
    w.colleague = factories.member("bram.collega@almere.example", organisation=almere, first_name="Bram")
    w.zeist_coordinator = factories.coordinator("zoe.coordinator@zeist.example", organisation=zeist)
    w.case = factories.case(almere, handler=w.handler, **case_fields)
    return w


def contact(case, **fields) -> Contact:
    defaults = {"channel": "phone", "with_role": "citizen", "summary": "Gebeld over de dakkapel."}
    return Contact.objects.create(case=case, **(defaults | fields))


def informal(case, **fields) -> InformalApproach:
    defaults = {
        "agreements": "De gemeente legt het besluit opnieuw uit.\nDe indiener krijgt een nieuwe tekening.",
        "actions": "Behandelaar stuurt de tekening vóór 1 december\nIndiener laat binnen twee weken weten",
        "result": "partly_withdrawn",
        "remaining": "Het bezwaar tegen de hoogte van de dakkapel blijft staan.",
    }
    return InformalApproach.objects.create(case=case, **(defaults | fields))


def url(name, case, *args) -> str:
    return reverse(f"cases:{name}", args=[case.pk, *args])


def assert_nobody_else(client, w, method, target, data=None):
    """A colleague who is not assigned and another organisation's coordinator get a 404; a visitor logs in first."""
    for outsider in (w.colleague, w.zeist_coordinator):
        client.logout()
        client.force_login(outsider)
        response = client.post(target, data or {}) if method == "post" else client.get(target)
        assert response.status_code == 404, (outsider, target)
    client.logout()
    response = client.post(target, data or {}) if method == "post" else client.get(target)
    assert response.status_code == 302 and "login" in response.url, target
