"""The party evaluation: an officer hands out codes for a closed case and prints the slips; a party answers with a
code, without an account.

The public pages say nothing about the case: only the organisation's name, so the party knows what they evaluate.
They keep no session and store nothing about who answered (see `measurement.evaluations`).
"""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.access import members_only
from accounts.throttling import client_ip
from cases import audit
from cases.choices import EventAction
from measurement import evaluations, permissions
from measurement.forms.evaluation import AnswerForm, CodeForm, HandOutForm

# --- handing out (members) -------------------------------------------------------------------------------------------


def _evaluation_case(request, pk):
    """The closed case if the person may hand out codes for it; 404 otherwise, never a hint that it exists. These
    pages name the case (its reference), so a GET is logged as an opening, as on the case's own pages."""
    case = get_object_or_404(permissions.evaluation_cases(request.user).select_related("organisation"), pk=pk)
    if request.method == "GET":
        audit.record(case, request.user, EventAction.OPENED)
    return case


def _state(code, today):
    """Used or not, and still valid: all the handing-out page says about a code (never anything about an answer)."""
    if code.used:
        return {"state": _("Used"), "tone": "neutral", "printable": False}
    if evaluations.is_expired(code, today):
        return {"state": _("No longer valid"), "tone": "warning", "printable": False}
    return {"state": _("Not used yet"), "tone": "safe", "printable": True}


@members_only
def codes(request, pk):
    case = _evaluation_case(request, pk)
    form = HandOutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = evaluations.hand_out(
                case, request.user, count=form.cleaned_data["count"], language=form.cleaned_data["language"]
            )
        except evaluations.EvaluationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                translation.ngettext(
                    "%(count)s code is ready: print the slip and hand it to the party.",
                    "%(count)s codes are ready: print the slips and hand one to each party.",
                    len(created),
                )
                % {"count": len(created)},
            )
            return redirect("measurement:evaluation_codes", pk=case.pk)
    today = timezone.localdate()
    rows = [{"code": code, **_state(code, today)} for code in evaluations.case_codes(case)]
    context = {
        "case": case,
        "form": form,
        "rows": rows,
        "printable": sum(1 for row in rows if row["printable"]),
        "min_cell": settings.MEASUREMENT_MIN_CELL,
    }
    return render(request, "measurement/evaluation/codes.html", context, status=400 if form.is_bound else 200)


@members_only
def slips(request, pk):
    case = _evaluation_case(request, pk)
    printable = []
    for code in evaluations.printable_codes(case):
        # Each slip in its own language: the link carries that language's prefix.
        with translation.override(code.language):
            printable.append(
                {
                    "code": code,
                    "link": request.build_absolute_uri(reverse("evaluation:answer", args=[code.code])),
                    "enter": request.build_absolute_uri(reverse("evaluation:enter")),
                }
            )
    return render(request, "measurement/evaluation/slips.html", {"case": case, "slips": printable})


# --- answering (anyone with a code) ----------------------------------------------------------------------------------


def _refused(request, refusal, status):
    return render(request, "measurement/evaluation/refused.html", {"refusal": refusal}, status=status)


def _throttled(request):
    refusal = _("You typed too many codes that are not known. Please wait %(minutes)s minutes and try again.") % {
        "minutes": evaluations.minutes_to_wait()
    }
    return _refused(request, refusal, 429)


def _usable_code(request, text):
    """The code if it can be answered with now, else the page that says why not. An unknown code counts against
    the address it came from, as a failed login does."""
    ip = client_ip(request)
    if evaluations.too_many_wrong_codes(ip):
        return None, _throttled(request)
    code = evaluations.find_code(text)
    refusal = evaluations.refusal(code)
    if refusal is not None:
        if refusal.reason == "unknown":
            evaluations.record_wrong_code(ip)
        return None, _refused(request, str(refusal), 404 if refusal.reason == "unknown" else 410)
    return code, None


@never_cache
def enter_code(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ip = client_ip(request)
        if evaluations.too_many_wrong_codes(ip):
            return _throttled(request)
        code = evaluations.find_code(form.cleaned_data["code"])
        refusal = evaluations.refusal(code)
        if refusal is None:
            return redirect("evaluation:answer", code=code.code)
        if refusal.reason == "unknown":
            evaluations.record_wrong_code(ip)
        # What they typed stays in the field, with the reason below it.
        form.add_error("code", str(refusal))
    status = 400 if form.is_bound else 200
    return render(request, "measurement/evaluation/enter.html", {"form": form}, status=status)


@never_cache
def answer(request, code):
    found, refused = _usable_code(request, code)
    if refused is not None:
        return refused
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluations.submit(
                found.code, form.answers(), form.cleaned_data["comment"], translation.get_language() or ""
            )
        except evaluations.EvaluationRefused as error:
            # Used by someone else a moment ago, or expired since the page was opened.
            return _refused(request, str(error), 410)
        return redirect("evaluation:thanks", code=found.code)
    context = {"form": form, "organisation": found.organisation, "min_cell": settings.MEASUREMENT_MIN_CELL}
    return render(request, "measurement/evaluation/answer.html", context, status=400 if form.is_bound else 200)


@never_cache
def thanks(request, code):
    # Says nothing about the code or the answer: the page looks the same for every address.
    return render(request, "measurement/evaluation/thanks.html")
