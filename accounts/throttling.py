"""Failed-login throttling.

Too many failures for one address, or from one IP address, within a window pause further attempts until the
window has passed. The count lives in the database, so it holds across app servers and restarts.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import FailedLogin, normalise_email

# One IP address is shared by a whole town hall behind NAT: allow it proportionally more failures.
IP_FACTOR = 5


def _window_start():
    return timezone.now() - timedelta(seconds=settings.LOGIN_THROTTLE_WINDOW)


def client_ip(request) -> str | None:
    """The client's address as the outermost trusted proxy saw it.

    Each of the TRUSTED_PROXY_COUNT proxies appends the address it received the request from to
    X-Forwarded-For, so the entry that many places from the end is the client's; anything before it is
    whatever the client chose to send and is not trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def is_locked(email: str, ip: str | None) -> bool:
    since = _window_start()
    recent = FailedLogin.objects.filter(attempted_at__gte=since).exclude(email__startswith=SCOPE_MARK)
    if recent.filter(email=normalise_email(email)).count() >= settings.LOGIN_THROTTLE_FAILURES:
        return True
    return bool(ip) and recent.filter(ip_address=ip).count() >= settings.LOGIN_THROTTLE_FAILURES * IP_FACTOR


def minutes_locked() -> int:
    return max(1, settings.LOGIN_THROTTLE_WINDOW // 60)


# Other things people could guess (a party-evaluation code) are throttled per address in the same table, under a
# scope name that starts with a space: no login address is stored that way (`normalise_email` strips), so wrong
# guesses never lock a login and failed logins never lock the guessing of something else.
SCOPE_MARK = " "


def _scoped(scope: str) -> str:
    return SCOPE_MARK + scope


def too_many_guesses(scope: str, ip: str | None) -> bool:
    """Whether this address guessed wrong so often within the window that it has to wait (the IP allowance)."""
    if not ip:
        return False
    recent = FailedLogin.objects.filter(email=_scoped(scope), ip_address=ip, attempted_at__gte=_window_start())
    return recent.count() >= settings.LOGIN_THROTTLE_FAILURES * IP_FACTOR


def record_wrong_guess(scope: str, ip: str | None) -> None:
    if ip:
        FailedLogin.objects.create(email=_scoped(scope), ip_address=ip)


def record_failure(email: str, ip: str | None) -> None:
    FailedLogin.objects.create(email=normalise_email(email)[:254], ip_address=ip)


def clear(email: str) -> None:
    """A successful login forgets that address's failures (and prunes everything older than the window)."""
    FailedLogin.objects.filter(email=normalise_email(email)).delete()
    FailedLogin.objects.filter(attempted_at__lt=_window_start()).delete()
