"""Template helpers of the forum.

`{% forum_hook "post_tools" %}` renders `forum_moderation/post_tools.html` with the current context when that
template exists: the moderation app plugs its links (report, moderator actions) into forum pages without the forum
depending on it.
"""

from django import template
from django.template.loader import get_template

register = template.Library()

_missing = set()


@register.simple_tag(takes_context=True)
def forum_hook(context, name):
    template_name = f"forum_moderation/{name}.html"
    if template_name in _missing:
        return ""
    try:
        hook = get_template(template_name)
    except template.TemplateDoesNotExist:
        _missing.add(template_name)
        return ""
    return hook.render(context.flatten(), context.get("request"))
