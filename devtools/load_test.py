"""Load test with publishing: readers on every page while a communicator publishes.

Run by ``scripts/load-test.sh`` (``make load-test``) against gunicorn and ``db_worker`` on
PostgreSQL and Redis, loopback only. ``READERS`` threads (at most 200) request random public
URLs (every live page in every language, feeds, calendars, search) for ``DURATION`` seconds
(at most 600), while a communicator publishes a Swedish page every ``PUBLISH_EVERY`` seconds
through Wagtail's own publish (the same call the admin makes), which queues the machine
translation drafts that the worker makes. After each publish it reads the page again, as a
reader, until the change shows (behind Varnish: once the purge has reached it). Prints
requests, errors, latency percentiles, how long a change took to show, and drafts made, and
exits non-zero when any reader request failed, a publish failed, or a change did not show
within ``VISIBLE_WITHIN`` seconds (30).
"""

import multiprocessing
import os
import random
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

import django

MAX_DURATION = 600
MAX_READERS = 200


def main() -> int:
    base = os.environ.get("LOAD_BASE_URL", "http://127.0.0.1:8180")
    if urlsplit(base).hostname not in {"127.0.0.1", "localhost", "::1"}:
        print("The load test runs against loopback only.", file=sys.stderr)
        return 2
    duration = min(float(os.environ.get("DURATION", "120")), MAX_DURATION)
    readers = min(int(os.environ.get("READERS", "50")), MAX_READERS)
    publish_every = float(os.environ.get("PUBLISH_EVERY", "10"))

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.utils import timezone

    from wagtail.models import Page

    import requests

    from international.models import NewsPage
    from translation.models import DraftStatus

    urls = set()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        if not url:
            continue
        urls.add(url)
        kind = type(page).__name__
        if kind == "NewsIndexPage":
            urls |= {f"{url}rss/", f"{url}atom/"}
        if kind == "OpportunityIndexPage":
            urls.add(f"{url}kalender/")
    for code in ("sv", "en", "ar", "fa", "so", "ti", "uk", "pl", "fi"):
        urls |= {f"/{code}/sok/?q=utbyte", f"/{code}/sok/?q=projekt"}
    urls |= {"/sitemap.xml", "/robots.txt"}
    urls = sorted(urls)

    headers = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
    results: list[tuple[float, float, int]] = []  # (start, seconds, status; 0: no answer)
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def reader(seed: int):
        rng = random.Random(seed)  # noqa: S311 - picking pages, not secrets
        session = requests.Session()
        local = []
        while time.monotonic() < stop_at:
            url = rng.choice(urls)
            started = time.monotonic()
            try:
                status = session.get(base + url, headers=headers, timeout=30).status_code
            except requests.RequestException:
                status = 0
            local.append((started, time.monotonic() - started, status))
        with lock:
            results.extend(local)

    publishes: list[tuple[float, float]] = []
    publish_errors: list[str] = []
    visible_after: list[float] = []  # seconds from the end of a publish until a reader saw it
    visible_within = float(os.environ.get("VISIBLE_WITHIN", "30"))

    def seen_after(url: str, text: str, since: float) -> float | None:
        session = requests.Session()
        while time.monotonic() - since <= visible_within:
            try:
                if text in session.get(base + url, headers=headers, timeout=30).text:
                    return time.monotonic() - since
            except requests.RequestException:
                pass
            time.sleep(0.05)
        return None

    started_at = timezone.now()

    def communicator():
        user = get_user_model().objects.get(username="kommunikator")
        news = list(NewsPage.objects.live().filter(locale__language_code="sv"))
        number = 0
        while time.monotonic() + publish_every < stop_at:
            time.sleep(publish_every)
            number += 1
            page = news[number % len(news)].specific
            marker = f"[uppdatering {number}]"
            page.lead = f"{page.lead.split(' [')[0]} {marker}"
            begun = time.monotonic()
            try:
                page.save_revision(user=user).publish(user=user)
            except Exception as error:  # noqa: BLE001 - reported and counted as a failure
                publish_errors.append(repr(error))
                continue
            published = time.monotonic()
            publishes.append((begun, published - begun))
            seen = seen_after(page.get_url(), marker, published)
            if seen is None:
                publish_errors.append(
                    f"{page.get_url()}: {marker} not shown after {visible_within} s"
                )
            else:
                visible_after.append(seen)

    def all_readers(connection):
        threads = [threading.Thread(target=reader, args=(n,)) for n in range(readers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        connection.send(results)
        connection.close()

    print(f"{len(urls)} URLs, {readers} readers, {duration:.0f} s, publish every {publish_every} s")
    # The readers run in a process of their own: in this one, fifty threads would hold the
    # interpreter lock and slow the communicator's publish and its check as a reader.
    connections.close_all()  # the child must not share the database connection
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    reader_process = context.Process(target=all_readers, args=(sending,))
    reader_process.start()
    publisher = threading.Thread(target=communicator)
    publisher.start()
    publisher.join()
    results = receiving.recv()
    reader_process.join()
    time.sleep(float(os.environ.get("DRAIN_SECONDS", "20")))  # let the worker finish drafts

    latencies = sorted(seconds for _start, seconds, _status in results)
    errors = [status for _start, _seconds, status in results if status == 0 or status >= 500]
    not_found = sum(1 for *_rest, status in results if status == 404)

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    during = [
        seconds
        for start, seconds, _status in results
        if any(begun <= start <= begun + took for begun, took in publishes)
    ]
    drafts = DraftStatus.objects.filter(status=DraftStatus.MADE, updated_at__gte=started_at).count()
    print(f"requests: {len(results)} ({len(results) / duration:.1f}/s)")
    print(f"errors (5xx or no answer): {len(errors)}; 404: {not_found}")
    print(
        f"latency ms: p50 {percentile(0.50):.0f}, p95 {percentile(0.95):.0f}, "
        f"p99 {percentile(0.99):.0f}, max {latencies[-1] * 1000:.0f}, "
        f"mean {statistics.mean(latencies) * 1000:.0f}"
    )
    if during:
        during.sort()
        print(
            f"requests started during a publish: {len(during)}, "
            f"p95 {during[int(0.95 * (len(during) - 1))] * 1000:.0f} ms"
        )
    took = [seconds for _begun, seconds in publishes]
    if took:
        print(f"publishes: {len(took)}, each {min(took):.2f}-{max(took):.2f} s")
    if visible_after:
        print(
            f"a published change showed to a reader after {min(visible_after):.2f}-"
            f"{max(visible_after):.2f} s (median {statistics.median(visible_after):.2f} s)"
        )
    print(f"drafts made: {drafts}")
    for error in publish_errors:
        print(f"publish failed: {error}")
    return 1 if errors or publish_errors else 0


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    sys.exit(main())
