"""Working a case: the contact log, the informal approach (BIA) and its confirmation letter, the protocol's
checklist.

Every view finds the case in what the person may see (`readable_case`, 404 otherwise). A closed case is a record:
the forms are not offered on it and the services refuse (`CaseError`), shown as a message with the input kept.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access
from accounts.access import members_only
from cases import letters
from cases.errors import CaseError
from cases.forms.work import PERSONAL_DATA_REMINDER, ContactForm, InformalForm, ProtocolForm
from cases.models import ChecklistItem, Contact, InformalApproach, LetterTemplate
from cases.services import work as services
from cases.views.common import readable_case
from protocols.models import ProtocolPage


def _back(case, anchor=""):
    return redirect(f"{case.get_absolute_url()}{'#' + anchor if anchor else ''}")


def _refuse_closed(request, case):
    messages.error(request, _("This case is closed; reopen it to add to it."))
    return _back(case)


def _form_page(request, case, form, *, title, submit_label, anchor, intro=""):
    return render(
        request,
        "cases/work_form.html",
        {
            "case": case,
            "form": form,
            "title": title,
            "intro": intro,
            "submit_label": submit_label,
            "anchor": anchor,
            "reminder": PERSONAL_DATA_REMINDER,
        },
    )


# --- the contact log ---------------------------------------------------------------------------------------------


@members_only
def add_contact(request, pk):
    case = readable_case(request, pk)
    if not case.is_open:
        return _refuse_closed(request, case)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_contact(case, request.user, **form.service_data())
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The contact has been logged."))
            return _back(case, "contacts")
    return _form_page(
        request, case, form, title=_("Log a contact"), submit_label=_("Log the contact"), anchor="contacts"
    )


@members_only
def edit_contact(request, pk, contact_pk):
    case = readable_case(request, pk)
    contact = get_object_or_404(Contact.objects.filter(case=case), pk=contact_pk)
    if not case.is_open:
        return _refuse_closed(request, case)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_contact(contact, request.user, **form.service_data())
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The contact has been changed."))
            return _back(case, "contacts")
    return _form_page(
        request, case, form, title=_("Change a contact"), submit_label=_("Save the contact"), anchor="contacts"
    )


# --- the informal approach (BIA) ---------------------------------------------------------------------------------


@members_only
def add_informal(request, pk):
    case = readable_case(request, pk)
    if not case.is_open:
        return _refuse_closed(request, case)
    form = InformalForm(request.POST or None, kind=case.kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_informal(case, request.user, **form.service_data())
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The informal approach has been recorded."))
            return _back(case, "informal")
    return _form_page(
        request,
        case,
        form,
        title=_("Record an informal approach"),
        intro=_("The decision on the informal approach (BIA): what you agreed in the call, and what became of it."),
        submit_label=_("Record the informal approach"),
        anchor="informal",
    )


@members_only
def edit_informal(request, pk, informal_pk):
    case = readable_case(request, pk)
    informal = get_object_or_404(InformalApproach.objects.filter(case=case), pk=informal_pk)
    if not case.is_open:
        return _refuse_closed(request, case)
    form = InformalForm(request.POST or None, instance=informal, kind=case.kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_informal(informal, request.user, **form.service_data())
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The informal approach has been changed."))
            return _back(case, "informal")
    return _form_page(
        request,
        case,
        form,
        title=_("Change the informal approach"),
        submit_label=_("Save the informal approach"),
        anchor="informal",
    )


@members_only
def letter(request, pk, informal_pk):
    """The confirmation letter as a Word document, in `?language=` (default: the language of the page)."""
    case = readable_case(request, pk)
    informal = get_object_or_404(InformalApproach.objects.filter(case=case), pk=informal_pk)
    language = request.GET.get("language") or translation.get_language()
    if language not in dict(settings.LANGUAGES):
        raise Http404
    template = LetterTemplate.objects.filter(organisation_id=case.organisation_id, language=language).first()
    document = letters.build(
        informal, case, case.organisation, language=language, body=template.body if template else None
    )
    services.record_letter(case, request.user)
    response = HttpResponse(document, content_type=letters.CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=letters.filename(case, informal, language)
    )
    response["Cache-Control"] = "no-store"
    return response


# --- the protocol's checklist ------------------------------------------------------------------------------------


@members_only
def choose_protocol(request, pk):
    case = readable_case(request, pk)
    if not case.is_open:
        return _refuse_closed(request, case)
    protocols = ProtocolPage.objects.filter(pk__in=access.readable_pages(request.user, ProtocolPage.objects.all()))
    protocols = protocols.order_by("title")
    form = ProtocolForm(request.POST or None, protocols=protocols, initial={"protocol": case.protocol_id})
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_protocol(case, form.cleaned_data["protocol"], request.user)
        except CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The case follows this protocol; its checklist is on the case page."))
            return _back(case, "checklist")
    return render(
        request,
        "cases/choose_protocol.html",
        {"case": case, "form": form, "has_protocols": protocols.exists()},
    )


@require_POST
@members_only
def tick(request, pk, item_pk):
    case = readable_case(request, pk)
    item = get_object_or_404(ChecklistItem.objects.filter(case=case), pk=item_pk)
    done = request.POST.get("done") == "1"
    try:
        services.tick(item, request.user, done=done)
    except CaseError as error:
        messages.error(request, str(error))
    return _back(case, f"item-{item.pk}")
