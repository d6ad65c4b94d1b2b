"""Tags for the shared components in templates/includes/ that an include alone cannot express."""

from django import template
from django.template.base import token_kwargs

register = template.Library()

ALERT_OPTIONS = ("role", "id", "classes", "tabindex", "element")
MESSAGE_ALERT_TYPES = {"error": "error", "warning": "warning", "success": "ok"}


class AlertNode(template.Node):
    def __init__(self, alert_type, options, nodelist):
        self.alert_type = alert_type
        self.options = options
        self.nodelist = nodelist

    def render(self, context):
        # Every option is set, so that a variable of the same name around the tag never leaks into the alert.
        values = dict.fromkeys(ALERT_OPTIONS)
        values.update({name: value.resolve(context) for name, value in self.options.items()})
        values["type"] = self.alert_type.resolve(context)
        values["message"] = None
        values["alert_body"] = self.nodelist.render(context)
        component = context.template.engine.get_template("includes/alert.html")
        with context.push(values):
            return component.render(context)


@register.tag
def alert(parser, token):
    """An alert whose body is markup (lists, links, headings):

    {% alert "warning" role="status" id="…" classes="…" tabindex="-1" element="aside" %}…{% endalert %}

    For one plain sentence, include the template instead:
    {% include "includes/alert.html" with type="warning" message=… only %}
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs the alert type as its first argument")
    alert_type = parser.compile_filter(bits[1])
    rest = bits[2:]
    options = token_kwargs(rest, parser)
    unknown = [name for name in options if name not in ALERT_OPTIONS]
    if rest or unknown:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes only {', '.join(ALERT_OPTIONS)} as name=value")
    nodelist = parser.parse(("endalert",))
    parser.delete_first_token()
    return AlertNode(alert_type, options, nodelist)


@register.filter
def message_alert_type(message) -> str:
    """The alert type (Utrecht modifier) for a django.contrib.messages message."""
    return MESSAGE_ALERT_TYPES.get(message.tags, "info")


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj=None, *, number=None, num_pages=None, label="", url="", classes="", boost_target=""):
    """Paging links that keep every other GET parameter (filters, a search query): {% pagination page_obj %}.

    Without a Django Page: {% pagination number=… num_pages=… %}. label names the navigation (default "Pages"),
    url prefixes the links (default: the current page), boost_target is an htmx target the pages load into.
    """
    if page_obj is not None:
        number, num_pages = page_obj.number, page_obj.paginator.num_pages
    return {
        "number": int(number or 1),
        "num_pages": int(num_pages or 1),
        "label": label,
        "url": url,
        "classes": classes,
        "boost_target": boost_target,
    }
