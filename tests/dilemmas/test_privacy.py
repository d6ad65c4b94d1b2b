"""A worksheet is private to its owner and the colleagues they invite: everyone else gets a 404 on every way in."""

from django.contrib.auth.models import AnonymousUser

from accounts.models import Membership
from knowledge.dilemmas import permissions, services
from knowledge.dilemmas.models import Worksheet
from search.models import SearchDocument
from tests import factories
from tests.dilemmas.helpers import step1_data, url

CANARY = "Kanariedilemma"


def every_way_in(worksheet, invitation_id=0):
    pk = worksheet.pk
    return [
        ("get", url("worksheet", pk=pk)),
        ("get", url("memo", pk=pk)),
        ("get", url("memo_download", pk=pk)),
        ("post", url("comment", pk=pk)),
        ("get", url("step", pk=pk, number=1)),
        ("post", url("step", pk=pk, number=1)),
        ("post", url("autosave", pk=pk, number=1)),
        ("get", url("sharing", pk=pk)),
        ("post", url("revoke", pk=pk, invitation_id=invitation_id)),
        ("get", url("delete", pk=pk)),
        ("post", url("delete", pk=pk)),
    ]


def test_a_member_who_was_not_invited_gets_404_everywhere(as_user, worksheet, stranger, colleague):
    invitation = services.invite(worksheet, colleague)
    client = as_user(stranger)
    for method, address in every_way_in(worksheet, invitation.pk):
        response = getattr(client, method)(address, step1_data(title="Overschreven") if method == "post" else None)
        assert response.status_code == 404, address
    worksheet.refresh_from_db()
    assert worksheet.title.startswith(CANARY)
    assert Worksheet.objects.filter(pk=worksheet.pk).exists()
    assert CANARY not in client.get(url("list")).content.decode()


def test_staff_get_no_access_either(as_user, worksheet):
    client = as_user(factories.superuser("admin@kennisplatform.example"))
    assert client.get(url("worksheet", pk=worksheet.pk)).status_code == 404
    assert client.get(url("memo", pk=worksheet.pk)).status_code == 404


def test_a_visitor_is_sent_to_log_in(client, worksheet):
    response = client.get(url("worksheet", pk=worksheet.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert CANARY not in client.get(url("memo", pk=worksheet.pk), follow=True).content.decode()


def test_an_invited_colleague_reads_and_comments_but_cannot_edit(as_user, post, worksheet, colleague):
    services.invite(worksheet, colleague)
    client = as_user(colleague)
    assert CANARY in client.get(url("worksheet", pk=worksheet.pk)).content.decode()
    assert CANARY in client.get(url("memo", pk=worksheet.pk)).content.decode()
    assert CANARY in client.get(url("list")).content.decode()
    response = post(url("comment", pk=worksheet.pk), {"text": "Goed uitgewerkt."})
    assert response.status_code == 302
    assert worksheet.comments.get().author == colleague
    for method, address in [
        ("get", url("step", pk=worksheet.pk, number=1)),
        ("post", url("autosave", pk=worksheet.pk, number=1)),
        ("get", url("sharing", pk=worksheet.pk)),
        ("post", url("delete", pk=worksheet.pk)),
    ]:
        assert getattr(client, method)(address).status_code == 404, address


def test_a_revoked_reader_loses_access_at_once(as_user, worksheet, owner, colleague):
    invitation = services.invite(worksheet, colleague)
    reader = as_user(colleague)
    assert reader.get(url("worksheet", pk=worksheet.pk)).status_code == 200

    as_user(owner).post(url("revoke", pk=worksheet.pk, invitation_id=invitation.pk))

    reader = as_user(colleague)
    for method, address in every_way_in(worksheet)[:4]:
        assert getattr(reader, method)(address).status_code == 404, address
    assert CANARY not in reader.get(url("list")).content.decode()


def test_a_reader_whose_membership_ended_loses_access(as_user, worksheet, colleague):
    services.invite(worksheet, colleague)
    Membership.objects.filter(user=colleague).update(status=Membership.Status.REJECTED)
    assert as_user(colleague).get(url("worksheet", pk=worksheet.pk)).status_code == 404


def test_readable_by_is_decided_in_the_query(worksheet, owner, colleague, stranger):
    services.invite(worksheet, colleague)
    assert worksheet in permissions.readable_worksheets(owner)
    assert list(permissions.readable_worksheets(colleague)) == [worksheet]
    assert list(permissions.readable_worksheets(stranger)) == []
    assert list(permissions.editable_worksheets(colleague)) == []
    assert list(permissions.readable_worksheets(AnonymousUser())) == []


def test_worksheets_are_never_indexed_or_found(as_user, post, worksheet, owner):
    client = as_user(owner)
    post(url("step", pk=worksheet.pk, number=1), step1_data(context="Kanariecontextwoord over handhaven."))
    assert not SearchDocument.objects.filter(body__contains="Kanariecontextwoord").exists()
    assert not SearchDocument.objects.filter(title__contains=CANARY).exists()
    response = client.get("/nl/search/", {"q": "handhaven"})
    assert response.status_code == 200
    assert CANARY not in response.content.decode()


def test_the_plan_is_found_as_a_dilemma_step_plan(plan):
    document = SearchDocument.objects.get(title=plan.title)
    assert document.kind == "dilemma"
    assert "Wie is bevoegd om te beslissen" in document.body
