"""Capacity holds under simultaneous requests: 50 real parallel enrolments for 12 places on PostgreSQL."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import Membership, Organisation, User
from knowledge.training.models import Enrolment
from tests import factories

PARALLEL = 50


@pytest.mark.django_db(transaction=True)
def test_fifty_parallel_enrolments_for_twelve_places_enrol_twelve_and_wait_list_the_rest_in_arrival_order(
    committed_db,
):
    module = factories.training_module("Drukbezocht", max_group_size=12)
    session = module.sessions.get()
    organisation = Organisation.objects.create(slug="parallel", name="Gemeente Parallel")
    people = []
    for number in range(PARALLEL):
        user = User.objects.create_user(f"parallel{number}@test.example", password="a-long-test-password")
        Membership.objects.create(user=user, organisation=organisation, status=Membership.Status.ACTIVE)
        people.append(user)
    url = reverse("training:session_enrol", kwargs={"pk": session.pk})

    barrier = threading.Barrier(PARALLEL)
    responses, errors = {}, []

    def request(user):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait()  # everyone is logged in and ready: release all requests at once
            responses[user.pk] = client.post(url)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=request, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert all(response.status_code == 302 for response in responses.values()), "every request was answered"
    enrolments = list(Enrolment.objects.filter(session=session).order_by("id"))
    assert len(enrolments) == PARALLEL, "no enrolment lost"
    assert len({e.user_id for e in enrolments}) == PARALLEL, "no duplicates"
    statuses = [e.status for e in enrolments]
    assert statuses.count("enrolled") == 12 and statuses.count("waitlisted") == 38
    # Arrival order: ids are drawn under the session lock, so the first twelve committed got the places and the
    # waiting list follows commit order without gaps.
    assert statuses == ["enrolled"] * 12 + ["waitlisted"] * 38
    waiting = [e for e in enrolments if e.status == "waitlisted"]
    created = [e.created_at for e in enrolments]
    assert created == sorted(created), "ids and commit times agree"
    for position, enrolment in enumerate(waiting, start=1):
        client = Client()
        client.force_login(enrolment.user)
        page = client.get(reverse("training:enrolment", kwargs={"pk": enrolment.pk})).content.decode()
        assert f"nummer {position} op de wachtlijst" in page
