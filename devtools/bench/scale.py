"""``make bench-scale``: what the portal costs at 1×, 10× and 100× its demo content.

Creates a PostgreSQL database of its own (dropped at the end), loads the demo, publishes the
measured pages in Arabic and Tigrinya (a bracketed copy through wagtail-localize, as
``bench_site`` does), and measures in this process with Django's test client (no network,
production settings, DEBUG off, Redis as the shared cache): the SQL queries of one warm
request and the median time of several, after a warm-up. Then it grows the same database
with ``load_demo --scale N`` (``devtools/demo/scale.py``: additive, so 10× builds on 1×),
run in a process of its own (``grow``), and measures again. Measured:

- every reader page type in sv, ar and ti, read again (its route and rendered parts kept for
  the content generation, ``core/fragments.py``) and on its first read after a change (a new
  generation each time: nothing kept);
- the review queue, the coverage report, a page's draft status, the DeepL usage report and
  the page explorer, as the Arabic translator and as the coordinator (a view the role may
  not open shows its status code);
- search: p50 and p95 over a set of words, in Swedish and Arabic;
- the sitemap;
- one Swedish publish: time to return (the purge and the draft job are queued after the
  commit), the URLs it purges, and the time until the drafts of every language are made
  (the draft job run here against the local DeepL stand-in);
- a backfill slice: 20 pages into Ukrainian through the local DeepL stand-in (segments a
  second, requests a segment);
- the peak memory of a web process and of a worker process (``scale_memory.py``);
- the database size.

``SCALES=1,10`` picks the scales; ``RUNS`` the timed requests per view (median); ``PARTS``
what is measured (``readers,admin,search,sitemap,publish,backfill,memory``). The table is
printed and written between the markers in ``docs/hosting.md``.
"""

import os
import signal
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

from .doc import write_between_markers
from .pages import READER_PAGES

BASE_DIR = Path(__file__).resolve().parents[2]
DOC = BASE_DIR / "docs" / "hosting.md"
BEGIN, END = "<!-- bench-scale:begin -->", "<!-- bench-scale:end -->"
LANGUAGES = ("sv", "ar", "ti")
# Reader page type -> its Swedish path (demo pages, so the same page at every scale).
PAGES = READER_PAGES | {"news index, page 2": "nyheter/?page=2"}
SEARCH_WORDS = ["utbyte", "projekt", "samarbete", "skola", "unga", "nätverk", "miljö", "stad"]
SEARCH_WORDS += ["kommun", "plan", "grupp", "bidrag", "Europa", "partner", "möte", "finansiering"]
PUBLISHED = "nyheter/ungdomsutbyte-i-morag/"
# Pages a backfill slice translates at each scale.
BACKFILL_PAGES = 20
ADMIN_RUNS_FACTOR = 3
# What is measured at each scale (PARTS=readers,search picks; the database size always).
PARTS = ("readers", "admin", "search", "sitemap", "publish", "backfill", "memory")


def counting(connection):
    """Django's query capture, on an emptied log (it keeps the last 9,000 queries only)."""
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()
    return CaptureQueriesContext(connection)


def database_url(name: str) -> str:
    base = urlsplit(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres")
    return base._replace(path=f"/{name}").geturl()


def admin_sql(statement: str) -> None:
    """CREATE or DROP DATABASE, from the server's maintenance database."""
    import psycopg2

    connection = psycopg2.connect(database_url("postgres"))
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


class Bench:
    def __init__(self, runs: int):
        from django.test import Client

        self.runs = runs
        # Admin views take 30–110 ms on a shared 2-core machine, where a median of 5 moved by
        # 10–20 % from run to run: three times the requests steady it for a few seconds more.
        self.admin_runs = runs * ADMIN_RUNS_FACTOR
        self.reader = Client(HTTP_HOST="127.0.0.1")
        self.rows: dict[tuple[str, str], dict[int, str]] = {}

    def record(self, view: str, who: str, scale: int, value: str) -> None:
        self.rows.setdefault((view, who), {})[scale] = value
        print(f"  {scale}× {view} ({who}): {value}", flush=True)

    def measure(self, client, url: str, runs: int | None = None) -> tuple[int, int | None, float]:
        """(status, queries of a warm request, median milliseconds of ``runs`` requests)."""
        from django.db import connection

        for _ in range(2):
            response = client.get(url, secure=True)
        with counting(connection) as captured:
            response = client.get(url, secure=True)
        # Now: the capture reads the log lazily, and the next request empties it.
        queries = len(captured)
        times = []
        for _ in range(runs or self.runs):
            started = time.perf_counter()
            client.get(url, secure=True)
            times.append((time.perf_counter() - started) * 1000)
        return response.status_code, queries, statistics.median(times)

    def view(self, name: str, who: str, client, url: str, scale: int, runs=None) -> None:
        status, queries, ms = self.measure(client, url, runs)
        value = f"{queries} q, {ms:.0f} ms" if status == 200 else f"{status}"
        self.record(name, who, scale, value)

    # Views ------------------------------------------------------------------------------
    def first_read(self, url: str) -> tuple[int, float]:
        """(queries, median milliseconds) of the first request after a change: a new
        content generation, so nothing is kept (route, furniture, rendered parts)."""
        from django.db import connection

        from core.content_cache import bump

        times, queries = [], 0
        for _ in range(self.runs):
            bump()
            with counting(connection) as captured:
                started = time.perf_counter()
                self.reader.get(url, secure=True)
                times.append((time.perf_counter() - started) * 1000)
            queries = len(captured)
        return queries, statistics.median(times)

    def readers(self, scale: int) -> None:
        """Each reader page read again (the normal state: an earlier reader of the language
        has seen it since the last change) and on its first read after a change."""
        for name, path in PAGES.items():
            for code in LANGUAGES:
                url = f"/{code}/{path}"
                status, queries, ms = self.measure(self.reader, url)
                first_queries, first_ms = self.first_read(url)
                value = (
                    f"{queries} q, {ms:.0f} ms; first read {first_queries} q, {first_ms:.0f} ms"
                    if status == 200
                    else f"{status}"
                )
                self.record(name, code, scale, value)

    def admin(self, scale: int, users: dict) -> None:
        from django.test import Client
        from django.urls import reverse

        item = swedish(PUBLISHED)
        index = swedish("nyheter/")
        arabic_index = index.get_translation(index.locale.__class__.objects.get(language_code="ar"))
        views = {
            "review queue": reverse("review:queue"),
            "review queue, stale": reverse("review:queue") + "?state=stale",
            "coverage report": reverse("followup_coverage"),
            "usage report": reverse("translation_usage"),
        }
        for role, user in users.items():
            client = Client(HTTP_HOST="127.0.0.1")
            client.force_login(user)
            for name, url in views.items():
                self.view(name, role, client, url, scale, self.admin_runs)
            # The translator sees the status of their own language's page.
            shown = item.get_translation(arabic_index.locale) if role == "translator (ar)" else item
            self.view(
                "drafts status",
                role,
                client,
                reverse("translation_page_status", args=[shown.pk]),
                scale,
                self.admin_runs,
            )
            explored = arabic_index if role == "translator (ar)" else index
            self.view(
                "page explorer (news)",
                role,
                client,
                reverse("wagtailadmin_explore", args=[explored.pk]),
                scale,
                self.admin_runs,
            )

    def search(self, scale: int) -> None:
        from django.db import connection

        for code in ("sv", "ar"):
            times, most = [], 0
            for word in SEARCH_WORDS:
                self.reader.get(f"/{code}/sok/?q={quote(word)}", secure=True)
            for _round in range(3):
                for word in SEARCH_WORDS:
                    with counting(connection) as queries:
                        started = time.perf_counter()
                        self.reader.get(f"/{code}/sok/?q={quote(word)}", secure=True)
                        times.append((time.perf_counter() - started) * 1000)
                    most = max(most, len(queries))
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
            self.record(
                "search",
                code,
                scale,
                f"≤{most} q, p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms",
            )

    def sitemap(self, scale: int) -> None:
        from django.db import connection

        status, queries, ms = self.measure(self.reader, "/sitemap.xml")
        response = self.reader.get("/sitemap.xml", secure=True)
        size = len(response.content)
        kind = "index" if b"<sitemapindex" in response.content else "urlset"
        self.record("sitemap.xml", kind, scale, f"{queries} q, {ms:.0f} ms, {size / 1e6:.1f} MB")
        if kind == "index":
            with counting(connection) as counted:
                started = time.perf_counter()
                part = self.reader.get("/sitemap-ar.xml", secure=True)
                ms = (time.perf_counter() - started) * 1000
            self.record(
                "sitemap-ar.xml",
                "urlset",
                scale,
                f"{len(counted)} q, {ms:.0f} ms, {len(part.content) / 1e6:.1f} MB",
            )

    def publish(self, scale: int, communicator) -> None:
        """One Swedish publish as the communicator, then its draft job (every language)."""
        from django.db import transaction
        from django.test.utils import override_settings

        from wagtail.models import Page

        from devtools.demo.states import local_machine_translation
        from operations import purge
        from translation import pipeline
        from translation.models import DraftStatus

        page = swedish(PUBLISHED)
        page.lead = f"{page.lead.split(' (')[0]} ({scale}×, {uuid.uuid4().hex[:6]})"
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
        self.record(
            "Swedish publish",
            "communicator",
            scale,
            f"{returned:.0f} ms, {urls} URLs purged, drafts {made}/{len(statuses)} "
            f"in {drafts:.0f} ms",
        )

    def backfill(self, scale: int) -> None:
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
        self.record(
            "backfill (uk, DeepL stand-in)",
            "worker",
            scale,
            f"{len(rows)} pages, {segments} segments in {seconds:.1f} s: "
            f"{rate} segments/s, {per_request} requests/segment",
        )

    def memory(self, scale: int) -> None:
        """Peak memory of a web process (every reader page in every measured language, and
        the admin views, served twice) and of a worker process (a page's drafts in every
        language), each a fresh Python process with this one's settings."""
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
            self.record("memory (peak RSS)", role, scale, f"{megabytes:.0f} MB")

    def database(self, scale: int) -> None:
        from django.db import connection

        from wagtail.models import Page

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            size = cursor.fetchone()[0]
        swedish_pages = Page.objects.filter(locale__language_code="sv", depth__gt=1).count()
        translated = Page.objects.exclude(locale__language_code="sv").filter(depth__gt=2).count()
        self.record(
            "database",
            "PostgreSQL",
            scale,
            f"{size / 1e6:.0f} MB, {swedish_pages} sv pages, {translated} translated",
        )

    def table(self, scales: list[int]) -> str:
        lines = [
            "| view | language / role | " + " | ".join(f"{scale}×" for scale in scales) + " |",
            "|---|---|" + "---|" * len(scales),
        ]
        for (view, who), values in self.rows.items():
            cells = " | ".join(values.get(scale, "–") for scale in scales)
            lines.append(f"| {view} | {who} | {cells} |")
        return "\n".join(lines)


def swedish(path: str):
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="sv")
    return Page.objects.get(url_path=home.url_path + path.split("?")[0]).specific


def translate_measured_pages() -> None:
    """Every measured page (and its parents) published in ar and ti, as bench_site does."""
    from devtools.bench.site import translate_for_measurement

    translate_for_measurement(LANGUAGES[1:], PAGES.values())


def people() -> dict:
    from django.contrib.auth import get_user_model

    from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name

    groups = setup_roles()
    users = {}
    for key, username, group in (
        ("translator (ar)", "bench-oversattare-ar", translator_group_name("ar")),
        ("coordinator", "bench-samordnare", COORDINATOR),
        ("communicator", "bench-kommunikator", COMMUNICATOR),
    ):
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.groups.add(groups[group])
        users[key] = user
    return users


def main() -> None:
    scales = sorted(int(part) for part in os.environ.get("SCALES", "1,10,100").split(","))
    runs = int(os.environ.get("RUNS", "5"))
    name = f"bench_scale_{os.getpid()}"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "devtools.production_settings",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "REDIS_URL": os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/6",
            "DATABASE_URL": database_url(name),
        }
    )
    # A stopped bench drops its database too.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
    admin_sql(f'CREATE DATABASE "{name}"')
    try:
        run(scales, runs)
    finally:
        from django.db import connections

        connections.close_all()
        admin_sql(f'DROP DATABASE IF EXISTS "{name}"')


def grow(scale: int) -> None:
    """``load_demo --scale`` in a process of its own, so the process that measures is at
    every scale what a web process serving the site is: one that never ran the generator."""
    command = [sys.executable, "manage.py", "load_demo", "--no-users", "--scale", str(scale)]
    subprocess.run(command, cwd=BASE_DIR, env=os.environ, check=True)  # noqa: S603 - our manage.py


def run(scales: list[int], runs: int) -> None:
    import django

    parts = set(os.environ.get("PARTS", ",".join(PARTS)).split(","))

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    started = time.monotonic()
    print("Preparing the demo database...", flush=True)
    call_command("compile_catalogs", verbosity=0)
    call_command("migrate", "--no-input", verbosity=0)
    # Production settings serve static files from the manifest (as bench_site does).
    call_command("collectstatic", "--no-input", verbosity=0)
    call_command("load_demo", "--no-users", stdout=open(os.devnull, "w"))  # noqa: SIM115
    translate_measured_pages()
    call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    users = people()
    bench = Bench(runs)
    builds = {}
    for scale in scales:
        if scale > 1:
            print(f"Growing to {scale}×...", flush=True)
            begun = time.monotonic()
            grow(scale)
            builds[scale] = time.monotonic() - begun
        cache.clear()
        print(f"Measuring {scale}×...", flush=True)
        if "readers" in parts:
            bench.readers(scale)
        if "admin" in parts:
            bench.admin(scale, users)
        if "search" in parts:
            bench.search(scale)
        if "sitemap" in parts:
            bench.sitemap(scale)
        if "publish" in parts:
            bench.publish(scale, users["communicator"])
        if "backfill" in parts:
            bench.backfill(scale)
        if "memory" in parts:
            bench.memory(scale)
        bench.database(scale)
    cores = os.cpu_count()
    built = ", ".join(f"{scale}×: {seconds:.0f} s" for scale, seconds in builds.items())
    text = (
        f"Measured {time.strftime('%Y-%m-%d')} on {cores} cores (shared), in one process with "
        f"Django's test client: production settings, PostgreSQL, Redis; queries of a warm "
        f"request and the median of {runs} (admin views: {runs * ADMIN_RUNS_FACTOR}; q = SQL "
        f"queries). Growing the content took "
        f"{built or 'nothing'}; the whole bench {time.monotonic() - started:.0f} s.\n\n"
        + bench.table(scales)
    )
    print(text)
    if os.environ.get("WRITE_DOC", "1") == "1":
        write_between_markers(DOC, BEGIN, END, text)


if __name__ == "__main__":
    main()
