"""The coordinators' side of the register: the audit log, the retention period and the letter templates."""

from django.http import Http404

from accounts.access import members_only


@members_only
def case_log(request, pk):
    raise Http404


@members_only
def log(request, slug):
    raise Http404


@members_only
def settings(request, slug):
    raise Http404


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
