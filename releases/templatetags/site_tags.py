"""Template helpers for the public site.

`{{ data|json_ld }}` turns a JSON string made by the view into a
<script type="application/ld+json"> block whose text cannot close the script early:
<, > and & are written as JSON unicode escapes, as Django's json_script does.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def json_ld(text: str):
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(str(text).translate(_ESCAPES)))
