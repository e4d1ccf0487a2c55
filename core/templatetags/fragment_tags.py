"""``{% fragment "name" key ... %}…{% endfragment %}``: a part of a live page, rendered once
per content generation (``core/fragments.py`` says what may be kept and for how long).

Like Django's ``{% cache %}``, but without a timeout to guess: the part lives as long as the
content it shows. Keys are pages (by id) or values; the language and host are always part of
the key.
"""

from django import template
from django.utils.safestring import mark_safe

from core.fragments import keep

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        parts = tuple(key.resolve(context) for key in self.keys)
        html = keep(
            context.get("request"),
            self.name.resolve(context),
            parts,
            lambda: str(self.nodelist.render(context)),
        )
        return mark_safe(html)  # noqa: S308 - rendered by this template, escaped there


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )
