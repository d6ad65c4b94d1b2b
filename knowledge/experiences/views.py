"""Front-end views of shared experiences: the guided submission form, my contributions, the moderation queue and
review page, and useful marks.

Submissions are read through `permissions.visible_submissions(user)` everywhere: whoever may not see one
gets a 404, whether it exists or not.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import roles
from accounts.access import login_redirect
from accounts.models import Membership
from knowledge.experiences import actions, services
from knowledge.experiences.forms import CHECKED_FIELDS, SubmissionForm, findings_for
from knowledge.experiences.models import ExperiencePage, ExperienceSubmission
from knowledge.experiences.permissions import can_moderate, visible_submissions

# What someone typed when their session had expired, kept in the new session until they have logged in again
# (logging in keeps the session's data). Keyed by the form's path, so it only ever refills the same form.
UNSENT_KEY = "experiences_unsent"


def _login_keeping_what_was_typed(request):
    if request.method == "POST":
        data = {key: request.POST.getlist(key) for key in request.POST if key != "csrfmiddlewaretoken"}
        request.session[UNSENT_KEY] = {"path": request.path, "data": data}
        messages.warning(request, _("Your session had expired. What you typed has been kept: log in to continue."))
    return login_redirect(request)


def _unsent_initial(request, form_class) -> dict | None:
    unsent = request.session.get(UNSENT_KEY)
    if not unsent or unsent.get("path") != request.path:
        return None
    del request.session[UNSENT_KEY]
    fields = form_class.base_fields
    return {
        name: values if getattr(fields[name].widget, "allow_multiple_selected", False) else values[0]
        for name, values in unsent["data"].items()
        if name in fields and values
    }


def _form_context(form, **extra) -> dict:
    return {"form": form, "parts": form.parts(), "findings": form.findings, **extra}


def _default_organisation(user):
    membership = Membership.objects.active().filter(user=user).select_related("organisation").first()
    return membership.organisation if membership else None


@require_http_methods(["GET", "POST"])
def submit(request):
    if not request.user.is_authenticated:
        return _login_keeping_what_was_typed(request)
    if not roles.is_member(request.user):
        return render(request, "experiences/not_a_member.html", status=403)
    language = translation.get_language()
    unsent = _unsent_initial(request, SubmissionForm) if request.method == "GET" else None
    form = SubmissionForm(
        request.POST or None,
        user=request.user,
        language=language,
        initial=unsent or {"organisation": _default_organisation(request.user)},
    )
    if request.method == "POST" and form.is_valid():
        submission = services.submit(request.user, language, form)
        messages.success(request, _("Thank you. Your experience is waiting for a moderator."))
        return redirect("experiences:submission", pk=submission.pk)
    status = 400 if form.is_bound else 200
    return render(request, "experiences/submit.html", _form_context(form), status=status)


@require_http_methods(["GET", "POST"])
def edit(request, pk):
    if not request.user.is_authenticated:
        return _login_keeping_what_was_typed(request)
    submission = get_object_or_404(ExperienceSubmission.objects.filter(author=request.user), pk=pk)
    if not submission.is_editable:
        messages.info(request, str(services.NotEditable.message))
        return redirect("experiences:submission", pk=submission.pk)
    form = SubmissionForm(request.POST or None, instance=submission, user=request.user, language=submission.language)
    if request.method == "POST" and form.is_valid():
        try:
            services.resubmit(submission.pk, request.user, form)
        except services.NotEditable as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your changes have been sent to the moderators."))
        return redirect("experiences:submission", pk=submission.pk)
    status = 400 if form.is_bound else 200
    return render(request, "experiences/submit.html", _form_context(form, submission=submission), status=status)


@login_required
def submission_detail(request, pk):
    submission = get_object_or_404(visible_submissions(request.user).select_related("page"), pk=pk)
    return render(
        request,
        "experiences/submission.html",
        {"submission": submission, "is_author": submission.author_id == request.user.pk},
    )


@login_required
def my_contributions(request):
    submissions = ExperienceSubmission.objects.filter(author=request.user).select_related("page")
    return render(request, "experiences/my_contributions.html", {"submissions": submissions})


# Moderation


def _moderator(request):
    if not can_moderate(request.user):
        raise Http404
    return request.user


@login_required
def moderation_queue(request):
    _moderator(request)
    submissions = visible_submissions(request.user).select_related("author", "organisation")
    return render(
        request,
        "experiences/moderation_queue.html",
        {
            "waiting": submissions.waiting().order_by("submitted_at", "pk"),
            "decided": submissions.exclude(status=ExperienceSubmission.Status.PENDING).order_by("-decided_at")[:20],
        },
    )


def _review(request, submission, forms=None, status=200):
    forms = forms or {}
    # The moderator sees what the detector sees, including passages the author confirmed as harmless.
    labels = {name: ExperienceSubmission._meta.get_field(name).verbose_name for name in CHECKED_FIELDS}
    findings = findings_for({name: getattr(submission, name) for name in CHECKED_FIELDS}, labels)
    action_forms = [
        {"action": action, "form": forms.get(action.id) or action.form()}
        for action in actions.ACTIONS.values()
        if action.allowed(request.user, submission)
    ]
    context = {"submission": submission, "findings": findings, "action_forms": action_forms}
    return render(request, "experiences/review.html", context, status=status)


@login_required
def review(request, pk):
    _moderator(request)
    submission = get_object_or_404(
        visible_submissions(request.user).select_related("author", "organisation", "page"), pk=pk
    )
    return _review(request, submission)


@login_required
@require_POST
def decide(request, pk, action):
    _moderator(request)
    if action not in actions.ACTIONS:
        raise Http404
    submission = get_object_or_404(visible_submissions(request.user), pk=pk)
    form = actions.ACTIONS[action].form(request.POST)
    if not form.is_valid():
        return _review(request, submission, forms={action: form}, status=400)
    try:
        actions.decide(action, submission.pk, request.user, form.cleaned_data["reason"])
    except services.SubmissionError as error:
        messages.error(request, str(error))
        return redirect("experiences:review", pk=submission.pk)
    messages.success(request, _("Your decision has been recorded and the author has been informed."))
    return redirect("experiences:moderation")


# Useful marks


@login_required
@require_POST
def useful(request, page_id):
    page = get_object_or_404(ExperiencePage.objects.live().public(), pk=page_id)
    if not roles.is_member(request.user):
        raise Http404
    count = services.mark_useful(request.user, page, useful=request.POST.get("useful") != "0")
    if request.htmx:
        return render(
            request,
            "experiences/includes/useful.html",
            {"page": page, "useful_count": count, "marked_useful": request.POST.get("useful") != "0", "can_mark": True},
        )
    return redirect(page.url)
