"""Rendered parts of a live page, kept for the content generation (``core.content_cache``).

Most of a reader's page is the same for every reader until an editor changes something: the
header (menu and language switcher), the footer, and the main text of a news item, an
opportunity or a project. Rendering them is most of a page's time (issue 24: Django's
template engine, not the database). ``{% fragment %}`` (``core/templatetags/fragment_tags.py``)
keeps such a part as HTML under the content generation, the language, the host and the
template's own keys; any publish, move, delete or snippet, image or document change starts a
new generation, so no reader sees a part older than the content it shows.

Every key also names the release (``release()``: a digest of the project's code, templates
and catalogs): a deploy that changes how a part looks or says something never serves the
parts the previous release left in the shared cache.

What may never be kept:

- a preview, a revision shown in the admin, or anything not served to readers by the live
  routing (``home/routing.py`` marks the request with ``allow_fragments``): a draft must not
  reach a reader, and a reader's part must not stand in for a draft;
- a part whose keys cannot be named (a key is ``None``): it is rendered every time;
- a part that depends on the clock: its template names what the clock decides (an
  opportunity's status) among its keys.

Nothing here holds a person's data: readers' parts carry no CSRF token, session or user.
"""

from collections.abc import Callable

from django.utils.translation import get_language

from wagtail.models import Page

from core.content_cache import cached
from core.release import release

ALLOWED = "_portal_fragments_allowed"


def allow_fragments(request) -> None:
    """The request serves a live page to a reader (``home/routing.py``)."""
    setattr(request, ALLOWED, True)


def fragments_allowed(request) -> bool:
    return request is not None and getattr(request, ALLOWED, False)


def key_part(value) -> str | None:
    """A page by its id, a text or number as itself; ``None`` (not kept) for anything else,
    such as a paginator's page that a view outside Wagtail calls ``page``."""
    if isinstance(value, Page):
        return None if value.pk is None else f"page{value.pk}"
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    return None


def keep(request, name: str, parts: tuple, compute: Callable):
    """``compute()``, or what it gave before for the same generation, language, host and
    parts: a rendered part, or a fact about one (a listing's page number)."""
    keys = [key_part(part) for part in parts]
    if not fragments_allowed(request) or None in keys:
        return compute()
    parts = (release(), get_language(), request.get_host(), *keys)
    return cached(f"fragment:{name}", parts, compute)
