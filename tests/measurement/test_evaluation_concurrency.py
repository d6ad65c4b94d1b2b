"""One answer per code, also when several requests with the same code arrive at the same moment: real parallel
connections on PostgreSQL, each thread its own transaction."""

from functools import partial

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from measurement import evaluations
from measurement.models import Evaluation, EvaluationCode
from tests import factories
from tests.helpers import at_once as run_at_once

at_once = partial(run_at_once, refused=evaluations.EvaluationError)

ANSWERS = {"felt_heard": 4, "fair_process": 5, "satisfied": 3, "would_use_again": 4}


def closed_case():
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    return factories.closed_case(almere, handler=factories.member(organisation=almere))


@pytest.mark.django_db(transaction=True)
def test_four_answers_with_one_code_at_once_store_one_and_refuse_three(committed_db):
    code = factories.evaluation_code(closed_case(), code="ABCD-EFGH")
    calls = [(evaluations.submit, ("abcd efgh", ANSWERS, f"Antwoord {n}.", "nl")) for n in range(4)]
    results, errors = at_once(*calls)
    assert len(results) == 1
    assert errors == ["This code has already been used: each code gives one answer."] * 3
    assert Evaluation.objects.count() == 1
    assert Evaluation.objects.get().comment == results[0].comment
    assert EvaluationCode.objects.get(pk=code.pk).used


@pytest.mark.django_db(transaction=True)
def test_two_parties_sending_the_form_with_one_code_at_once_get_one_thanks_and_one_refusal(committed_db):
    code = factories.evaluation_code(closed_case(), code="ABCD-EFGH")
    with translation.override("en"):
        answer_url = reverse("evaluation:answer", args=[code.code])

    def send(comment):
        return Client().post(answer_url, {**ANSWERS, "comment": comment}).status_code

    results, errors = at_once((send, ("Eerste.",)), (send, ("Tweede.",)))
    assert errors == [] and sorted(results) == [302, 410]
    assert Evaluation.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_codes_handed_out_at_once_for_one_case_are_all_different(committed_db):
    case = closed_case()
    handler = case.assignments.get().user
    results, errors = at_once(*[(evaluations.hand_out, (case, handler), {"count": 6, "language": "nl"})] * 3)
    assert errors == [] and len(results) == 3
    assert EvaluationCode.objects.filter(case=case).values("code").distinct().count() == 18
