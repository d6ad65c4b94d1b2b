"""The coordinators' side of the register: the audit log, the retention period and the letter templates."""

from django.conf import settings as django_settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import members_only
from cases import permissions
from cases.errors import CaseError
from cases.forms.organisation import LogFilterForm, SettingsForm
from cases.models import Case
from cases.queries import audit as queries
from cases.services import organisation as services
from cases.services import retention


def _managed_register(request, slug):
    # 404, not 403: people outside the coordinators need not learn which organisations keep a register.
    return get_object_or_404(permissions.managed_registers(request.user), slug=slug)


@members_only
def case_log(request, pk):
    """Who opened or changed one case, for its organisation's coordinators.

    Found among the cases of the organisations the person coordinates, not among the cases they may open: the log
    names actions, never the case's text, so it stays readable after the case was reduced to its statistics (when
    nobody can open the case itself any more). Reading the log is not opening the case, so it is not logged.
    """
    managed = permissions.managed_registers(request.user)
    case = get_object_or_404(Case.objects.filter(organisation__in=managed).select_related("organisation"), pk=pk)
    events = queries.describe(request.user, queries.case_events(request.user, case))
    context = {"case": case, "events": events, "case_opens": permissions.can_read_case(request.user, case)}
    return render(request, "cases/case_log.html", context)


@members_only
def log(request, slug):
    """The organisation's whole log, newest first, a page at a time, filtered by action and by person."""
    organisation = _managed_register(request, slug)
    form = LogFilterForm(request.GET or None, people=queries.people(organisation))
    action, person = "", None
    if form.is_valid():
        action, person = form.cleaned_data["action"], form.cleaned_data["person"]
    events = queries.organisation_events(request.user, organisation, action=action, person=person)
    page = Paginator(events, queries.PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = queries.describe(request.user, page.object_list)
    return render(request, "cases/log.html", {"organisation": organisation, "form": form, "page": page})


@members_only
@require_http_methods(["GET", "POST"])
def settings(request, slug):
    """The retention period, with how many closed cases the next run reduces, and links to the letters and log."""
    organisation = _managed_register(request, slug)
    months = retention.retention_months(organisation.pk)
    form = SettingsForm(request.POST or None, initial={"retention_months": months})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_settings(organisation, form.cleaned_data["retention_months"], by=request.user)
        except CaseError as error:
            form.add_error("retention_months", str(error))
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("cases:settings", slug=organisation.slug)
    context = {
        "organisation": organisation,
        "form": form,
        "months": months,
        "due": retention.count_due(organisation.pk),
        "letter_languages": django_settings.LANGUAGES,
    }
    return render(request, "cases/settings.html", context, status=400 if form.is_bound else 200)


@members_only
def letter_template(request, slug, language):
    """A coordinator words the organisation's confirmation letter for one language, or goes back to the default."""
    from django.conf import settings as django_settings
    from django.contrib import messages
    from django.shortcuts import get_object_or_404, redirect, render
    from django.utils.translation import gettext as _

    from cases import letters
    from cases.forms.work import LetterTemplateForm
    from cases.models import LetterTemplate
    from cases.permissions import managed_registers
    from cases.services import work as work_services

    organisation = get_object_or_404(managed_registers(request.user), slug=slug)
    languages = dict(django_settings.LANGUAGES)
    if language not in languages:
        raise Http404
    template = LetterTemplate.objects.filter(organisation=organisation, language=language).first()
    if request.method == "POST" and "reset" in request.POST:
        work_services.reset_letter_template(organisation, language)
        messages.success(request, _("The letter uses the default wording again."))
        return redirect(request.path)
    initial = {"body": template.body if template else letters.default_body(language)}
    form = LetterTemplateForm(request.POST or None, initial=initial)
    form.fields["body"].widget.attrs["lang"] = language  # spelling and screen readers follow the letter's language
    if request.method == "POST" and form.is_valid():
        work_services.save_letter_template(organisation, language, form.cleaned_data["body"], request.user)
        messages.success(request, _("The letter text has been saved."))
        return redirect(request.path)
    return render(
        request,
        "cases/letter_template.html",
        {
            "organisation": organisation,
            "language": language,
            "language_name": languages[language],
            "letter_languages": django_settings.LANGUAGES,
            "form": form,
            "custom": template is not None,
            "placeholder_intro": _(
                "Each placeholder in braces is replaced by the case's details. A line that holds only {agreements} or "
                "{actions} becomes one paragraph per line; a line with a placeholder that has nothing to fill in is "
                "left out. Write {{ or }} for a brace in the text itself."
            ),
            "placeholders": [("{" + name + "}", help_text) for name, help_text in letters.PLACEHOLDERS.items()],
        },
    )
