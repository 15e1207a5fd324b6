"""Template helpers for the public site.

`{{ data|json_ld }}` turns a JSON string made by the view into a
<script type="application/ld+json"> block whose text cannot close the script early:
<, > and & are written as JSON unicode escapes, as Django's json_script does.

`{% fragment key %}...{% endfragment %}` renders its content once per `key` (a name from
releases/fragments.py, which says when it changes) and then serves it from the cache; an
empty key renders every time and caches nothing (a staff preview, say).
"""

from django import template
from django.core.cache import cache
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def json_ld(text: str):
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(str(text).translate(_ESCAPES)))


class FragmentNode(template.Node):
    def __init__(self, key: template.base.FilterExpression, nodelist: template.NodeList):
        self.key, self.nodelist = key, nodelist

    def render(self, context) -> str:
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, timeout=None)
        return mark_safe(html)


@register.tag
def fragment(parser, token):
    try:
        _, key = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("{% fragment %} takes one argument, the fragment's cache key.") from None
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(key), nodelist)
