"""`{% cache_published page "part" %}…{% endcache_published %}`: a part of a page's published text, rendered once per
revision and language for every reader (core.page_cache). Only for parts that hold nothing about the reader: no
form, no checklist of one's own, no enrolment, no list filtered by who may read it."""

from django import template

from core import page_cache

register = template.Library()


class PublishedCacheNode(template.Node):
    def __init__(self, nodelist, page, part):
        self.nodelist, self.page, self.part = nodelist, page, part

    def render(self, context):
        page, request = self.page.resolve(context), context.get("request")
        if not page_cache.fragment_cacheable(page, request):
            return self.nodelist.render(context)
        key = page_cache.fragment_key(page, str(self.part.resolve(context)), request)
        generation, html = page_cache.read(key)
        if html is None:
            html = self.nodelist.render(context)
            page_cache.write(key, generation, html)
        return html


@register.tag
def cache_published(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f'Usage: {{% {bits[0]} page "part" %}}')
    nodelist = parser.parse(("endcache_published",))
    parser.delete_first_token()
    return PublishedCacheNode(nodelist, parser.compile_filter(bits[1]), parser.compile_filter(bits[2]))
