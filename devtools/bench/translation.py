"""``make bench``: machine-translating a 200-segment page against the local DeepL server.

Runs in a throwaway in-memory SQLite database with the test settings (immediate task
backend), starts the local DeepL-compatible server on an ephemeral port, publishes a
Swedish page of 200 segments (title + 199 paragraphs), then edits one paragraph and
publishes again. Prints, per run: requests to DeepL, texts sent, characters billed and
wall time of the whole job (all target locales).

    python -m devtools.bench.translation [--paragraphs 199]
"""

import argparse
import os
import time


def _setup():
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ["DATABASE_URL"] = "sqlite:////tmp/portal-bench.sqlite3"
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)


def _paragraphs(count: int, edited: int | None = None) -> str:
    return "".join(
        (
            f"<p>Stycke {n}: ändrad text om vänorterna och <b>Europa Direkt</b>.</p>"
            if n == edited
            else f"<p>Stycke {n}: Kommunen arbetar med <b>internationella</b> frågor, "
            f"vänorter och utbyten för unga i Europa.</p>"
        )
        for n in range(1, count + 1)
    )


def _measure(server, action) -> dict:
    before = len(server.translate_requests())
    started = time.perf_counter()
    action()
    wall = time.perf_counter() - started
    requests = server.translate_requests()[before:]
    return {
        "requests": len(requests),
        "locales": len({r["target_lang"] for r in requests}),
        "texts": sum(r["texts"] for r in requests),
        "billed": sum(r["billed"] for r in requests),
        "max_texts": max((r["texts"] for r in requests), default=0),
        "max_bytes": max((r["bytes"] for r in requests), default=0),
        "wall": wall,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=199)
    args = parser.parse_args(argv)
    _setup()

    from django.conf import settings

    from wagtail.models import Locale, Page

    from devtools.deepl_server import LocalDeepLServer
    from home.models import HomePage

    server = LocalDeepLServer("127.0.0.1", 0).start()
    settings.DEEPL_AUTH_KEY = "bench"
    settings.DEEPL_SERVER_URL = server.url
    settings.TRANSLATION_AUTO_DRAFTS = True
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    page = root.add_child(
        instance=HomePage(
            title="Internationellt arbete",
            slug="bench",
            locale=Locale.objects.get(language_code="sv"),
            body=_paragraphs(args.paragraphs),
            live=False,
        )
    )
    segments = args.paragraphs + 1

    first = _measure(server, lambda: page.save_revision().publish())

    def edit():
        fresh = HomePage.objects.get(pk=page.pk)
        fresh.body = _paragraphs(args.paragraphs, edited=args.paragraphs // 2)
        fresh.save_revision().publish()

    second = _measure(server, edit)
    server.stop()

    print(f"Page of {segments} segments, {first['locales']} DeepL locales (+ so, ti: no MT)")
    print("| run | requests | texts sent | characters billed | largest request | wall time |")
    print("|---|---|---|---|---|---|")
    for label, run in (("first publish", first), ("one paragraph edited", second)):
        print(
            f"| {label} | {run['requests']} | {run['texts']} | {run['billed']} | "
            f"{run['max_texts']} texts, {run['max_bytes'] / 1024:.1f} KiB | {run['wall']:.1f} s |"
        )


if __name__ == "__main__":
    main()
