"""Worksheet pages. Every worksheet is looked up through the filters of `permissions`: others get a 404."""

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts import roles
from accounts.access import login_redirect
from core.params import natural_int
from knowledge.dilemmas import memo_document, permissions, services
from knowledge.dilemmas.forms import PERSONAL_DATA_REMINDER, CommentForm, InviteForm
from knowledge.dilemmas.models import DilemmaPlanPage, ValueType, Worksheet
from knowledge.dilemmas.steps import STEP_SECTIONS, STEP_TITLES, StepForms, step_forms

DRAFT_COOKIE_AGE = int(services.DRAFT_LIFETIME.total_seconds())


def login_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return login_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


def _readable(request, pk) -> Worksheet:
    return get_object_or_404(permissions.readable_worksheets(request.user).select_related("owner", "plan"), pk=pk)


def _editable(request, pk) -> Worksheet:
    return get_object_or_404(
        permissions.editable_worksheets(request.user).select_related("owner", "plan", "plan_revision"), pk=pk
    )


# --- List and start -------------------------------------------------------------------------------------------------


@login_required
def worksheet_list(request):
    readable = permissions.readable_worksheets(request.user).select_related("owner")
    return render(
        request,
        "dilemmas/worksheet_list.html",
        {
            "own": readable.filter(owner=request.user),
            "shared": readable.exclude(owner=request.user),
            "plans": DilemmaPlanPage.objects.live().public().filter(locale__language_code=request.LANGUAGE_CODE),
        },
    )


@require_POST
@login_required
def start(request, plan_id):
    if not roles.is_member(request.user):
        raise PermissionDenied
    plan = get_object_or_404(DilemmaPlanPage.objects.live().public().select_related("locale"), pk=plan_id)
    worksheet = services.start_worksheet(request.user, plan, gettext("Untitled dilemma"))
    messages.success(request, gettext("Your worksheet has been created. Only you can see it until you share it."))
    return redirect("dilemmas:step", pk=worksheet.pk, number=1)


# --- The three steps ------------------------------------------------------------------------------------------------


def _step_context(worksheet, forms: StepForms) -> dict:
    number = forms.number
    return {
        "worksheet": worksheet,
        "forms": forms,
        "form": forms.form,
        "rows": forms.rows,
        "number": number,
        "step_title": STEP_TITLES[number],
        "steps": [(n, STEP_TITLES[n]) for n in STEP_SECTIONS],
        "guidance": services.guidance(worksheet)[STEP_SECTIONS[number]],
        "plan_changed": services.plan_changed_since_start(worksheet),
        "warnings": services.personal_data_warnings(forms),
        "reminder": PERSONAL_DATA_REMINDER,
        "value_types": ValueType.choices,
    }


def _expired_session(request, pk, number):
    """A save without a valid session: keep the text under a key in a cookie, and ask for a new log-in.

    Only a post that carries the grant of the worksheet's step page is kept; any other gets the log-in, nothing more.
    """
    step_url = reverse("dilemmas:step", kwargs={"pk": pk, "number": number})
    login_url = f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': step_url})}"
    autosave = request.resolver_match.url_name == "autosave"
    try:
        key = services.keep_draft(pk, number, request.POST)
    except services.DraftRefused as refused:
        if autosave:
            return render(
                request, "dilemmas/includes/autosave_expired.html", {"login_url": login_url, "refused": refused.message}
            )
        messages.error(request, refused.message)
        return HttpResponse(headers={"HX-Redirect": login_url}) if request.htmx else redirect(login_url)
    if key is None:
        if autosave:
            return render(
                request, "dilemmas/includes/autosave_expired.html", {"login_url": login_url, "kept": False}, status=403
            )
        return redirect_to_login(step_url)
    if autosave:
        response = render(request, "dilemmas/includes/autosave_expired.html", {"login_url": login_url, "kept": True})
    else:
        messages.warning(
            request, gettext("Your session had expired. What you typed has been kept: log in again to continue.")
        )
        response = HttpResponse(headers={"HX-Redirect": login_url}) if request.htmx else redirect(login_url)
    response.set_cookie(
        services.DRAFT_COOKIE,
        key,
        max_age=DRAFT_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _restore_draft(request, worksheet, number):
    """After a new log-in: put the kept text back, saved when it is valid, else shown with the errors."""
    draft = services.draft_for(request.COOKIES.get(services.DRAFT_COOKIE), worksheet, request.user)
    if draft is None:
        return None
    if draft.step != number:
        return redirect("dilemmas:step", pk=worksheet.pk, number=draft.step)
    data = QueryDict(mutable=True)
    for key, values in draft.data.items():
        data.setlist(key, values)
    forms = step_forms(worksheet, number, data)
    if not forms.is_valid():
        messages.warning(request, gettext("This is what you typed before your session expired. Check it and save."))
        return render(request, "dilemmas/step.html", _step_context(worksheet, forms))
    services.save_step(worksheet, forms)
    services.discard_draft(draft)
    messages.success(request, gettext("What you typed before your session expired has been saved."))
    response = redirect("dilemmas:step", pk=worksheet.pk, number=number)
    response.delete_cookie(services.DRAFT_COOKIE)
    return response


def step(request, pk, number):
    if number not in STEP_SECTIONS:
        raise Http404
    if not request.user.is_authenticated:
        if request.method == "POST":
            return _expired_session(request, pk, number)
        return login_redirect(request)
    worksheet = _editable(request, pk)
    if request.method != "POST":
        restored = _restore_draft(request, worksheet, number)
        if restored is not None:
            return restored
        forms = step_forms(worksheet, number, add_row="add" in request.GET)
        return render(request, "dilemmas/step.html", _step_context(worksheet, forms))

    forms = step_forms(worksheet, number, request.POST)
    if not forms.is_valid():
        return render(request, "dilemmas/step.html", _step_context(worksheet, forms))
    services.save_step(worksheet, forms, skip_row=natural_int(request.POST.get("remove")))
    response = _after_save(request, worksheet, number)
    draft = services.draft_for(request.COOKIES.get(services.DRAFT_COOKIE), worksheet, request.user)
    if draft is not None and draft.step == number:
        services.discard_draft(draft)
        response.delete_cookie(services.DRAFT_COOKIE)
    return response


def _after_save(request, worksheet, number):
    url = reverse("dilemmas:step", kwargs={"pk": worksheet.pk, "number": number})
    if "add" in request.POST:
        return redirect(f"{url}?add=1#rows-end")
    if "remove" in request.POST:
        return redirect(f"{url}#rows")
    messages.success(request, gettext("Your worksheet has been saved."))
    if "next" in request.POST and number + 1 in STEP_SECTIONS:
        return redirect("dilemmas:step", pk=worksheet.pk, number=number + 1)
    if "next" in request.POST:
        return redirect("dilemmas:worksheet", pk=worksheet.pk)
    return redirect(url)


@require_POST
def autosave(request, pk, number):
    """The htmx autosave: stores the step when valid and answers a short status for the live region."""
    if number not in STEP_SECTIONS:
        raise Http404
    if not request.user.is_authenticated:
        return _expired_session(request, pk, number)
    worksheet = _editable(request, pk)
    forms = step_forms(worksheet, number, request.POST)
    saved = forms.is_valid()
    if saved:
        services.save_step(worksheet, forms)
    return render(
        request,
        "dilemmas/includes/autosave_status.html",
        {"saved": saved, "saved_at": timezone.now(), "warnings": services.personal_data_warnings(forms)},
    )


# --- Reading, comments, sharing -------------------------------------------------------------------------------------


def _worksheet_page(request, worksheet, comment_form=None, status=200):
    is_owner = worksheet.owner_id == request.user.pk
    context = {
        "worksheet": worksheet,
        "is_owner": is_owner,
        "stakeholders": worksheet.stakeholders.all(),
        "table": services.weighing_table(worksheet),
        "value_types": ValueType.choices,
        "comments": worksheet.comments.select_related("author"),
        "comment_form": comment_form or CommentForm(),
        "readers": worksheet.invitations.select_related("invitee") if is_owner else (),
        "steps": [(n, STEP_TITLES[n]) for n in STEP_SECTIONS],
        "plan_changed": services.plan_changed_since_start(worksheet),
    }
    return render(request, "dilemmas/worksheet.html", context, status=status)


@login_required
def worksheet_view(request, pk):
    return _worksheet_page(request, _readable(request, pk))


@require_POST
@login_required
def comment(request, pk):
    worksheet = _readable(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _worksheet_page(request, worksheet, comment_form=form)
    services.add_comment(worksheet, request.user, form.cleaned_data["text"])
    messages.success(request, gettext("Your comment has been added."))
    return redirect(reverse("dilemmas:worksheet", kwargs={"pk": worksheet.pk}) + "#comments")


@login_required
def sharing(request, pk):
    worksheet = _editable(request, pk)
    form = InviteForm(request.POST or None, worksheet=worksheet)
    if request.method == "POST" and form.is_valid():
        invitee = form.cleaned_data["invitee"]
        services.invite(worksheet, invitee)
        messages.success(
            request,
            gettext("%(name)s can now read this worksheet and comment on it. They have been sent an e-mail.")
            % {"name": invitee.get_full_name() or invitee.email},
        )
        return redirect("dilemmas:sharing", pk=worksheet.pk)
    readers = worksheet.invitations.select_related("invitee")
    return render(request, "dilemmas/sharing.html", {"worksheet": worksheet, "form": form, "readers": readers})


@require_POST
@login_required
def revoke(request, pk, invitation_id):
    worksheet = _editable(request, pk)
    invitation = get_object_or_404(worksheet.invitations.select_related("invitee"), pk=invitation_id)
    services.revoke(invitation)
    messages.success(
        request,
        gettext("%(name)s can no longer read this worksheet.")
        % {"name": invitation.invitee.get_full_name() or invitation.invitee.email},
    )
    return redirect("dilemmas:sharing", pk=worksheet.pk)


@login_required
def delete(request, pk):
    worksheet = _editable(request, pk)
    if request.method == "POST":
        services.delete_worksheet(worksheet)
        messages.success(request, gettext("The worksheet has been deleted, with its comments and invitations."))
        return redirect("dilemmas:list")
    return render(request, "dilemmas/delete.html", {"worksheet": worksheet})


# --- The decision memo ----------------------------------------------------------------------------------------------


def _memo_context(worksheet) -> dict:
    return {
        "worksheet": worksheet,
        "stakeholders": worksheet.stakeholders.all(),
        "table": services.weighing_table(worksheet),
        "value_types": ValueType.choices,
        "printed_at": timezone.now(),
    }


@login_required
def memo(request, pk):
    worksheet = _readable(request, pk)
    return render(request, "dilemmas/memo.html", _memo_context(worksheet))


@login_required
def memo_download(request, pk):
    """The memo as a Word document, for the decision-maker to read, edit and file."""
    worksheet = _readable(request, pk)
    context = _memo_context(worksheet)
    content = memo_document.build(
        worksheet, stakeholders=context["stakeholders"], table=context["table"], printed_at=context["printed_at"]
    )
    prefix = gettext("decision-memo")
    filename = f"{prefix}-{slugify(worksheet.title) or worksheet.pk}.docx"
    return HttpResponse(
        content,
        content_type=memo_document.CONTENT_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
