from django import template

from readability import gate

register = template.Library()


@register.inclusion_tag("readability/status_note.html", takes_context=True)
def readability_note(context, page):
    """The page's LIX against the threshold, on the draft status page; the override form."""
    found = gate.verdict(page)
    perms = page.permissions_for_user(context["request"].user)
    return {
        "verdict": found,
        "page": page,
        "can_override": found.state == gate.HELD and perms.can_publish(),
        "request": context["request"],
    }
