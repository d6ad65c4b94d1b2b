from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions, reconfirmation, roles, services
from accounts.forms import (
    LoginForm,
    MembershipDecisionForm,
    ProfileForm,
    RemoveMemberForm,
    ResendVerificationForm,
    SignupForm,
)
from accounts.models import Membership, Organisation
from core.params import local_url


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.register(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
            organisation=data["organisation"],
        )
        request.session["signup_email"] = data["email"]
        return redirect("accounts:signup_done")
    return render(request, "accounts/signup.html", {"form": form})


def signup_done(request):
    return render(request, "accounts/signup_done.html", {"email": request.session.get("signup_email")})


@require_http_methods(["GET", "POST"])
def verify(request, token):
    """GET shows a confirm button (mail scanners follow links; only a person's click should verify)."""
    try:
        user = services.user_for_token(token)
    except services.VerificationError as error:
        return render(
            request,
            "accounts/verify_failed.html",
            {"expired": error.expired, "form": ResendVerificationForm()},
            status=400,
        )
    if request.method == "GET":
        return render(request, "accounts/verify_confirm.html", {"verify_user": user})
    membership = services.verify_email(user)
    login(request, user, backend="accounts.backends.PlatformBackend")
    if membership is not None and membership.status == Membership.Status.ACTIVE:
        messages.success(
            request,
            _("Your e-mail address is confirmed. Welcome: you are a member through %(organisation)s.")
            % {"organisation": membership.organisation},
        )
    elif membership is not None:
        messages.info(
            request,
            _(
                "Your e-mail address is confirmed. "
                "The coordinator of %(organisation)s has been asked to confirm your membership."
            )
            % {"organisation": membership.organisation},
        )
    else:
        messages.success(request, _("Your e-mail address is confirmed."))
    return redirect("accounts:profile")


@require_POST
def resend_verification(request):
    form = ResendVerificationForm(request.POST)
    if form.is_valid():
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(email=form.cleaned_data["email"].lower(), email_verified_at=None).first()
        if user is not None:
            services.queue_mail(services.VERIFY, user.pk)
        # The same answer whether or not the address has an account.
        request.session["signup_email"] = form.cleaned_data["email"]
        return redirect("accounts:signup_done")
    return render(request, "accounts/verify_failed.html", {"expired": True, "form": form}, status=400)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"

    def get_redirect_url(self):
        return local_url(self.request, super().get_redirect_url()) or ""

    def dispatch(self, request, *args, **kwargs):
        # A logged-in person sent here (e.g. by the CMS, which they may not use) goes on, or to their profile:
        # never back and forth between a page that refuses them and this one.
        if request.user.is_authenticated:
            target = self.get_success_url()
            if target.startswith(reverse("wagtailadmin_home")) and not request.user.has_perm(
                "wagtailadmin.access_admin"
            ):
                messages.warning(request, _("Your account has no access to the editing environment."))
                target = reverse("accounts:profile")
            return redirect(target)
        return super().dispatch(request, *args, **kwargs)


def platform_login(request):
    """Wagtail's own login views (the CMS login and the one for private pages) lead here: one login for everyone.

    A POST is not processed: it is sent to the platform's login page like a GET, so no password is ever checked
    anywhere but there.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    url = reverse("accounts:login")
    if target:
        url += "?" + urlencode({"next": target})
    return redirect(url)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    html_email_template_name = "accounts/email/password_reset.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_email_context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": settings.WAGTAILADMIN_BASE_URL,
    }


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed. You can log in now."))
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Your password has been changed."))
        return super().form_valid(form)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    memberships = request.user.memberships.select_related("organisation")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "memberships": memberships, "is_member": roles.is_member(request.user)},
    )


def _organisation_for_coordinator(request, slug) -> Organisation:
    # 404, not 403: people outside the organisation need not learn who coordinates what.
    return get_object_or_404(permissions.coordinated_organisations(request.user), slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_members(request, slug):
    organisation = _organisation_for_coordinator(request, slug)
    if request.method == "POST":
        form = MembershipDecisionForm(request.POST)
        if form.is_valid():
            membership = get_object_or_404(Membership, pk=form.cleaned_data["membership"], organisation=organisation)
            try:
                services.decide_membership(
                    membership.pk, approve=form.cleaned_data["decision"] == "approve", decided_by=request.user
                )
            except services.MembershipAlreadyDecided:
                messages.warning(request, _("This request had already been decided."))
            else:
                if form.cleaned_data["decision"] == "approve":
                    messages.success(request, _("%(name)s is now a member.") % {"name": membership.user})
                else:
                    messages.success(
                        request, _("The request of %(name)s has been rejected.") % {"name": membership.user}
                    )
        else:
            messages.error(request, _("That decision could not be processed. Please try again."))
        return redirect(reverse("accounts:organisation_members", kwargs={"slug": organisation.slug}))

    memberships = organisation.memberships.select_related("user")
    return render(
        request,
        "accounts/organisation_members.html",
        {
            "organisation": organisation,
            "active": memberships.filter(status=Membership.Status.ACTIVE),
            "pending": memberships.filter(status=Membership.Status.PENDING, user__email_verified_at__isnull=False),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove_member(request, slug, pk):
    """A coordinator ends a colleague's membership, after a confirmation page (with an optional reason)."""
    organisation = _organisation_for_coordinator(request, slug)
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, organisation=organisation, status=Membership.Status.ACTIVE
    )
    members_url = reverse("accounts:organisation_members", kwargs={"slug": organisation.slug})
    form = RemoveMemberForm(request.POST if request.method == "POST" else None)  # an empty POST is valid
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_member(
                membership.pk, organisation=organisation, removed_by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.CannotRemove as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(name)s is no longer a member through %(organisation)s. They have been sent a mail.")
                % {"name": membership.user, "organisation": organisation},
            )
            if membership.user_id == request.user.pk:
                return redirect("accounts:profile")  # no longer their organisation's members page
        return redirect(members_url)
    return render(
        request,
        "accounts/remove_member.html",
        {"organisation": organisation, "membership": membership, "form": form, "members_url": members_url},
    )


@require_http_methods(["GET", "POST"])
def reconfirm(request, token):
    """The yearly re-confirmation link. GET asks for a click (mail scanners follow links), POST confirms."""
    try:
        membership = reconfirmation.membership_for_token(token)
        if request.method == "POST":
            membership = reconfirmation.confirm(membership)
    except reconfirmation.InvalidLink:
        return render(request, "accounts/reconfirm.html", {"invalid": True}, status=400)
    return render(request, "accounts/reconfirm.html", {"membership": membership, "confirmed": request.method == "POST"})
