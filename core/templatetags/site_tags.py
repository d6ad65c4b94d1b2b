"""Template tags for the site-wide layout: navigation, language switcher, NL Design System form fields."""

from django import template
from django.apps import apps
from django.conf import settings
from django.forms import CheckboxInput, CheckboxSelectMultiple, RadioSelect, Select, SelectMultiple, Textarea
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

register = template.Library()


def _homes(request) -> dict[str, Page]:
    """Live home pages by language code, fetched once per request."""
    cached = getattr(request, "_home_pages", None)
    if cached is None:
        HomePage = apps.get_model("knowledge", "HomePage")
        cached = {home.locale.language_code: home for home in HomePage.objects.live().select_related("locale")}
        if request is not None:
            request._home_pages = cached
    return cached


@register.simple_tag(takes_context=True)
def current_home(context):
    request = context.get("request")
    homes = _homes(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Top-level pages of the current language's home page marked "show in menus"."""
    home = current_home(context)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().only("id", "title", "url_path", "path", "depth"))


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the same page in that language (or the nearest sensible place)."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    homes = _homes(request)
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in Page.objects.live().filter(translation_key=page.translation_key).select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif isinstance(page, Page) and code in homes:
            url = homes[code].get_url(request)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
            if code != current and url == request.get_full_path():
                url = f"/{code}/"
        else:
            url = f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return links


WIDGET_CLASSES = [
    (CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (SelectMultiple, "utrecht-select utrecht-select--html-select"),
    (Select, "utrecht-select utrecht-select--html-select"),
    (Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
]


def widget_class(widget) -> str:
    for widget_type, css in WIDGET_CLASSES:
        if isinstance(widget, widget_type):
            return css
    return "utrecht-textbox utrecht-textbox--html-input"


@register.filter
def is_checkbox(bound_field) -> bool:
    return isinstance(bound_field.field.widget, CheckboxInput)


@register.filter
def is_choice_list(bound_field) -> bool:
    return isinstance(bound_field.field.widget, RadioSelect | CheckboxSelectMultiple)


@register.simple_tag
def render_widget(bound_field):
    """The field's widget with NL Design System classes and its description/error wired up for screen readers."""
    widget = bound_field.field.widget
    css = widget_class(widget)
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}_help")
    attrs = {"class": css}
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}_error")
        attrs["aria-invalid"] = "true"
        attrs["class"] = f"{css} {css.split()[0]}--invalid"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.field.required and not isinstance(widget, CheckboxSelectMultiple | RadioSelect):
        attrs["aria-required"] = "true"
    return bound_field.as_widget(attrs=attrs)
