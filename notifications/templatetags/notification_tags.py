from django import template

from notifications import services

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notification_count(context) -> int:
    """Counted once per request, however often the layout asks."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    if not hasattr(request, "_unread_notification_count"):
        request._unread_notification_count = services.unread_count(request.user)
    return request._unread_notification_count
