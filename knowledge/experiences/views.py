"""Front-end views of shared experiences: the guided submission form, my contributions and withdrawal, the
moderation queue and review page (decisions, redaction, the history of original texts), and useful marks.

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

from accounts import access, roles
from accounts.access import login_redirect
from accounts.models import Membership
from knowledge.experiences import actions, services
from knowledge.experiences.forms import CHECKED_FIELDS, SubmissionForm, WithdrawForm, findings_for
from knowledge.experiences.models import ExperiencePage, ExperienceRevision, ExperienceSubmission
from knowledge.experiences.permissions import can_moderate, can_withdraw, visible_submissions

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
        {
            "submission": submission,
            "is_author": submission.author_id == request.user.pk,
            "can_withdraw": can_withdraw(request.user, submission),
            # Which parts a moderator edited (never the original text: that is for moderators only).
            "edits": list(submission.revisions.all()),
        },
    )


@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """The author's confirmation page (GET) and the withdrawal itself (POST)."""
    if not request.user.is_authenticated:
        return login_redirect(request)
    submission = get_object_or_404(
        ExperienceSubmission.objects.filter(author=request.user).select_related("page"), pk=pk
    )
    if not can_withdraw(request.user, submission):
        messages.info(request, str(services.NotWithdrawable.message))
        return redirect("experiences:submission", pk=submission.pk)
    form = WithdrawForm(request.POST or None, initial={"seen": submission.status})
    if request.method == "POST":
        if form.is_valid():
            try:
                services.withdraw(submission.pk, request.user, form.cleaned_data["seen"])
            except services.SubmissionError as error:
                messages.error(request, str(error))
                return redirect("experiences:submission", pk=submission.pk)
            messages.success(request, _("Your experience has been withdrawn."))
            return redirect("experiences:my_contributions")
        messages.error(request, str(services.ChangedMeanwhile.message))
        return redirect("experiences:submission", pk=submission.pk)
    return render(request, "experiences/withdraw.html", {"submission": submission, "form": form})


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
            "decided": submissions.exclude(status=ExperienceSubmission.Status.PENDING).order_by("-updated_at", "-pk")[
                :20
            ],
        },
    )


def _review(request, submission, forms=None, status=200):
    forms = forms or {}
    # The moderator sees what the detector sees, including passages the author confirmed as harmless.
    labels = {name: ExperienceSubmission._meta.get_field(name).verbose_name for name in CHECKED_FIELDS}
    findings = findings_for({name: getattr(submission, name) for name in CHECKED_FIELDS}, labels)
    action_forms = [
        {"action": action, "form": forms.get(action.id) or action.form(submission)}
        for action in actions.ACTIONS.values()
        if action.allowed(request.user, submission)
    ]
    purge = actions.PURGE_REVISION
    revisions = [
        {
            "revision": revision,
            "form": (forms.get(purge.form(revision).prefix) or purge.form(revision))
            if purge.allowed(request.user, revision)
            else None,
        }
        for revision in submission.revisions.select_related("created_by", "purged_by")
    ]
    context = {
        "submission": submission,
        "findings": findings,
        "action_forms": action_forms,
        "revisions": revisions,
        "purge": purge,
        "decisions": submission.decisions.select_related("actor"),
    }
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
    submission = get_object_or_404(visible_submissions(request.user).select_related("page"), pk=pk)
    form = actions.ACTIONS[action].form(submission, request.POST)
    if not form.is_valid():
        return _review(request, submission, forms={action: form}, status=400)
    try:
        actions.decide(action, submission.pk, request.user, form.cleaned_data)
    except services.SubmissionError as error:
        messages.error(request, str(error))
        return redirect("experiences:review", pk=submission.pk)
    messages.success(request, _("Your decision has been recorded and the author has been informed."))
    return redirect("experiences:moderation")


@login_required
@require_POST
def purge_revision(request, pk):
    _moderator(request)
    revision = get_object_or_404(ExperienceRevision.objects.select_related("submission"), pk=pk)
    purge = actions.PURGE_REVISION
    form = purge.form(revision, request.POST)
    if not form.is_valid():
        submission = visible_submissions(request.user).select_related("author", "organisation", "page")
        return _review(request, submission.get(pk=revision.submission_id), forms={form.prefix: form}, status=400)
    try:
        purge.apply(request.user, revision.pk, form.cleaned_data)
    except services.SubmissionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The original text has been purged. It exists nowhere any more."))
    return redirect("experiences:review", pk=revision.submission_id)


# Useful marks


@login_required
@require_POST
def useful(request, page_id):
    page = get_object_or_404(access.readable_pages(request.user, ExperiencePage.objects.public()), pk=page_id)
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
