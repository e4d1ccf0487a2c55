"""``python -m devtools.bench.scale_memory web|worker PATH``: the peak memory (KiB) of a
fresh process doing a web process's or a worker's work on the bench database.

Started by ``devtools/bench/scale.py`` with its environment (production settings, the bench
database, Redis). ``web``: every reader page of ``bench.scale.PAGES`` in sv, ar and ti and
the admin views of the bench's people, each served twice through Django's test client, as a
gunicorn worker serves them. ``worker``: the drafts of the Swedish page at ``PATH`` in every
language and 20 Finnish drafts that the backfill would make, as the task worker makes them
(against the local engine stand-ins). The last
line printed is the peak resident memory in KiB: ``VmHWM`` of ``/proc/self/status`` (this
process's own; ``ru_maxrss`` would report the parent's peak, which a child keeps across
``fork`` and ``exec`` on Linux).
"""

import sys
from pathlib import Path


def web() -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from devtools.bench.scale import LANGUAGES, PAGES

    reader = Client(HTTP_HOST="127.0.0.1")
    for _round in range(2):
        for path in PAGES.values():
            for code in LANGUAGES:
                reader.get(f"/{code}/{path}", secure=True)
    for user in get_user_model().objects.filter(username__startswith="bench-"):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        for name in ("review:queue", "followup_coverage", "translation_usage"):
            client.get(reverse(name), secure=True)


def worker(path: str) -> None:
    from devtools.bench.scale import BACKFILL_PAGES, swedish
    from devtools.demo.states import local_machine_translation
    from translation import estimates, pipeline

    (finnish,) = pipeline.target_locales(["fi"])
    with local_machine_translation():
        session = pipeline.Session()
        pipeline.translate_page(swedish(path).pk)
        done = 0
        for page in estimates.source_pages().specific().iterator(chunk_size=100):
            if done == BACKFILL_PAGES:
                break
            if pipeline.needs_work(page, finnish, session):
                pipeline.translate_into(page, finnish, session)
                done += 1


def main() -> None:
    import django

    django.setup()
    role = sys.argv[1]
    if role == "web":
        web()
    else:
        worker(sys.argv[2])
    status = Path("/proc/self/status").read_text()
    (line,) = (line for line in status.splitlines() if line.startswith("VmHWM:"))
    print(line.split()[1])


if __name__ == "__main__":
    main()
