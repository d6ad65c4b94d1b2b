"""The one way a password logs anybody in, whichever login form asks.

Django's `authenticate()` asks the backends in AUTHENTICATION_BACKENDS, so every login view (the platform's, and
any Wagtail or Django view that calls `authenticate()`) gets the same rules: a paused address or IP address is
refused even with the right password, a wrong password counts towards the pause, and an address that was never
confirmed does not log in.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from accounts import throttling


class PlatformBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        User = get_user_model()
        email = username if username is not None else kwargs.get(User.USERNAME_FIELD)
        if not email or password is None:
            return None
        ip = throttling.client_ip(request) if request is not None else None
        if throttling.is_locked(email, ip):
            # PermissionDenied, not None: no other backend may be asked either.
            raise PermissionDenied
        try:
            user = User._default_manager.get_by_natural_key(email)
        except User.DoesNotExist:
            User().set_password(password)  # the same work as for a known address: timing reveals nothing
            throttling.record_failure(email, ip)
            return None
        if not user.check_password(password):
            throttling.record_failure(email, ip)
            return None
        if not self.user_can_authenticate(user) or not user.email_verified:
            return None
        throttling.clear(email)
        return user


def password_matches_unverified_account(email: str, password: str) -> bool:
    """For the login form's message: the right password of an account whose address is not confirmed yet."""
    user = get_user_model()._default_manager.filter(email__iexact=(email or "").strip()).first()
    return user is not None and user.is_active and not user.email_verified and user.check_password(password)
