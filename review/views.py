"""The review queue in the admin and the approve action."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Locale, Page

from core.languages import swedish_name
from readability import queue as readability_queue
from translation.carry_forward import carry_forward_source
from translation.drafts import AliasTarget, save_draft

from . import fact_checks, queue_rows
from .models import ReaderReport
from .roles import user_locale_codes
from .states import WAITING_STATES, State, approve, review_state
from .stored_states import kept, states_version, stored_pairs

# Work waiting first, done last.
QUEUE_ORDER = [*WAITING_STATES, State.PUBLISHED_REVIEWED]
# Items of a state, and open reader reports, shown on one page of the queue: what a page
# costs to render must not grow with the number of pages waiting.
PER_PAGE = 50
# Items of each state on the overview, the longest waiting, and open reader reports, the
# oldest; the rest under the state's own link (or the reports' own). The overview is then
# the same few rows whether a language waits on ten pages or a thousand (issue 24), and a
# translator sees first what waited longest in every state.
OVERVIEW_PER_STATE = 10


def queue_summary(user, states: str | None = None) -> dict:
    """Counts per state and open reader reports for the locales ``user`` works in.

    Counted in SQL on the stored states (``review.stored_states``): the same few queries for
    ten pages or ten thousand. ``rows`` is the queryset of the user's pairs.
    """
    codes = user_locale_codes(user)
    if codes is not None:
        codes = codes - {settings.LANGUAGE_CODE}
    rows = stored_pairs(codes)
    counts = kept(
        "queue-counts",
        (languages_key(codes),),
        lambda: dict(rows.order_by().values_list("state").annotate(n=Count("pk"))),
        states,
    )
    reports = ReaderReport.objects.filter(resolved_at__isnull=True)
    if codes is not None:
        reports = reports.filter(locale__language_code__in=codes)
    return {
        "rows": rows,
        "counts": [(state, counts.get(state, 0)) for state in QUEUE_ORDER],
        "waiting": sum(counts.get(state, 0) for state in WAITING_STATES),
        "reports": reports,
    }


def languages_key(codes) -> str:
    """The person's languages as a key part (``None``: every language)."""
    return ",".join(sorted(codes)) if codes is not None else "*"


def review_queue(request):
    codes = user_locale_codes(request.user)
    if codes is not None and not codes - {settings.LANGUAGE_CODE}:
        raise PermissionDenied
    # The stored states' last change, read once: what the queue keeps is kept until it moves.
    states = states_version()
    summary = queue_summary(request.user, states)
    rows = summary["rows"]
    wanted = request.GET.get("state")
    if wanted and wanted not in State.values:
        wanted = None
    # The open reader reports alone (``?reports=1``): the overview shows the oldest few.
    only_reports = request.GET.get("reports") == "1" and not wanted
    # The source's LIX beside each item, counted per band over the Swedish pages waiting.
    lix_bands = kept(
        "queue-lix-bands",
        (languages_key(codes),),
        lambda: readability_queue.band_counts_of(
            Page.objects.filter(
                pk__in=rows.filter(state__in=WAITING_STATES).values("source_page_id")
            )
        ),
        states,
    )
    by_lix = request.GET.get("sort") == "lix"
    findings = fact_checks.counts_by_object(
        None
        if codes is None
        else set(Locale.objects.filter(language_code__in=codes).values_list("pk", flat=True))
    )
    flagged = rows_with_findings(rows, findings)
    with_facts = len(flagged)
    only_facts = request.GET.get("facts") == "1"
    order = ["waiting_since", "source_page__path", "locale__language_code"]
    if by_lix:
        rows = rows.annotate(lix=Coalesce("source_page__published_lix__score", 0.0))
        order = ["-lix", *order]
    counts = dict(summary["counts"])
    if only_facts:
        rows = rows.filter(pk__in=flagged)
        counts = dict(rows.order_by().values_list("state").annotate(n=Count("pk")))
    groups = []
    per_page = PER_PAGE if wanted else OVERVIEW_PER_STATE
    for state in [] if only_reports else [State(wanted)] if wanted else QUEUE_ORDER:
        # The first of each state: all of them only under the state's own link, page by page.
        paginator = Paginator(rows.filter(state=state).order_by(*ordering(order)), per_page)
        paginator.count = counts.get(state, 0)  # counted above
        shown = paginator.get_page(request.GET.get("page") if wanted else 1)
        shown.object_list = shown_rows(paginator.object_list, shown.number, per_page)
        if shown.object_list or wanted:
            groups.append((state, shown))
    queue_rows.rendered_rows(request, groups, findings)
    # Oldest first, page by page under ``?reports=1``; the overview shows the first few.
    reports = summary["reports"].order_by("created_at", "pk")
    reports_count = reports.count()
    report_page = None
    if only_reports:
        report_pages = Paginator(reports, PER_PAGE)
        report_pages.count = reports_count  # counted above
        report_page = report_pages.get_page(request.GET.get("page"))
    # The page's slice of the queryset, not yet read (a ``Page`` with no rows is falsy).
    shown_reports = (
        report_page.object_list if report_page is not None else reports[:OVERVIEW_PER_STATE]
    )
    return TemplateResponse(
        request,
        "review/queue.html",
        {
            "page_title": _("Granskning av översättningar"),
            "header_title": _("Granskning av översättningar"),  # the <title>
            "header_icon": "check",
            "summary": summary,
            "groups": groups,
            "wanted": wanted,
            "reports": queue_rows.rendered_reports(request, shown_reports),
            "report_page": report_page,
            "only_reports": only_reports,
            "reports_count": reports_count,
            "lix_bands": lix_bands,
            "by_lix": by_lix,
            "with_facts": with_facts,
            "only_facts": only_facts,
            # Named, not coded: "Dina språk: arabiska." (the admin is Swedish).
            "languages": sorted(swedish_name(code) for code in codes)
            if codes is not None
            else None,
        },
    )


def ordering(order: list[str]) -> list:
    """``order``'s names ("-" first: descending) as SQL ordering, empty dates last."""
    return [
        F(key[1:]).desc() if key.startswith("-") else F(key).asc(nulls_last=True) for key in order
    ]


def shown_rows(in_order, number: int, per_page: int) -> list:
    """Page ``number`` (``per_page`` rows) of one state's stored rows ``in_order``: waiting
    longest first (hardest Swedish first under ``?sort=lix``; ties in the page tree's and the
    languages' order), with their Swedish page's translation key.

    One query a state, empty or not (the same queries whatever the site holds), each a page
    of an index in waiting order (``PageLanguageState``'s indexes): numbering every row of
    every state in one window, as before, read every stored row of the person's languages,
    which grows with the site (issue 24)."""
    rows = in_order.annotate(translation_key=F("source_page__translation_key"))
    return list(rows[(number - 1) * per_page : number * per_page])


def rows_with_findings(rows, findings: dict) -> list[int]:
    """The ids of the stored ``rows`` whose translated page has open fact-check findings
    (``findings``: ``fact_checks.counts_by_object``); one query, over the flagged pages."""
    flagged = {key for key, found in findings.items() if any(found)}
    # Queried even when nothing is flagged: the same queries whatever the findings.
    candidates = rows.filter(
        target_page__isnull=False,
        source_page__translation_key__in={key for key, _locale in flagged},
    ).values_list("pk", "source_page__translation_key", "locale_id")
    return [pk for pk, key, locale_id in candidates if (str(key), locale_id) in flagged]


def _target_item(request, page_id):
    """The review item of a translated page the user may work on (target page id)."""
    target = get_object_or_404(Page, pk=page_id)
    if not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    codes = user_locale_codes(request.user)
    if codes is not None and target.locale.language_code not in codes:
        raise PermissionDenied
    source_locale = Locale.get_default()
    if target.locale_id == source_locale.id:
        raise Http404
    source_page = Page.objects.filter(
        translation_key=target.translation_key, locale=source_locale
    ).first()
    if source_page is None:
        raise Http404
    return target, review_state(source_page, target.locale)


@require_POST
def approve_translation(request, page_id):
    """Approve the current text of a translated page (the target page's id)."""
    target, item = _target_item(request, page_id)
    if item.state == State.MISSING or item.target_page is None:
        messages.error(request, _("Det finns ingen översättning att godkänna."))
    elif item.state == State.STALE and item.source_behind:
        # The translation was made from an older Swedish text: approving it would approve
        # the old text. Bring it up to date first (the changed strings need checking).
        messages.error(
            request,
            _(
                "Översättningen är gjord från en äldre svensk text. Hämta den nya svenska "
                "texten först och kontrollera de ändrade delarna."
            ),
        )
    elif item.state == State.STALE:
        # Up to date, but translations of the older text were carried to changed strings:
        # each is checked against the change in the editor, not approved unseen.
        messages.error(
            request,
            _(
                "Svenska texten har ändrats sedan översättningen. Kontrollera de markerade "
                "texterna i översättningsverktyget först."
            ),
        )
    else:
        approve(item, request.user)
        messages.success(
            request,
            _("Översättningen av ”%(title)s” är godkänd.") % {"title": target.title},
        )
    return redirect(reverse("review:queue"))


@require_POST
def refresh_translation(request, page_id):
    """Bring a stale translation up to date with the Swedish page, as a draft.

    A live target gets a new revision only (``translation.drafts``): readers keep seeing the
    published text until the translator publishes. The translator's work on segments whose
    Swedish text changed is carried forward, marked for checking (``translation.carry_forward``).

    wagtail-localize's own "Sync translated pages" needs the submit permission, which
    translators do not have; this does the same for one locale.
    """
    target, item = _target_item(request, page_id)
    if not item.source_behind:
        messages.warning(request, _("Översättningen är redan uppdaterad."))
        return redirect(reverse("review:queue"))
    try:
        with transaction.atomic():
            item.translation.source.update_from_db()
            carry_forward_source(item.translation.source, item.locale)
            save_draft(item.translation, user=request.user)
    except AliasTarget:
        messages.error(
            request,
            _(
                "”%(title)s” visar den svenska sidan (ett alias) och kan inte uppdateras som "
                "utkast. Översätt sidan i redigeraren först."
            )
            % {"title": target.title},
        )
        return redirect(reverse("review:queue"))
    except ValidationError as error:
        messages.error(
            request,
            _("”%(title)s” kunde inte uppdateras: %(error)s")
            % {"title": target.title, "error": "; ".join(error.messages)},
        )
        return redirect(reverse("review:queue"))
    messages.success(
        request,
        _("”%(title)s” har fått den nya svenska texten. Översätt de ändrade delarna.")
        % {"title": target.title},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[target.pk]))


@require_POST
def resolve_report(request, report_id):
    report = get_object_or_404(ReaderReport.objects.select_related("locale"), pk=report_id)
    codes = user_locale_codes(request.user)
    if codes is not None and report.locale.language_code not in codes:
        raise PermissionDenied
    report.resolved_at = timezone.now()
    report.save(update_fields=["resolved_at"])
    messages.success(request, _("Rapporten är markerad som åtgärdad."))
    return redirect(reverse("review:queue"))
