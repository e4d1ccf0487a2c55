"""The facts guard's findings in Swedish words: for the publish refusal, editor and queue.

Stored findings carry codes (``review.fact_checks``); the words are chosen when shown, in
the reader's (the admin user's) language. A translation's own text is isolated (U+2068 …
U+2069) so that Arabic or Persian digits and words keep their order in a Swedish sentence.
"""

from django.utils.translation import gettext as _

from core import facts

FSI = "\u2068"
PDI = "\u2069"


def kind_label(kind: str) -> str:
    labels = {
        "amount": _("beloppet"),
        "percent": _("procentsatsen"),
        "number": _("talet"),
        "date": _("datumet"),
        "month": _("månaden"),
        "weekday": _("veckodagen"),
        "time": _("klockslaget"),
        "phone": _("telefonnumret"),
        "email": _("e-postadressen"),
        "url": _("webbadressen"),
        "postal_code": _("postnumret"),
        "org_number": _("organisationsnumret"),
        "protected_term": _("det skyddade ordet"),
        "glossary_term": _("ordlistetermen"),
    }
    return labels.get(kind, kind)


def describe(finding: dict) -> str:
    """One finding as a clause: what the Swedish text says and what the translation has."""
    if finding.get("code") == "check_failed":
        return _("faktakontrollen kunde inte läsa texten")
    if finding.get("severity") == facts.WARNING:
        return _("%(kind)s ”%(form)s” är inte översatt med ”%(expected)s”") % {
            "kind": kind_label(finding["kind"]),
            "form": finding["form"],
            "expected": FSI + finding.get("expected", "") + PDI,
        }
    if finding.get("found"):
        return _("%(kind)s ”%(form)s” saknas eller har ändrats (översättningen har: %(found)s)") % {
            "kind": kind_label(finding["kind"]),
            "form": finding["form"],
            "found": FSI + finding["found"] + PDI,
        }
    return _("%(kind)s ”%(form)s” saknas i översättningen") % {
        "kind": kind_label(finding["kind"]),
        "form": finding["form"],
    }
