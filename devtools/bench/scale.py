"""``make bench-scale``: what the portal costs at 1×, 10× and 100× its demo content.

Creates a PostgreSQL database of its own, loads the demo and publishes the measured pages in
Arabic and Tigrinya (a bracketed copy through wagtail-localize, as ``bench_site`` does). Then
it grows the database with ``load_demo --scale N`` (``devtools/demo/scale.py``: additive, so
10× builds on 1×), run in a process of its own (``grow``), and keeps a copy of it at each
scale (``CREATE DATABASE … TEMPLATE``). One measuring process per scale
(``scale_site.py``: production settings, DEBUG off, Django's test client, no network, its
own database and Redis database) then answers for its scale, and the views are measured in
alternation, view by view: 1×, 10×, 100×, then 100×, 10×, 1×, ``ROUNDS`` passes. Measured
one scale after the other, minutes apart, the ratio between 1× and 100× followed this shared
machine's speed, which moves by up to half within minutes; in alternation every scale
meets the same machine (as ``make bench-site`` alternates the portal and bakerydemo).

Measured in alternation: every reader page type in sv, ar and ti, read again (its route and
rendered parts kept for the content generation, ``core/fragments.py``) and on its first read
after a change (what a translator's publish in English changes: a new content generation
each time, so no route or rendered part is kept, and a stored review state to compute); the
strategy and the follow-up also after a change of what they count (every generation new:
their counted figures too); the review queue, the coverage
report, a page's draft status, the DeepL usage report and the page explorer, as the Arabic
translator, the coordinator and the communicator (a view the role may not open shows its
status code). The queries of a warm request and the median time over every round; the last
columns are the largest scale's median over each smaller scale's (the bar: at most 1.3 over
1×; over 10×, how the cost grows once a listing's page is full, which at 1× it is not).

Measured once a scale, after those: search p50 and p95 over a set of words, in Swedish and
Arabic; the sitemap; one Swedish publish (time to return, the URLs it purges, the time until
the drafts of every language are made against the local DeepL stand-in); a backfill slice
(20 pages into Ukrainian: segments a second, requests a segment); the peak memory of a web
and of a worker process (``scale_memory.py``); the database size.

``SCALES=1,10`` picks the scales; ``RUNS`` the timed requests per view and pass; ``ROUNDS``
the passes; ``PARTS`` what is measured (``readers,admin,search,sitemap,publish,backfill,
memory``). The table is printed and written between the markers in ``docs/hosting.md``;
every database is dropped at the end.
"""

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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
# Pages whose figures count a language's pages across the site and are kept while that
# language's content stays the same (``core.content_cache.cached_in_language``): measured
# also on their first read after a change of what they count.
COUNTING_PAGES = ("strategy", "follow-up")
# Pages a backfill slice translates at each scale.
BACKFILL_PAGES = 20
# What is measured (PARTS=readers,search picks; the database size always): the first two in
# alternation between the scales, the rest once a scale (``scale_site.Site``'s methods).
ALTERNATED = ("readers", "admin")
ONCE = ("search", "sitemap", "publish", "backfill", "memory")
PARTS = (*ALTERNATED, *ONCE)
# The Redis database of each scale's process, in order (no other script or test uses them:
# the topology takes 7, tests 13 and 15).
REDIS_DATABASES = (6, 10, 11, 12)
# The bar of issue 24: a view's median at the largest scale over its median at 1×.
FLAT = 1.3


def database_url(name: str) -> str:
    base = urlsplit(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/postgres")
    return base._replace(path=f"/{name}").geturl()


def redis_url(position: int) -> str:
    """The Redis of ``BENCH_REDIS_URL`` (default: this machine's), the database of the
    scale at ``position``."""
    base = urlsplit(os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/6")
    return urlunsplit(base._replace(path=f"/{REDIS_DATABASES[position]}"))


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


class Scale:
    """The measuring process of one scale (``scale_site.py``), asked one command at a time."""

    def __init__(self, scale: int, database: str, position: int):
        self.scale = scale
        environment = os.environ | {
            "DATABASE_URL": database_url(database),
            "REDIS_URL": redis_url(position),
        }
        self.process = subprocess.Popen(  # noqa: S603 - our own module
            [sys.executable, "-m", "devtools.bench.scale_site", str(scale)],
            cwd=BASE_DIR,
            env=environment,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.read()

    def read(self):
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the measuring process of {self.scale}× stopped (its stderr above)")
        return json.loads(line)

    def ask(self, **command):
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        return self.read()

    def stop(self) -> None:
        """Its input closed, the process ends after its current command (and closes its
        database sessions); one that does not within a minute is terminated."""
        self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            self.process.wait()


class Table:
    """Rows of the printed table: (view, who) -> scale -> cell; for the views measured in
    alternation, the largest scale's medians over each smaller scale's."""

    def __init__(self, scales: list[int]):
        self.scales = scales
        self.cells: dict[tuple[str, str], dict[int, str]] = {}
        self.medians: dict[tuple[str, str], dict[int, tuple[float, ...]]] = {}

    def record(self, view: str, who: str, scale: int, value: str) -> None:
        self.cells.setdefault((view, who), {})[scale] = value
        print(f"  {scale}× {view} ({who}): {value}", flush=True)

    def timed(self, view: str, who: str, scale: int, *medians: float) -> None:
        """The medians of the row's timed figures at ``scale`` (read again, first read)."""
        self.medians.setdefault((view, who), {})[scale] = medians

    def ratio(self, key: tuple[str, str], smaller: int) -> str:
        medians = self.medians.get(key, {})
        large, small = medians.get(self.scales[-1]), medians.get(smaller)
        if not large or not small:
            return "–"
        return " / ".join(f"{big / little:.2f}" for big, little in zip(large, small, strict=True))

    def markdown(self) -> str:
        largest, smaller = self.scales[-1], self.scales[:-1]
        header = [f"{scale}×" for scale in self.scales]
        header += [f"{largest}× / {scale}×" for scale in smaller]
        lines = [
            "| view | language / role | " + " | ".join(header) + " |",
            "|---|---|" + "---|" * len(header),
        ]
        for key, values in self.cells.items():
            cells = [values.get(scale, "–") for scale in self.scales]
            cells += [self.ratio(key, scale) for scale in smaller]
            lines.append(f"| {key[0]} | {key[1]} | " + " | ".join(cells) + " |")
        return "\n".join(lines)


def queries(answers: list[dict], key: str = "queries") -> str:
    """The queries of the warm requests of every pass: one number when they agree."""
    counts = sorted({answer[key] for answer in answers})
    return f"{counts[0]}" if len(counts) == 1 else f"{counts[0]}–{counts[-1]}"


def merged(answers: list[dict], key: str = "times") -> float:
    return statistics.median(time for answer in answers for time in answer[key])


def alternate(sites: list[Scale], rounds: int, **command) -> dict[int, list[dict]]:
    """``command``'s answers from every scale, asked in alternation: forwards, backwards,
    ``rounds`` passes in all."""
    answers: dict[int, list[dict]] = {site.scale: [] for site in sites}
    for number in range(rounds):
        for site in sites if number % 2 == 0 else sites[::-1]:
            answers[site.scale].append(site.ask(**command))
    return answers


def record(table: Table, view: str, who: str, answers: dict[int, list[dict]], describe) -> None:
    """Each scale's answers as a cell, ``describe(answers)`` giving its text and its medians;
    a status other than 200 (a view the role may not open) as the status alone."""
    for scale, measured in answers.items():
        if any(answer["status"] != 200 for answer in measured):
            table.record(view, who, scale, f"{measured[0]['status']}")
            continue
        text, medians = describe(measured)
        table.record(view, who, scale, text)
        table.timed(view, who, scale, *medians)


def reader_cell(measured: list[dict]) -> tuple[str, tuple[float, float]]:
    again, first = merged(measured), merged(measured, "first_times")
    text = (
        f"{queries(measured)} q, {again:.0f} ms; first read "
        f"{queries(measured, 'first_queries')} q, {first:.0f} ms"
    )
    return text, (again, first)


def admin_cell(measured: list[dict]) -> tuple[str, tuple[float]]:
    median = merged(measured)
    return f"{queries(measured)} q, {median:.0f} ms", (median,)


def measure_readers(sites: list[Scale], table: Table, runs: int, rounds: int) -> None:
    for name, path in PAGES.items():
        for code in LANGUAGES:
            answers = alternate(sites, rounds, do="reader", url=f"/{code}/{path}", runs=runs)
            record(table, name, code, answers, reader_cell)


def measure_own_changes(sites: list[Scale], table: Table, runs: int, rounds: int) -> None:
    """The pages whose counted figures are kept across a change in another language, on
    their first read after a change of what they count."""
    for name in COUNTING_PAGES:
        for code in LANGUAGES:
            url = f"/{code}/{PAGES[name]}"
            answers = alternate(sites, rounds, do="own change", url=url, runs=runs)
            record(table, f"{name}, after a change it counts", code, answers, admin_cell)


def measure_admin(sites: list[Scale], table: Table, runs: int, rounds: int) -> None:
    for role, views in sites[0].ask(do="admin views").items():
        for view in views:
            answers = alternate(sites, rounds, do="admin", role=role, view=view, runs=runs)
            record(table, view, role, answers, admin_cell)


def main() -> None:
    scales = sorted(int(part) for part in os.environ.get("SCALES", "1,10,100").split(","))
    runs = int(os.environ.get("RUNS", "5"))
    rounds = int(os.environ.get("ROUNDS", "4"))
    parts = set(os.environ.get("PARTS", ",".join(PARTS)).split(","))
    name = f"bench_scale_{os.getpid()}"
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "devtools.production_settings",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "REDIS_URL": redis_url(0),
            "DATABASE_URL": database_url(name),
        }
    )
    # A stopped bench drops its databases too.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
    databases = {scale: f"{name}_{scale}x" for scale in scales[:-1]} | {scales[-1]: name}
    sites: list[Scale] = []
    admin_sql(f'CREATE DATABASE "{name}"')
    try:
        run(scales, runs, rounds, parts, databases, sites)
    finally:
        for site in sites:
            site.stop()
        for database in databases.values():
            admin_sql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def grow(scale: int) -> None:
    """``load_demo --scale`` in a process of its own, so the process that measures is at
    every scale what a web process serving the site is: one that never ran the generator."""
    command = [sys.executable, "manage.py", "load_demo", "--no-users", "--scale", str(scale)]
    subprocess.run(command, cwd=BASE_DIR, env=os.environ, check=True)  # noqa: S603 - our manage.py


def prepare() -> None:
    """The demo at 1×, its measured pages translated, its search index and the bench's people,
    in the bench's database."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    call_command("compile_catalogs", verbosity=0)
    call_command("migrate", "--no-input", verbosity=0)
    # Production settings serve static files from the manifest (as bench_site does).
    call_command("collectstatic", "--no-input", verbosity=0)
    call_command("load_demo", "--no-users", stdout=open(os.devnull, "w"))  # noqa: SIM115
    translate_measured_pages()
    call_command("update_index", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    people()
    # A database with a session on it cannot be copied.
    connections.close_all()


def run(scales, runs, rounds, parts, databases, sites) -> None:
    started = time.monotonic()
    print("Preparing the demo database...", flush=True)
    prepare()
    builds = {}
    for scale in scales:
        if scale > 1:
            print(f"Growing to {scale}×...", flush=True)
            begun = time.monotonic()
            grow(scale)
            builds[scale] = time.monotonic() - begun
        if scale != scales[-1]:
            # This scale's copy; the bench's own database grows on to the largest.
            admin_sql(f'CREATE DATABASE "{databases[scale]}" TEMPLATE "{databases[scales[-1]]}"')
    for position, scale in enumerate(scales):
        sites.append(Scale(scale, databases[scale], position))
    table = Table(scales)
    print(f"Measuring {', '.join(f'{scale}×' for scale in scales)} in alternation...", flush=True)
    if "readers" in parts:
        measure_readers(sites, table, runs, rounds)
        measure_own_changes(sites, table, runs, rounds)
    if "admin" in parts:
        measure_admin(sites, table, runs, rounds)
    for site in sites:
        print(f"Measuring {site.scale}× once...", flush=True)
        for part in (*(part for part in ONCE if part in parts), "database"):
            for view, who, value in site.ask(do=part):
                table.record(view, who, site.scale, value)
    cores = os.cpu_count()
    built = ", ".join(f"{scale}×: {seconds:.0f} s" for scale, seconds in builds.items())
    text = (
        f"Measured {time.strftime('%Y-%m-%d')} on {cores} cores (shared): one process per "
        f"scale, each on its own copy of the database, with Django's test client (production "
        f"settings, PostgreSQL, Redis), asked in alternation view by view ({rounds} passes "
        f"of {runs} requests, forwards and backwards); queries of a warm request (q = SQL "
        f"queries) and the median of every pass's requests; a first read follows a change "
        f"in another language (an English publish), a row 'after a change it counts' a "
        f"change of everything; the last columns are the {scales[-1]}× median over each "
        f"smaller scale's (read again / first read for reader pages; the bar: at most {FLAT} "
        f"over 1×). Growing the content took "
        f"{built or 'nothing'}; the whole bench {time.monotonic() - started:.0f} s.\n\n"
        + table.markdown()
    )
    print(text)
    if os.environ.get("WRITE_DOC", "1") == "1":
        write_between_markers(DOC, BEGIN, END, text)


if __name__ == "__main__":
    main()
