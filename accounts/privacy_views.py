"""The person's own data: download it as JSON, or delete the account."""

import logging

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from accounts import erasure_journal, privacy

logger = logging.getLogger(__name__)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To make sure it is really you."),
        error_messages={"required": _("Enter your password to delete your account.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."), code="wrong_password")
        return password


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """GET explains what is in the file; POST (a deliberate click, not a link a crawler follows) downloads it."""
    if request.method == "POST":
        response = HttpResponse(privacy.export_json(request.user), content_type="application/json; charset=utf-8")
        filename = f"kennisplatform-data-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "accounts/my_data.html")


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            privacy.delete_account(request.user, request)
        except erasure_journal.JournalError:
            # Without its journal entry a restored backup would bring the account back: refuse, loudly.
            logger.exception("Account %s not deleted: the erasure journal cannot be written", request.user.pk)
            form.add_error(
                None,
                _(
                    "Your account could not be deleted just now, and nothing has been changed. Please try again "
                    "later; if this keeps happening, contact us."
                ),
            )
        else:
            return render(request, "accounts/account_deleted.html")
    return render(request, "accounts/delete_account.html", {"form": form})
