from django import template

from search import conf, registry, services

register = template.Library()


@register.simple_tag
def tag_url(slug):
    return services.tag_url(slug)


@register.filter
def kind_label(kind):
    return registry.kind_label(kind)


@register.filter
def language_name(code):
    return conf.language_name(code)
