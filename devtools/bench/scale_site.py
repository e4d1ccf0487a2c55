"""One scale's site for ``make bench-scale``, measured on command.

``devtools/bench/scale.py`` builds one database per scale and starts one of these
processes on each (its own Redis database too), then asks them in turn, view by view: 1×,
10×, 100×, then 100×, 10×, 1×. On a shared machine the speed moves by up to half within
minutes, and measured minutes apart (first every view at 1×, then every view at 100×) the
ratio between the scales carried that drift as often as the views' own work; asked within
seconds of each other, every scale meets the same machine. A process per scale rather than
one process switching databases: each worker keeps what it read from the shared cache in
its memory under the content generation (``core/content_cache.py``), as a web process
serving that one site would.

Protocol: one JSON command per line on stdin, one JSON answer per line on the standard
output this process had when it started; anything else printed goes to stderr. It ends when
its input does.
"""

import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from functools import cached_property
from urllib.parse import quote

from .scale import (
    BACKFILL_PAGES,
    BASE_DIR,
    ONCE,
    PUBLISHED,
    SEARCH_WORDS,
    people,
    swedish,
)


def counting(connection):
    """Django's query capture, on an emptied log (it keeps the last 9,000 queries only)."""
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()
    return CaptureQueriesContext(connection)


def timed(client, url: str) -> float:
    started = time.perf_counter()
    client.get(url, secure=True)
    return (time.perf_counter() - started) * 1000


class Site:
    """The measurements of one scale: raw times for the views measured in alternation
    (the controller takes the median over every round), finished rows for the rest."""

    def __init__(self, scale: int):
        from django.core.cache import cache
        from django.test import Client

        self.scale = scale
        cache.clear()
        self.reader = Client(HTTP_HOST="127.0.0.1")
        self.users = people()
        self.clients = {}
        for role, user in self.users.items():
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(user)
            self.clients[role] = client

    def measure(self, client, url: str, runs: int) -> dict:
        """A warm request's status and queries, and the times of ``runs`` more."""
        from django.db import connection

        for _ in range(2):
            client.get(url, secure=True)
        with counting(connection) as captured:
            response = client.get(url, secure=True)
        # Now: the capture reads the log lazily, and the next request empties it.
        queries = len(captured)
        times = [timed(client, url) for _ in range(runs)]
        return {"status": response.status_code, "queries": queries, "times": times}

    def first_read(self, url: str, runs: int, change=None) -> dict:
        """The first request after a change (``change()``, default ``change_elsewhere``): a
        new content generation, so no route, furniture or rendered part is kept."""
        from django.db import connection

        times, queries = [], 0
        for _ in range(runs):
            (change or self.change_elsewhere)()
            with counting(connection) as captured:
                times.append(timed(self.reader, url))
            queries = len(captured)
        return {"status": 200, "queries": queries, "times": times}

    def change_elsewhere(self) -> None:
        """What a translator's publish in another language (English, not measured) changes
        for a reader of this page: a new content generation and a new English one
        (``core.content_cache.bump_language``), and a stored review state marked for the
        next reader to compute (``review.stored_states.mark``)."""
        from core.content_cache import bump_language
        from review.stored_states import mark

        bump_language("en")
        mark(keys=[self.published.translation_key], locale_ids=[self.english.pk])

    @staticmethod
    def change_everything() -> None:
        """A change every kept figure depends on (``core.content_cache.bump``): what a
        Swedish publish is for the follow-up's counts, an Arabic one for the Arabic
        strategy's newest pages per goal."""
        from core.content_cache import bump

        bump()

    @cached_property
    def published(self):
        return swedish(PUBLISHED)

    @cached_property
    def english(self):
        from wagtail.models import Locale

        return Locale.objects.get(language_code="en")

    # Measured in alternation -------------------------------------------------------------
    def reader_page(self, url: str, runs: int) -> dict:
        """Read again (an earlier reader of the language has seen it since the last change),
        then on its first read after a change."""
        again = self.measure(self.reader, url, runs)
        first = self.first_read(url, runs)
        return again | {"first_queries": first["queries"], "first_times": first["times"]}

    def own_change(self, url: str, runs: int) -> dict:
        """The first read after a change of what the page counts (``change_everything``)."""
        return self.first_read(url, runs, self.change_everything)

    @cached_property
    def admin_urls(self) -> dict[str, dict[str, str]]:
        """Role -> view -> URL: the Arabic translator sees their own language's pages."""
        from django.urls import reverse

        from wagtail.models import Locale

        item = swedish(PUBLISHED)
        index = swedish("nyheter/")
        arabic = Locale.objects.get(language_code="ar")
        urls = {}
        for role in self.users:
            translator = role == "translator (ar)"
            status_of = item.get_translation(arabic) if translator else item
            explored = index.get_translation(arabic) if translator else index
            urls[role] = {
                "review queue": reverse("review:queue"),
                "review queue, stale": reverse("review:queue") + "?state=stale",
                "coverage report": reverse("followup_coverage"),
                "usage report": reverse("translation_usage"),
                "drafts status": reverse("translation_page_status", args=[status_of.pk]),
                "page explorer (news)": reverse("wagtailadmin_explore", args=[explored.pk]),
            }
        return urls

    def admin_view(self, role: str, view: str, runs: int) -> dict:
        return self.measure(self.clients[role], self.admin_urls[role][view], runs)

    # Measured once a scale -----------------------------------------------------------------
    def search(self) -> list:
        from django.db import connection

        rows = []
        for code in ("sv", "ar"):
            times, most = [], 0
            for word in SEARCH_WORDS:
                self.reader.get(f"/{code}/sok/?q={quote(word)}", secure=True)
            for _round in range(3):
                for word in SEARCH_WORDS:
                    with counting(connection) as queries:
                        times.append(timed(self.reader, f"/{code}/sok/?q={quote(word)}"))
                    most = max(most, len(queries))
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
            p50 = statistics.median(times)
            rows.append(("search", code, f"≤{most} q, p50 {p50:.0f} ms, p95 {p95:.0f} ms"))
        return rows

    def sitemap(self) -> list:
        from django.db import connection

        measured = self.measure(self.reader, "/sitemap.xml", 5)
        response = self.reader.get("/sitemap.xml", secure=True)
        kind = "index" if b"<sitemapindex" in response.content else "urlset"
        ms = statistics.median(measured["times"])
        size = len(response.content) / 1e6
        rows = [("sitemap.xml", kind, f"{measured['queries']} q, {ms:.0f} ms, {size:.1f} MB")]
        if kind == "index":
            with counting(connection) as counted:
                ms = timed(self.reader, "/sitemap-ar.xml")
            part = self.reader.get("/sitemap-ar.xml", secure=True)
            value = f"{len(counted)} q, {ms:.0f} ms, {len(part.content) / 1e6:.1f} MB"
            rows.append(("sitemap-ar.xml", "urlset", value))
        return rows

    def publish(self) -> list:
        """One Swedish publish as the communicator, then its draft job (every language)."""
        from django.db import transaction
        from django.test.utils import override_settings

        from wagtail.models import Page

        from devtools.demo.states import local_machine_translation
        from operations import purge
        from translation import pipeline
        from translation.models import DraftStatus

        communicator = self.users["communicator"]
        page = swedish(PUBLISHED)
        page.lead = f"{page.lead.split(' (')[0]} ({self.scale}×, {uuid.uuid4().hex[:6]})"
        with override_settings(TRANSLATION_AUTO_DRAFTS=True):
            started = time.perf_counter()
            with transaction.atomic():
                page.save_revision(user=communicator).publish(user=communicator)
            returned = (time.perf_counter() - started) * 1000
        urls = len(purge.urls_showing(Page.objects.get(pk=page.pk)))
        with local_machine_translation():
            started = time.perf_counter()
            statuses = pipeline.translate_page(page.pk)
            drafts = (time.perf_counter() - started) * 1000
        made = sum(
            status in (DraftStatus.MADE, DraftStatus.HUMAN_ONLY) for status in statuses.values()
        )
        value = (
            f"{returned:.0f} ms, {urls} URLs purged, drafts {made}/{len(statuses)} "
            f"in {drafts:.0f} ms"
        )
        return [("Swedish publish", "communicator", value)]

    def backfill(self) -> list:
        """A slice of ``backfill_translations --locale uk``: the first ``BACKFILL_PAGES``
        Swedish pages (tree order) with no Ukrainian version yet, translated through the
        local DeepL stand-in as the command does it; segments a second and requests a
        segment (the engine's batching). Planning the whole site is the command's own
        first step and grows with it; it is not part of this slice."""
        from wagtail.models import Page

        from devtools.demo.states import local_machine_translation
        from translation import estimates, pipeline

        (ukrainian,) = pipeline.target_locales(["uk"])
        untranslated = estimates.source_pages().exclude(
            translation_key__in=Page.objects.filter(locale=ukrainian).values("translation_key")
        )
        with local_machine_translation() as deepl:
            # A session reads the engines' settings: the stand-ins' (as the command's would).
            session = pipeline.Session()
            work = []
            for page in untranslated.specific().iterator(chunk_size=100):
                if pipeline.needs_work(page, ukrainian, session):
                    work.append(page)
                    if len(work) == BACKFILL_PAGES:
                        break
            deepl.log.clear()
            started = time.perf_counter()
            rows = [pipeline.translate_into(page, ukrainian, session) for page in work]
            seconds = time.perf_counter() - started
            requests = len(deepl.log)
        segments = sum(row.machine_segments or 0 for row in rows)
        per_request = f"{requests / segments:.2f}" if segments else "–"
        rate = f"{segments / seconds:.0f}" if seconds else "–"
        value = (
            f"{len(rows)} pages, {segments} segments in {seconds:.1f} s: "
            f"{rate} segments/s, {per_request} requests/segment"
        )
        return [("backfill (uk, DeepL stand-in)", "worker", value)]

    def memory(self) -> list:
        """Peak memory of a web process (every reader page in every measured language, and
        the admin views, served twice) and of a worker process (a page's drafts in every
        language), each a fresh Python process with this one's settings."""
        rows = []
        for role in ("web", "worker"):
            result = subprocess.run(  # noqa: S603 - our own module
                [sys.executable, "-m", "devtools.bench.scale_memory", role, PUBLISHED],
                cwd=BASE_DIR,
                env=os.environ.copy(),
                capture_output=True,
                text=True,
                check=True,
            )
            megabytes = int(result.stdout.strip().splitlines()[-1]) / 1024
            rows.append(("memory (peak RSS)", role, f"{megabytes:.0f} MB"))
        return rows

    def database(self) -> list:
        from django.db import connection

        from wagtail.models import Page

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
        swedish_pages = Page.objects.filter(locale__language_code="sv", depth__gt=1).count()
        translated = Page.objects.exclude(locale__language_code="sv").filter(depth__gt=2).count()
        value = f"{size / 1e6:.0f} MB, {swedish_pages} sv pages, {translated} translated"
        return [("database", "PostgreSQL", value)]


def answer(site: Site, command: dict):
    if command["do"] == "reader":
        return site.reader_page(command["url"], command["runs"])
    if command["do"] == "own change":
        return site.own_change(command["url"], command["runs"])
    if command["do"] == "admin":
        return site.admin_view(command["role"], command["view"], command["runs"])
    if command["do"] == "admin views":
        return {role: list(views) for role, views in site.admin_urls.items()}
    if command["do"] in (*ONCE, "database"):
        return getattr(site, command["do"])()
    raise ValueError(f"unknown command {command!r}")


def main() -> None:
    # The answers go to the standard output this process started with; anything else that
    # prints (logging, a warning) goes to stderr, so a stray line cannot break the protocol.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    import django

    django.setup()
    site = Site(int(sys.argv[1]))
    answers.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        answers.write(json.dumps(answer(site, json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
