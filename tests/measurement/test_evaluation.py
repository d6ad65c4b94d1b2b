"""The anonymous party evaluation: who hands out codes, what a slip says, answering without an account, what an
answer stores (nothing about who gave it), and results only from the minimum number of answers up."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from measurement import evaluations
from measurement.models import Evaluation, EvaluationCode
from measurement.periods import Period
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 17)
ANSWERS = {"felt_heard": 4, "fair_process": 5, "satisfied": 3, "would_use_again": 4}


@pytest.fixture
def w():
    """A closed case of Almere with its handler; a colleague not on the case; a coordinator elsewhere."""
    almere = factories.OrganisationFactory(name="Gemeente Almere", slug="almere")
    handler = factories.member(organisation=almere)
    colleague = factories.member(organisation=almere)
    elsewhere = factories.coordinator(organisation=factories.OrganisationFactory(name="Gemeente Lelystad"))
    closed = factories.closed_case(almere, handler=handler, reference="BZ-2026-0042")
    open_case = factories.case(almere, handler=handler, reference="BZ-2026-0043")
    return type("World", (), locals())


def answer_data(**changes):
    return {**ANSWERS, "comment": ""} | changes


def url(name, *args, language="nl"):
    with translation.override(language):
        return reverse(name, args=args)


# --- handing out codes ---------------------------------------------------------------------------------------------


def test_the_handler_of_a_closed_case_gets_codes_that_are_easy_to_type_and_valid_for_the_set_days(w, settings):
    settings.EVALUATION_CODE_DAYS = 60
    codes = evaluations.hand_out(w.closed, w.handler, count=3, language="da", today=TODAY)
    assert len(codes) == 3 and len({code.code for code in codes}) == 3
    for code in codes:
        assert re.fullmatch(r"[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}", code.code)
        assert not set(code.code) & set("0O1IL")
        assert code.language == "da" and code.organisation_id == w.almere.pk and code.case_id == w.closed.pk
        assert code.expires_on == TODAY + datetime.timedelta(days=60) and not code.used
        assert code.created_by == w.handler


def test_no_codes_for_an_open_case_nor_for_anyone_who_may_not_read_the_case(w):
    for case, user in [
        (w.open_case, w.handler),
        (w.closed, w.colleague),
        (w.closed, w.elsewhere),
        (w.closed, AnonymousUser()),
    ]:
        with pytest.raises(evaluations.EvaluationError):
            evaluations.hand_out(case, user, count=1, language="nl")
    assert not EvaluationCode.objects.exists()


@pytest.mark.parametrize("count", [0, 7])
def test_one_to_six_codes_at_a_time(w, count):
    with pytest.raises(evaluations.EvaluationError), translation.override("en"):
        evaluations.hand_out(w.closed, w.handler, count=count, language="nl")


def test_a_code_that_exists_already_is_drawn_again(w, monkeypatch):
    factories.evaluation_code(w.closed, code="AAAA-AAAA")
    drawn = iter(["AAAA-AAAA", "AAAA-AAAA", "BBBB-BBBB"])
    monkeypatch.setattr(evaluations, "new_code", lambda: next(drawn))
    (code,) = evaluations.hand_out(w.closed, w.handler, count=1, language="nl")
    assert code.code == "BBBB-BBBB"


def test_a_typed_code_is_found_whatever_its_case_spaces_or_dashes(w):
    code = factories.evaluation_code(w.closed, code="ABCD-EFGH")
    for typed in ["ABCD-EFGH", "abcd-efgh", " abcd efgh ", "ABCDEFGH", "abcd–efgh"]:
        assert evaluations.find_code(typed) == code
    for typed in ["ABCD", "ABCD-EFGJ", "", "ABCD-EFGH-X"]:
        assert evaluations.find_code(typed) is None


def test_the_handler_makes_codes_on_the_case_and_sees_only_whether_each_was_used(w, client):
    factories.evaluation_code(w.closed, code="USED-CCCC", used=True)
    factories.evaluation_code(w.closed, code="OLDD-CCCC", expires_on=datetime.date(2020, 1, 1))
    client.force_login(w.handler)
    response = client.post(url("measurement:evaluation_codes", w.closed.pk), {"count": 2, "language": "en"})
    assert response.status_code == 302
    assert EvaluationCode.objects.filter(case=w.closed, language="en", used=False).count() == 2
    with translation.override("en"):
        page = client.get(url("measurement:evaluation_codes", w.closed.pk, language="en")).content.decode()
    assert "USED-CCCC" in page and "OLDD-CCCC" in page
    assert "Used" in page and "No longer valid" in page and page.count("Not used yet") == 2
    assert "Print the slips of the 2 codes not yet used" in page


def test_a_wrong_number_of_codes_is_explained(w, client):
    client.force_login(w.handler)
    with translation.override("en"):
        response = client.post(url("measurement:evaluation_codes", w.closed.pk, language="en"), {"count": 9})
    assert response.status_code == 400
    assert "Enter at most 6." in response.content.decode()
    assert not EvaluationCode.objects.exists()


def test_the_code_pages_are_only_for_people_who_may_hand_out(w, client):
    for user in [w.colleague, w.elsewhere]:
        client.force_login(user)
        assert client.get(url("measurement:evaluation_codes", w.closed.pk)).status_code == 404
        assert client.get(url("measurement:evaluation_slips", w.closed.pk)).status_code == 404
        assert client.post(url("measurement:evaluation_codes", w.closed.pk), {"count": 1}).status_code == 404
    client.force_login(w.handler)
    assert client.get(url("measurement:evaluation_codes", w.open_case.pk)).status_code == 404
    client.logout()
    response = client.get(url("measurement:evaluation_codes", w.closed.pk))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not EvaluationCode.objects.exists()


def test_a_coordinator_of_the_organisation_may_hand_out_too(w, client):
    client.force_login(factories.coordinator(organisation=w.almere))
    assert client.get(url("measurement:evaluation_codes", w.closed.pk)).status_code == 200


def test_each_slip_has_the_absolute_link_in_its_language_and_the_code(w, client):
    danish = factories.evaluation_code(w.closed, code="DDDD-KKKK", language="da")
    english = factories.evaluation_code(w.closed, code="EEEE-NNNN", language="en")
    factories.evaluation_code(w.closed, code="USED-DDDD", used=True)
    client.force_login(w.handler)
    page = client.get(url("measurement:evaluation_slips", w.closed.pk)).content.decode()
    assert f"http://testserver/da/evaluation/{danish.code}/" in page
    assert f"http://testserver/en/evaluation/{english.code}/" in page
    assert "http://testserver/da/evaluation/" in page and "http://testserver/en/evaluation/" in page
    assert '<strong class="measurement-slip__code">DDDD-KKKK</strong>' in page
    assert "USED-DDDD" not in page
    # Each slip is written in its code's language, whatever the officer's own.
    assert '<article class="measurement-slip" lang="da"' in page
    assert '<article class="measurement-slip" lang="en"' in page
    assert "nobody sees who answered" in page


def test_the_case_page_links_to_the_codes_only_for_a_closed_case(w, client):
    client.force_login(w.handler)
    link = url("measurement:evaluation_codes", w.closed.pk)
    assert link in client.get(w.closed.get_absolute_url()).content.decode()
    page = client.get(w.open_case.get_absolute_url()).content.decode()
    assert "/evaluation/" not in page


def test_the_case_panel_is_empty_for_someone_who_may_not_hand_out(w):
    from measurement.wagtail_hooks import evaluation_panel

    request = RequestFactory().get("/")
    request.user = w.colleague
    assert evaluation_panel(request, w.closed) is None
    request.user = w.handler
    assert "Hand out evaluation codes" in translation.override("en")(evaluation_panel)(request, w.closed)


def test_the_code_pages_take_a_fixed_number_of_queries(w, client, django_assert_max_num_queries):
    client.force_login(w.handler)
    factories.evaluation_code(w.closed, code="AAAA-BBBB")
    with django_assert_max_num_queries(20) as few:
        client.get(url("measurement:evaluation_codes", w.closed.pk))
    with django_assert_max_num_queries(20) as few_slips:
        client.get(url("measurement:evaluation_slips", w.closed.pk))
    evaluations.hand_out(w.closed, w.handler, count=6, language="da")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("measurement:evaluation_codes", w.closed.pk))
    with django_assert_max_num_queries(len(few_slips.captured_queries)):
        client.get(url("measurement:evaluation_slips", w.closed.pk))


# --- answering -----------------------------------------------------------------------------------------------------


def test_a_party_answers_without_logging_in_and_the_answer_holds_nothing_about_them(w, client):
    code = factories.evaluation_code(w.closed, code="ABCD-EFGH", language="en")
    page = client.get(url("evaluation:answer", code.code, language="en")).content.decode()
    assert "Gemeente Almere" in page and "BZ-2026-0042" not in page
    response = client.post(url("evaluation:answer", code.code, language="en"), answer_data(comment="Fijn gesprek."))
    assert response.status_code == 302
    assert response["Location"] == url("evaluation:thanks", code.code, language="en")
    (answer,) = Evaluation.objects.all()
    fields = {f.name for f in Evaluation._meta.get_fields()}
    assert fields == {"id", "organisation", "month", "language", *ANSWERS, "comment"}
    assert answer.organisation_id == w.almere.pk
    assert answer.month == timezone.localdate().replace(day=1)
    assert answer.language == "en"
    assert {name: getattr(answer, name) for name in ANSWERS} == ANSWERS
    assert answer.comment == "Fijn gesprek."
    assert EvaluationCode.objects.get(pk=code.pk).used
    assert "sessionid" not in client.cookies
    assert client.get(response["Location"]).status_code == 200


def test_the_questions_come_in_the_language_of_the_link(w, client):
    code = factories.evaluation_code(w.closed, code="ABCD-EFGH", language="nl")
    answer_url = url("evaluation:answer", code.code, language="da")
    assert '<html lang="da"' in client.get(answer_url).content.decode()
    client.post(answer_url, answer_data())
    assert Evaluation.objects.get().language == "da"


def test_every_question_needs_an_answer_and_the_comment_is_kept(w, client):
    code = factories.evaluation_code(w.closed)
    data = answer_data(comment="Het ging rustig.")
    del data["fair_process"], data["satisfied"]
    with translation.override("en"):
        response = client.post(url("evaluation:answer", code.code, language="en"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("Choose an answer from 1 to 5.") == 4  # two questions, each in the summary and at the field
    assert "Het ging rustig." in page
    assert "<legend" in page
    assert not Evaluation.objects.exists() and not EvaluationCode.objects.get(pk=code.pk).used


@pytest.mark.parametrize("detail", ["mail mij op jan@example.nl", "bel 06-12345678", "mijn bsn is 111222333"])
def test_personal_details_in_the_comment_are_explained_kindly_and_kept_until_confirmed(w, client, detail):
    code = factories.evaluation_code(w.closed)
    comment = f"Het ging goed, {detail}."
    answer_url = url("evaluation:answer", code.code, language="en")
    with translation.override("en"):
        response = client.post(answer_url, answer_data(comment=comment))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Please leave such details out" in page and comment in page
    assert not Evaluation.objects.exists()
    seen = response.context["form"].data["findings_seen"]
    response = client.post(answer_url, answer_data(comment=comment, confirm_findings="on", findings_seen=seen))
    assert response.status_code == 302
    assert Evaluation.objects.get().comment == comment


def test_a_used_code_is_refused_with_a_clear_page(w, client):
    code = factories.evaluation_code(w.closed, used=True)
    with translation.override("en"):
        for response in [
            client.get(url("evaluation:answer", code.code, language="en")),
            client.post(url("evaluation:answer", code.code, language="en"), answer_data()),
        ]:
            assert response.status_code == 410
            assert "This code has already been used" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_an_expired_code_is_refused(w, client):
    code = factories.evaluation_code(w.closed, expires_on=timezone.localdate() - datetime.timedelta(days=1))
    with translation.override("en"):
        response = client.post(url("evaluation:answer", code.code, language="en"), answer_data())
    assert response.status_code == 410
    assert "This code is no longer valid" in response.content.decode()
    assert not Evaluation.objects.exists() and not EvaluationCode.objects.get(pk=code.pk).used


def test_an_unknown_code_says_only_that_it_is_not_known(w, client):
    with translation.override("en"):
        response = client.get(url("evaluation:answer", "ZZZZ-ZZZZ", language="en"))
        weird = client.get(url("evaluation:answer", "<script>", language="en"))
    assert response.status_code == 404 and weird.status_code == 404
    assert "This code is not known" in response.content.decode()
    assert "Almere" not in response.content.decode()


def test_a_code_typed_on_the_entry_page_leads_to_the_questions(w, client):
    factories.evaluation_code(w.closed, code="ABCD-EFGH")
    response = client.post(url("evaluation:enter", language="en"), {"code": " abcd efgh"})
    assert response.status_code == 302 and response["Location"] == url("evaluation:answer", "ABCD-EFGH", language="en")
    with translation.override("en"):
        response = client.post(url("evaluation:enter", language="en"), {"code": "ABCD-EFGJ"})
    page = response.content.decode()
    assert response.status_code == 400 and "This code is not known" in page and 'value="ABCD-EFGJ"' in page


def test_too_many_unknown_codes_from_one_address_make_it_wait(w, client, settings):
    settings.LOGIN_THROTTLE_FAILURES = 1  # five unknown codes (the per-address factor) then a pause
    factories.evaluation_code(w.closed, code="ABCD-EFGH")
    enter = url("evaluation:enter", language="en")
    with translation.override("en"):
        for _ in range(5):
            assert client.post(enter, {"code": "ZZZZ-ZZZZ"}).status_code == 400
        response = client.post(enter, {"code": "ABCD-EFGH"})
        assert response.status_code == 429 and "Please wait" in response.content.decode()
        assert client.get(url("evaluation:answer", "ABCD-EFGH", language="en")).status_code == 429
        other = client.post(enter, {"code": "ABCD-EFGH"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_wrong_codes_and_failed_logins_from_one_address_do_not_lock_each_other(w, settings):
    """A town hall's address where someone mistyped codes can still log in, and the other way round."""
    from accounts import throttling

    settings.LOGIN_THROTTLE_FAILURES = 1
    ip = "10.0.0.7"
    for _ in range(5):
        throttling.record_wrong_guess("evaluation code", ip)
    assert throttling.too_many_guesses("evaluation code", ip)
    assert not throttling.is_locked("someone@almere.example", ip)
    for _ in range(5):
        throttling.record_failure(f"x{_}@almere.example", "10.0.0.8")
    assert throttling.is_locked("other@almere.example", "10.0.0.8")
    assert not throttling.too_many_guesses("evaluation code", "10.0.0.8")


def test_the_answer_page_takes_a_fixed_number_of_queries(w, client, django_assert_max_num_queries):
    code = factories.evaluation_code(w.closed)
    # The site's own (home page, languages) plus the throttle and the code; the answer adds its three writes.
    with django_assert_max_num_queries(6):
        client.get(url("evaluation:answer", code.code))
    with django_assert_max_num_queries(9):
        client.post(url("evaluation:answer", code.code), answer_data())


def test_submit_refuses_a_used_an_expired_and_an_unknown_code(w):
    factories.evaluation_code(w.closed, code="USED-AAAA", used=True)
    factories.evaluation_code(w.closed, code="OLDD-AAAA", expires_on=TODAY - datetime.timedelta(days=1))
    for code, reason in [("USED-AAAA", "used"), ("OLDD-AAAA", "expired"), ("NONE-AAAA", "unknown")]:
        with pytest.raises(evaluations.EvaluationRefused) as refused:
            evaluations.submit(code, ANSWERS, "", "nl", today=TODAY)
        assert refused.value.reason == reason
    assert not Evaluation.objects.exists()


def test_a_code_is_valid_on_its_last_day(w):
    factories.evaluation_code(w.closed, code="LAST-DAYY", expires_on=TODAY)
    answer = evaluations.submit("lastdayy", ANSWERS, "", "da", today=TODAY)
    assert answer.month == datetime.date(2026, 11, 1) and answer.language == "da"


# --- results --------------------------------------------------------------------------------------------------------


def answers(organisation, scores, *, month=datetime.date(2026, 10, 1), comment=""):
    for felt_heard, fair_process, satisfied, would_use_again in scores:
        Evaluation.objects.create(
            organisation=organisation,
            month=month,
            language="nl",
            felt_heard=felt_heard,
            fair_process=fair_process,
            satisfied=satisfied,
            would_use_again=would_use_again,
            comment=comment,
        )


def test_four_answers_show_no_figures_and_no_comments(w):
    answers(w.almere, [(5, 5, 5, 5)] * 4, comment="Heel fijn gesprek.")
    result = evaluations.summary(w.almere, Period.year(2026))
    assert result.count == 4 and result.too_few
    assert result.questions == [] and result.comments == []
    assert result.averages_chart() is None and result.distribution_chart() is None
    with translation.override("en"):
        html = render_to_string(
            "measurement/includes/evaluation_results.html", {"evaluation": result, "organisation": w.almere}
        )
    assert "Fewer than 5 parties answered" in html
    assert "Heel fijn" not in html and "data-value" not in html and "<table" not in html


def test_five_answers_give_averages_distribution_and_comments(w):
    answers(w.almere, [(5, 4, 1, 5), (4, 4, 2, 5), (3, 4, 3, 5), (5, 4, 4, 5)])
    answers(w.almere, [(5, 4, 5, 1)], comment="Eindelijk gehoord.")
    # Not counted: another organisation, and a month outside the period.
    answers(w.elsewhere.memberships.get().organisation, [(1, 1, 1, 1)] * 5)
    answers(w.almere, [(1, 1, 1, 1)] * 3, month=datetime.date(2025, 12, 1))
    result = evaluations.summary(w.almere, Period.year(2026))
    assert result.count == 5 and not result.too_few
    by_question = {q.question: q for q in result.questions}
    assert by_question["felt_heard"].average == Decimal("4.4")
    assert by_question["felt_heard"].distribution == [0, 0, 1, 1, 3]
    assert by_question["fair_process"].distribution == [0, 0, 0, 5, 0]
    assert by_question["satisfied"].average == Decimal("3.0")
    assert by_question["satisfied"].distribution == [1, 1, 1, 1, 1]
    assert by_question["would_use_again"].average == Decimal("4.2")
    assert result.comments == ["Eindelijk gehoord."]
    averages = result.averages_chart()
    assert [float(v) for v in averages.series[0].values] == [4.4, 4.0, 3.0, 4.2]
    distribution = result.distribution_chart()
    assert [s.values for s in distribution.series][4] == [3, 0, 1, 4]  # how many answered 5, per question
    with translation.override("en"):
        html = render_to_string(
            "measurement/includes/evaluation_results.html", {"evaluation": result, "organisation": w.almere}
        )
    assert "5 parties answered" in html and "Eindelijk gehoord." in html and 'data-value="4.4"' in html


def test_a_period_that_starts_mid_month_counts_that_whole_month(w):
    answers(w.almere, [(3, 3, 3, 3)] * 5, month=datetime.date(2026, 3, 1))
    assert evaluations.summary(w.almere, Period(datetime.date(2026, 3, 17), datetime.date(2026, 3, 31))).count == 5
    assert evaluations.summary(w.almere, Period(datetime.date(2026, 4, 1), datetime.date(2026, 4, 30))) is None


def test_comments_come_by_random_key_without_dates(w):
    for text in ["Een", "Twee", "Drie", "Vier", "Vijf"]:
        answers(w.almere, [(3, 3, 3, 3)], comment=text)
    result = evaluations.summary(w.almere, Period.year(2026))
    by_key = list(Evaluation.objects.order_by("pk").values_list("comment", flat=True))
    assert result.comments == by_key


def test_the_summary_takes_at_most_two_queries_however_many_answers(w, django_assert_max_num_queries):
    answers(w.almere, [(4, 4, 4, 4)] * 5, comment="Goed.")
    with django_assert_max_num_queries(2):
        evaluations.summary(w.almere, Period.year(2026))
    answers(w.almere, [(2, 3, 4, 5)] * 40, comment="Prima.")
    with django_assert_max_num_queries(2):
        assert evaluations.summary(w.almere, Period.year(2026)).count == 45
