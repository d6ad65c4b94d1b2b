from functools import wraps

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST

from accounts import access, roles
from protocols import permissions, queries, services
from protocols.forms import ChecklistForm, SaveResultForm, SuitabilityForm
from protocols.models import ChecklistRun, SavedSuitabilityResult
from protocols.suitability import Status, evaluate, load_aid


def members_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles.is_member(request.user):
            raise access.MembershipRequired
        return view(request, *args, **kwargs)

    return wrapped


# --- History ------------------------------------------------------------------------------------------------------


def history(request, page_id):
    page = services.readable_protocol_or_404(request.user, page_id)
    versions = list(services.published_versions(page))
    return render(
        request,
        "protocols/history.html",
        {
            "protocol": page,
            "versions": versions,
            "default_old": versions[1].revision_id if len(versions) > 1 else None,
            "default_new": versions[0].revision_id if versions else None,
        },
    )


def compare(request, page_id):
    page = services.readable_protocol_or_404(request.user, page_id)
    old = services.published_version_or_404(page, request.GET.get("from"))
    new = services.published_version_or_404(page, request.GET.get("to"))
    lines = services.compare_versions(old, new)
    return render(
        request,
        "protocols/compare.html",
        {
            "protocol": page,
            "old": old,
            "new": new,
            "lines": lines,
            "changed": any(line.kind != "same" for line in lines),
            "versions": list(services.published_versions(page)),
        },
    )


def print_view(request, page_id):
    page = services.readable_protocol_or_404(request.user, page_id)
    return render(request, "protocols/print.html", {"protocol": page, "steps": queries.checklist_steps(page)})


# --- Checklists ---------------------------------------------------------------------------------------------------


def _own_run_or_404(request, page_id, run_id) -> ChecklistRun:
    # Filtered by user in the query: someone else's checklist does not exist for you (404, not 403).
    return get_object_or_404(
        permissions.own_checklists(request.user).select_related("page"),
        pk=run_id,
        page_id=page_id,
        page__in=services.readable_protocols(request.user),
    )


@require_POST
@members_only
def checklist_start(request, page_id):
    page = services.readable_protocol_or_404(request.user, page_id)
    run = services.start_checklist(request.user, page)
    return redirect("protocols:checklist", page_id=page.pk, run_id=run.pk)


@members_only
def checklist(request, page_id, run_id):
    run = _own_run_or_404(request, page_id, run_id)
    page = run.page.specific
    if request.method == "POST":
        form = ChecklistForm(request.POST, instance=run)
        ticked = set(request.POST.getlist("items"))
        if form.is_valid():
            services.update_checklist(run, ticked, form.cleaned_data["notes"], form.cleaned_data["label"])
            messages.success(request, gettext("Your checklist has been saved."))
            return redirect("protocols:checklist", page_id=page.pk, run_id=run.pk)
    else:
        form = ChecklistForm(instance=run)
        ticked = set(run.ticks.values_list("item_key", flat=True))
    steps = queries.checklist_steps(page, ticked)
    total = sum(len(step["items"]) for step in steps)
    done = sum(item.ticked for step in steps for item in step["items"])
    return render(
        request,
        "protocols/checklist.html",
        {"protocol": page, "run": run, "form": form, "steps": steps, "total": total, "done": done},
    )


@members_only
def checklist_delete(request, page_id, run_id):
    run = _own_run_or_404(request, page_id, run_id)
    page = run.page.specific
    if request.method == "POST":
        run.delete()
        messages.success(request, gettext("Your checklist has been deleted."))
        return redirect(page.url)
    return render(request, "protocols/checklist_delete.html", {"protocol": page, "run": run})


# --- Suitability aid ----------------------------------------------------------------------------------------------


def suitability(request):
    """The aid works on GET: answers live in the address, nothing is stored, and "change answers" is a link."""
    questions, rules = load_aid()
    submitted = "check" in request.GET or any(q.key in request.GET for q in questions)
    form = SuitabilityForm(request.GET if submitted else None, questions=questions)
    context = {"form": form, "questions": questions}
    if submitted:
        form.is_valid()
        answers = {q.key: request.GET.get(q.key, "") for q in questions}
        evaluation = evaluate(answers, questions, rules)
        context["evaluation"] = evaluation
        if evaluation.status in (Status.COMPLETE, Status.UNDECIDED):
            query = QueryDict(mutable=True)
            query.update(answers)
            context.update(
                answers=answers,
                change_url=f"{reverse('protocols:suitability')}?{query.urlencode()}#questions",
                protocols=services.protocols_in_language(evaluation.protocol_ids, get_language(), request.user),
                save_form=SaveResultForm(),
                can_save=roles.is_member(request.user),
            )
            return render(request, "protocols/suitability_result.html", context)
    return render(request, "protocols/suitability.html", context)


@require_POST
@members_only
def suitability_save(request):
    questions, rules = load_aid()
    answers = {q.key: request.POST.get(q.key, "") for q in questions}
    evaluation = evaluate(answers, questions, rules)
    form = SaveResultForm(request.POST)
    if evaluation.status != Status.COMPLETE or not form.is_valid():
        messages.error(request, gettext("The result could not be saved. Please check your answers."))
        query = QueryDict(mutable=True)
        query.update(answers)
        return redirect(f"{reverse('protocols:suitability')}?{query.urlencode()}")
    SavedSuitabilityResult.objects.create(
        user=request.user,
        label=form.cleaned_data["label"],
        answers=answers,
        outcome=evaluation.outcome,
        reasons=evaluation.reasons,
        notes=evaluation.notes,
        language=get_language(),
    )
    messages.success(request, gettext("The result has been saved. Only you can see it."))
    return redirect("protocols:saved_results")


@members_only
def saved_results(request):
    results = permissions.own_saved_results(request.user)
    return render(request, "protocols/saved_results.html", {"results": results})


@members_only
def saved_result(request, pk):
    result = get_object_or_404(permissions.own_saved_results(request.user), pk=pk)
    if request.method == "POST":
        result.delete()
        messages.success(request, gettext("The saved result has been deleted."))
        return redirect("protocols:saved_results")
    questions, _rules = load_aid()
    chosen = []
    for question in questions:
        option = next((o for o in question.options.all() if o.key == result.answers.get(question.key)), None)
        if option is not None:
            chosen.append((question, option))
    query = QueryDict(mutable=True)
    query.update(result.answers)
    return render(
        request,
        "protocols/saved_result.html",
        {"result": result, "chosen": chosen, "rerun_url": f"{reverse('protocols:suitability')}?{query.urlencode()}"},
    )
