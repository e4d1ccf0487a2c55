"""``load_demo --scale N``: N times the demo's content, to measure what content costs.

The demo has 35 Swedish pages. At scale N the site gets about 35 × N: the extra pages are
news items, opportunities and projects (the content a municipality adds for years), in the
demo's proportions, with the demo's images, programmes, partners, topics and goals. Every
generated page gets a translation state in every language, as real sites have them:
reviewed and published, published with unreviewed machine text, a machine draft waiting,
stale (the Swedish text changed after the review) or missing; Somali and Tigrinya, which
DeepL does not translate, get human translations or nothing. Reader reports, DeepL usage
rows and indicator values grow with N too.

Built in bulk (``bulk_pages``, ``bulk_sources``): the pages, their one revision each,
wagtail-localize's sources (``TranslationSource`` and its segments), the
translations and their strings, and the review records the states are derived from
(``SourceStrings``, ``TranslatedFrom``, ``StringApproval``, ``ReviewApproval``,
``ReaderNotice``, ``DraftStatus``), so that the review queue, the coverage report and the
reader notice read them as they read states made through the editor. The translated
pages' texts are generated in their language; they are not the ingestion of their strings
(which would take a publish per page).

After a load that made pages, PostgreSQL's tables are vacuumed and their planner statistics
gathered afresh (``VACUUM (ANALYZE)``; ``ANALYZE`` alone inside a caller's transaction, as in
the tests): autovacuum would do it only later. Until then the planner sees the demo's tables
as they were before the load (one search of a freshly loaded 10× database chose a nested
loop of 7 s, docs/hosting.md), and a count over the loaded pages reads every row's heap
instead of the index alone (the visibility map is empty), as no site that autovacuum has
visited does: a listing's page count at 100× took 25 ms instead of 9.

Idempotent: pages are numbered (``scale_pages.slug``) and only the missing numbers are
made, with their translations in the same transaction; the other rows are counted or
looked up by their keys. Running ``--scale 10`` twice, or after ``--scale 100``, adds
nothing.
"""

import hashlib
import time

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from core import content_cache
from devtools.builders import publish_human_translation
from review import stored_states
from review.models import ReaderNotice, ReviewApproval, StringApproval
from translation.fingerprints import fingerprint
from translation.models import DraftStatus, SourceStrings, TranslatedFrom, text_hash

from . import bulk_pages, bulk_sources
from . import states_content as demo_states
from .filler import Filler
from .scale_extras import indicator_values, reader_reports, usage_rows
from .scale_pages import KINDS, PREFIX, World

# Swedish pages of the demo, and how many of its pages are news, opportunities, projects.
DEMO_PAGES = 35
# Languages DeepL does not translate: their pages come from people (an agency) or not at all.
HUMAN_ONLY = set(demo_states.AGENCY)
# Pages made per transaction and search-index batch.
CHUNK = 250

REVIEWED, MACHINE, DRAFT, STALE, MISSING = (
    "reviewed",
    "published_machine",
    "machine_draft",
    "stale",
    "missing",
)
# Out of 20 (page, language) pairs: what a portal in its third year looks like.
STATE_WHEEL = [REVIEWED] * 10 + [MACHINE] * 2 + [DRAFT] * 3 + [STALE] * 3 + [MISSING] * 2
HUMAN_WHEEL = [REVIEWED] * 12 + [STALE] * 3 + [MISSING] * 5


def state_of(number: int, kind: str, code: str) -> str:
    """The translation state of page ``number`` of ``kind`` in ``code``: fixed, spread."""
    digest = hashlib.sha256(f"{kind}:{number}:{code}".encode()).digest()
    wheel = HUMAN_WHEEL if code in HUMAN_ONLY else STATE_WHEEL
    return wheel[digest[0] % len(wheel)]


def targets(scale: int, demo_counts: dict[str, int]) -> dict[str, int]:
    """Generated pages per kind: (N - 1) × the demo's 35 pages, in the demo's proportions."""
    extra = max(scale - 1, 0) * DEMO_PAGES
    total = sum(demo_counts.values()) or 1
    return {name: round(extra * count / total) for name, count in demo_counts.items()}


class ScaleLoader:
    def __init__(self, home: Page, scale: int, stdout):
        self.home = home
        self.scale = scale
        self.stdout = stdout
        self.swedish = home.locale
        self.locales = [
            locale
            for locale in Locale.objects.order_by("language_code")
            if locale.language_code != settings.LANGUAGE_CODE
        ]
        self.world = World(self.swedish)
        self.made_pages = 0
        self.made_translations = 0

    # Indexes ---------------------------------------------------------------------------
    def index(self, kind) -> Page:
        return self.home.get_children().get(slug=kind.index).specific

    def translated_index(self, index: Page, locale: Locale) -> Page:
        """The index page in ``locale``, published through wagtail-localize when missing."""
        target = index.get_translation_or_none(locale)
        if target is None:
            source, _ = TranslationSource.get_or_create_from_instance(index)
            texts = {
                segment.string.data: Filler(locale.language_code, segment.string.data).title()
                for segment in StringSegment.objects.filter(source=source).select_related("string")
            }
            target = publish_human_translation(index, locale, texts)
        return target

    # Pages -----------------------------------------------------------------------------
    def run(self) -> None:
        demo_counts = {
            kind.name: kind.model.objects.child_of(self.index(kind))
            .exclude(slug__startswith=f"{PREFIX}-")
            .count()
            for kind in KINDS
        }
        wanted = targets(self.scale, demo_counts)
        for kind in KINDS:
            index = self.index(kind)
            existing = set(
                kind.model.objects.child_of(index)
                .filter(slug__startswith=f"{PREFIX}-")
                .values_list("slug", flat=True)
            )
            numbers = [
                number
                for number in range(1, wanted[kind.name] + 1)
                if f"{PREFIX}-{kind.name}-{number:05d}" not in existing
            ]
            if not numbers:
                continue
            parents = {locale.pk: self.translated_index(index, locale) for locale in self.locales}
            started = time.monotonic()
            for begin in range(0, len(numbers), CHUNK):
                with transaction.atomic():
                    self.chunk(kind, index, parents, numbers[begin : begin + CHUNK])
            self.stdout.write(
                f"  scale: {len(numbers)} {kind.name} pages and their translations "
                f"in {time.monotonic() - started:.0f} s"
            )
        reader_reports(self.scale, self.stdout)
        usage_rows(self.scale, self.locales, self.stdout)
        indicator_values(self.scale, self.stdout)
        content_cache.bump()

    def chunk(self, kind, index: Page, parents: dict, numbers: list[int]) -> None:
        pages = [
            kind.build(number, "sv", self.world, locale=self.swedish, live=True)
            for number in numbers
        ]
        bulk_pages.add_children(index, pages)
        self.made_pages += len(pages)
        sources = bulk_sources.create_sources(pages)
        segments: dict[int, list] = {}
        for segment in (
            StringSegment.objects.filter(source__in=sources.values())
            .select_related("string", "context")
            .order_by("source_id", "order")
        ):
            segments.setdefault(segment.source_id, []).append(segment)
        current = {
            page.pk: [
                [segment.context.path, segment.string.data]
                for segment in segments.get(sources[page.pk].pk, [])
            ]
            for page in pages
        }
        SourceStrings.objects.bulk_create(
            [
                SourceStrings(page_id=pk, fingerprint=fingerprint(strings), segments=strings)
                for pk, strings in current.items()
            ]
        )
        self.translate(kind, pages, numbers, parents, sources, segments, current)
        self.search_index(pages)
        # Bulk writes send no signals: store the review states of the chunk's pairs here.
        stored_states.refresh_states(pages=pages)

    def translate(self, kind, pages, numbers, parents, sources, segments, current) -> None:
        plan = [
            (page, number, locale, state_of(number, kind.name, locale.language_code))
            for page, number in zip(pages, numbers, strict=True)
            for locale in self.locales
        ]
        statuses = [
            DraftStatus(
                page=page,
                locale=locale,
                status=DraftStatus.HUMAN_ONLY
                if locale.language_code in HUMAN_ONLY
                else DraftStatus.MADE,
                machine_segments=0
                if locale.language_code in HUMAN_ONLY
                else len(segments.get(sources[page.pk].pk, [])),
            )
            for page, _number, locale, _state in plan
        ]
        DraftStatus.objects.bulk_create(statuses, batch_size=1000)
        plan = [item for item in plan if item[3] != MISSING]
        translations = [
            Translation(source=sources[page.pk], target_locale=locale, enabled=True)
            for page, _number, locale, _state in plan
        ]
        Translation.objects.bulk_create(translations, batch_size=1000)
        strings, by_pair = [], {}
        for (page, _number, locale, state), _translation in zip(plan, translations, strict=True):
            machine = state in (MACHINE, DRAFT)
            filler = Filler(locale.language_code, f"strings-{page.pk}")
            rows = [
                StringTranslation(
                    translation_of_id=segment.string_id,
                    locale=locale,
                    context_id=segment.context_id,
                    data=filler.sentence(),
                    translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
                    if machine
                    else StringTranslation.TRANSLATION_TYPE_MANUAL,
                    tool_name="DeepL" if machine else "",
                )
                for segment in segments.get(sources[page.pk].pk, [])
            ]
            by_pair[page.pk, locale.pk] = rows
            strings.extend(rows)
        # The same string in the same place (a repeated filler sentence) has one translation.
        StringTranslation.objects.bulk_create(strings, batch_size=1000, ignore_conflicts=True)
        # Published after their strings were written, as a translator publishes.
        published_at = timezone.now()
        made = {}
        for locale in self.locales:
            members = [item for item in plan if item[2].pk == locale.pk]
            targets = [
                kind.build(
                    number,
                    locale.language_code,
                    self.world,
                    locale=locale,
                    translation_key=page.translation_key,
                    live=state != DRAFT,
                )
                for page, number, _locale, state in members
            ]
            bulk_pages.add_children(parents[locale.pk], targets, published_at=published_at)
            for (page, _number, _locale, _state), target in zip(members, targets, strict=True):
                made[page.pk, locale.pk] = target
        self.made_translations += len(plan)
        self.review_records(plan, translations, by_pair, made, current)

    def review_records(self, plan, translations, by_pair, made, current) -> None:
        made_from, notices, approvals, string_approvals = [], [], [], []
        stored = {
            (st.translation_of_id, st.context_id, st.locale_id): st.pk
            for st in StringTranslation.objects.filter(
                locale__in=self.locales,
                translation_of_id__in={
                    st.translation_of_id for rows in by_pair.values() for st in rows
                },
            ).only("pk", "translation_of_id", "context_id", "locale_id")
        }
        for (page, _number, locale, state), translation in zip(plan, translations, strict=True):
            target = made[page.pk, locale.pk]
            strings = current[page.pk]
            if state == STALE:
                # Translated from the Swedish text as it read before its lead was rewritten.
                strings = [list(pair) for pair in strings]
                if strings:
                    strings[-1][1] = Filler("sv", f"before-{page.pk}").sentence()
            made_from.append(
                TranslatedFrom(
                    translation=translation, fingerprint=fingerprint(strings), segments=strings
                )
            )
            if target.live:
                notices.append(
                    ReaderNotice(
                        page_id=target.pk,
                        source_page_id=page.pk,
                        translated=True,
                        machine_text=state == MACHINE,
                    )
                )
            if state in (REVIEWED, STALE):
                approvals.append(
                    ReviewApproval(
                        page_id=target.pk,
                        locale=locale,
                        revision_id=target.latest_revision_id,
                        source_segments=strings,
                    )
                )
                for st in by_pair[page.pk, locale.pk]:
                    pk = stored.get((st.translation_of_id, st.context_id, locale.pk))
                    if pk is not None:
                        string_approvals.append(
                            StringApproval(string_translation_id=pk, text_hash=text_hash(st.data))
                        )
        TranslatedFrom.objects.bulk_create(made_from, batch_size=1000)
        ReaderNotice.objects.bulk_create(notices, batch_size=1000)
        ReviewApproval.objects.bulk_create(approvals, batch_size=1000)
        StringApproval.objects.bulk_create(string_approvals, batch_size=1000, ignore_conflicts=True)

    def search_index(self, pages: list[Page]) -> None:
        """The new Swedish pages and their translations, in each language's search index."""
        keys = [page.translation_key for page in pages]
        by_model: dict[type, list] = {}
        for page in Page.objects.filter(translation_key__in=keys).specific():
            by_model.setdefault(type(page), []).append(page)
        for backend in get_search_backends(with_auto_update=True):
            for model, members in by_model.items():
                backend.add_bulk(model, members)


def load(home: Page, scale: int, stdout) -> None:
    """Grow the demo under ``home`` to ``scale`` times its content (see the module)."""
    if scale <= 1:
        return
    started = time.monotonic()
    loader = ScaleLoader(home, scale, stdout)
    loader.run()
    if loader.made_pages:
        analyze(stdout)
    stdout.write(
        f"  scale {scale}×: {loader.made_pages} Swedish pages and {loader.made_translations} "
        f"translations made in {time.monotonic() - started:.0f} s"
    )


def analyze(stdout) -> None:
    """Vacuumed tables and fresh planner statistics after a bulk load (PostgreSQL only);
    VACUUM cannot run in a transaction, so a caller's transaction gets ANALYZE alone."""
    if connection.vendor != "postgresql":
        return
    started = time.monotonic()
    statement = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(statement)
    stdout.write(
        f"  scale: tables vacuumed and planner statistics gathered ({statement}) in "
        f"{time.monotonic() - started:.1f} s"
    )
