from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.params import local_url
from notifications import queries, registry, services
from notifications.forms import SettingsForm
from notifications.models import Notification
from notifications.unsubscribe import InvalidToken, read_unsubscribe_token

PAGE_SIZE = 20


@login_required
def notification_list(request):
    notifications = Notification.objects.for_recipient(request.user).unread_first().select_related("target_type")
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page_obj": page, "items": queries.shown(request.user, page.object_list)},
    )


@login_required
@require_POST
def open_notification(request, pk):
    """Mark one notification read and go to what it is about (if the person may still read it)."""
    notification = services.mark_read(request.user, pk)
    item = queries.shown(request.user, [notification]) if notification else []
    if item and url_has_allowed_host_and_scheme(item[0].url, allowed_hosts={request.get_host()}):
        return redirect(item[0].url)
    messages.info(request, _("What this notification was about is no longer available to you."))
    return redirect("notifications:list")


@login_required
@require_POST
def mark_read(request, pk):
    services.mark_read(request.user, pk)
    return redirect(_back(request))


@login_required
@require_POST
def mark_all_read(request):
    services.mark_all_read(request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect(_back(request))


def _back(request):
    return local_url(request, request.POST.get("next")) or "notifications:list"


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    form = SettingsForm(
        request.POST or None, deliveries=services.deliveries(request.user), kinds=registry.kinds_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        services.set_deliveries(request.user, form.cleaned_data)
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})


# Mail clients send the one-click POST (RFC 8058) without a session or CSRF token; the signed token is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        unsubscription = read_unsubscribe_token(token)
    except InvalidToken:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        kinds = services.unsubscribe(unsubscription)
        return render(request, "notifications/unsubscribed.html", {"unsubscription": unsubscription, "kinds": kinds})
    return render(request, "notifications/unsubscribe.html", {"unsubscription": unsubscription})
