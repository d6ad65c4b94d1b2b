from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import services, throttling
from accounts.backends import password_matches_unverified_account
from accounts.models import Organisation, email_domain, normalise_email
from accounts.validators import validate_single_line


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Work e-mail address"),
        max_length=254,
        help_text=_("Use the address of your organisation: that is how we recognise it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        validators=[validate_single_line],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_verified=True),
        required=False,
        empty_label=_("— Recognise it from my e-mail address —"),
        help_text=_(
            "Only needed when your e-mail domain is not recognised. "
            "The organisation's coordinator then confirms your membership."
        ),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Repeat password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(label=_("Language for e-mails"), choices=settings.LANGUAGES)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        chosen = cleaned.get("organisation")
        if email:
            by_domain = services.organisation_for_email(email)
            if by_domain is None and chosen is None:
                self.add_error(
                    "organisation",
                    gettext(
                        "We do not recognise the e-mail domain “%(domain)s”. Choose your organisation: its "
                        "coordinator will confirm your membership."
                    )
                    % {"domain": email_domain(email)},
                )
            elif by_domain is not None and chosen is not None and chosen != by_domain:
                self.add_error(
                    "organisation",
                    gettext("Addresses ending in “%(domain)s” belong to %(organisation)s.")
                    % {"domain": email_domain(email), "organisation": by_domain},
                )
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", gettext("The two passwords are not the same."))
        elif password1:
            probe = get_user_model()(
                email=email or "",
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ResendVerificationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class LoginForm(AuthenticationForm):
    """Django's login form plus failed-login throttling and a clear message for unverified addresses."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The e-mail address and password do not match. Check both and try again."),
        "throttled": _(
            "Too many failed attempts. For your protection, logging in is paused for %(minutes)s minutes. "
            "You can reset your password in the meantime."
        ),
        "unverified": _("Confirm your e-mail address first: use the link in the mail we sent you."),
    }

    def clean(self):
        # Counting failures and refusing unconfirmed addresses is the authentication backend's work (so every
        # login view obeys it); the form only turns the refusals into clear messages.
        email = self.cleaned_data.get("username") or ""
        ip = throttling.client_ip(self.request) if self.request else None
        if email and throttling.is_locked(email, ip):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": throttling.minutes_locked()},
            )
        try:
            return super().clean()
        except forms.ValidationError as error:
            password = self.cleaned_data.get("password") or ""
            if error.code == "invalid_login" and password_matches_unverified_account(email, password):
                raise forms.ValidationError(self.error_messages["unverified"], code="unverified") from None
            raise


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Colleagues in other organisations see this name in the forum and on participant lists.
        for name in ("first_name", "last_name"):
            self.fields[name].required = True
            self.fields[name].validators.append(validate_single_line)


class MembershipDecisionForm(forms.Form):
    membership = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])


class RemoveMemberForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the person in the mail that tells them. For example: “left the organisation”."),
    )
