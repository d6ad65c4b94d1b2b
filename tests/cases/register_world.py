"""The people and cases the register's specs share: Almere with a handler, an unassigned colleague and a
coordinator; Zeist with its coordinator; and a case of Almere handled by the handler."""

from types import SimpleNamespace

from tests import factories


def build():
    almere = factories.OrganisationFactory(name="Gemeente Almere", slug="almere")
    zeist = factories.OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    w = SimpleNamespace(almere=almere, zeist=zeist)
    w.handler = factories.member("hanna.handler@almere.example", organisation=almere, first_name="Hanna")
    w.colleague = factories.member("cor.collega@almere.example", organisation=almere, first_name="Cor")
    w.coordinator = factories.coordinator("coby.coordinator@almere.example", organisation=almere, first_name="Coby")
    w.zeist_coordinator = factories.coordinator("zeno@zeist.example", organisation=zeist, first_name="Zeno")
    w.superuser = factories.superuser("admin@platform.example")
    w.case = factories.case(almere, handler=w.handler)
    return w
