"""A daily email to each translator when new machine drafts wait in their language,
translations became stale (``review.states.is_stale``: the Swedish text changed), or a
Swedish page with a translation in their language was deleted (``review/source_delete.py``).

At most one digest per translator per calendar day (``TIME_ZONE``), and only when drafts
arrived, translations became stale or pages were deleted since the last one. Sent through
Django's email backend (the console in dev).

The drafts and stale translations are read from the stored review states
(``review.stored_states``: the state, the translated page and since when it waits), in one
query a translator whatever the site's size, instead of computing every pair's state.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import DeletedSource, DigestRecord
from .roles import translator_users, user_locale_codes
from .states import State
from .stored_states import stored_pairs


def _translators():
    return translator_users().exclude(email="").order_by("pk")


def _lines(rows, base_url) -> list[str]:
    """One line per stored state (``review.PageLanguageState``): the Swedish title, the
    language and the translated page's edit URL."""
    lines = []
    for row in rows:
        url = base_url + reverse("wagtailadmin_pages:edit", args=[row.target_page_id])
        lines.append(f"- {row.source_page.title} ({row.locale.language_code}): {url}")
    return lines


def _deletion_lines(deletions, base_url) -> list[str]:
    lines = [_("Svenska sidor med översättning som har tagits bort:"), ""]
    for deleted in deletions:
        line = _(
            "- %(title)s (%(language)s): handskrivna texter som finns kvar i "
            "översättningsminnet: %(count)s."
        ) % {
            "title": deleted.title,
            "language": deleted.locale.language_code,
            "count": deleted.kept_strings,
        }
        if deleted.target_page_id:
            url = base_url + reverse("wagtailadmin_pages:edit", args=[deleted.target_page_id])
            line += " " + _("Den översatta sidan finns kvar: %(url)s") % {"url": url}
        lines.append(line)
    return [*lines, ""]


def _compose(user, drafts, stale=(), deletions=()) -> tuple[str, str]:
    base_url = (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")
    lines = []
    if drafts:
        lines += [
            ngettext(
                "%(count)s nytt maskinutkast väntar på granskning:",
                "%(count)s nya maskinutkast väntar på granskning:",
                len(drafts),
            )
            % {"count": len(drafts)},
            "",
            *_lines(drafts, base_url),
            "",
        ]
    if stale:
        lines += [
            ngettext(
                "%(count)s översättning är inaktuell, den svenska texten har ändrats:",
                "%(count)s översättningar är inaktuella, den svenska texten har ändrats:",
                len(stale),
            )
            % {"count": len(stale)},
            "",
            *_lines(stale, base_url),
            "",
        ]
    if deletions:
        lines += _deletion_lines(deletions, base_url)
    lines += [_("Granskningskön: %(url)s") % {"url": base_url + reverse("review:queue")}]
    subject = _("Översättningar att granska")
    return subject, "\n".join(lines)


def send_review_digests(now=None) -> int:
    """Send the due digests; returns how many were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for user in _translators():
        record = DigestRecord.objects.filter(user=user).first()
        if record and timezone.localdate(record.last_sent_at) == today:
            continue
        codes = user_locale_codes(user)
        codes = codes - {settings.LANGUAGE_CODE} if codes is not None else None
        # In the page tree's order, then the languages'.
        new = (
            stored_pairs(codes)
            .filter(state__in=[State.MACHINE_DRAFT, State.STALE], target_page__isnull=False)
            .select_related("source_page", "locale")
            .order_by("source_page__path", "locale__language_code")
        )
        if record is not None:
            new = new.filter(waiting_since__gt=record.last_sent_at)
        new = list(new)
        drafts = [row for row in new if row.state == State.MACHINE_DRAFT]
        stale = [row for row in new if row.state == State.STALE]
        deletions = DeletedSource.objects.select_related("locale").order_by("deleted_at")
        if codes is not None:
            deletions = deletions.filter(locale__language_code__in=codes)
        if record is not None:
            deletions = deletions.filter(deleted_at__gt=record.last_sent_at)
        deletions = list(deletions)
        if not drafts and not stale and not deletions:
            continue
        subject, body = _compose(user, drafts, stale, deletions)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        DigestRecord.objects.update_or_create(user=user, defaults={"last_sent_at": now})
        sent += 1
    return sent
