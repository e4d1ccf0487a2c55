"""Wagtail's bakerydemo served and measured beside the portal in ``make bench-site``.

Issue 13 asks for at least twice bakerydemo's uncached throughput per page type on the same
machine. ``--bakerydemo DIR`` (``make bench-site BAKERYDEMO=DIR``) points at a prepared
bakerydemo (``DIR/manage.py``, its virtualenv in ``DIR/.venv`` with gunicorn, its database
loaded): the benchmark counts its queries with its own interpreter
(``devtools/bench/bakerydemo_probe.py``), serves it with its gunicorn (2 sync workers) on a port of
its own and loads each of its pages with ``wrk`` right after the paired portal page, so that
both see the same machine. How to prepare DIR: docs/hosting.md.
"""

import json
import os
import subprocess
from pathlib import Path

PROBE = Path(__file__).resolve().parent / "bakerydemo_probe.py"
# Portal page type -> bakerydemo's equivalent: issue 13's five, and issue 24's project (a
# detail page of structured fields with an image: bakerydemo's location) and sitemap.
PAIRS = {
    "home": "home",
    "news index": "blog index",
    "news item": "blog post",
    "opportunity": "bread",
    "project": "location",
    "search": "search",
    "sitemap": "sitemap",
}
# Variables of the portal's run that must not reach bakerydemo's process.
PORTAL_ONLY = ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH", "VIRTUAL_ENV", "REDIS_URL")


class Bakerydemo:
    def __init__(self, directory: Path, port: int, settings: str = "bakerydemo.settings"):
        self.directory = directory.resolve()
        self.port = port
        self.python = self.directory / ".venv" / "bin" / "python"
        if not (self.directory / "manage.py").exists() or not self.python.exists():
            raise SystemExit(
                f"{self.directory} is not a prepared bakerydemo: manage.py and .venv/bin/python "
                "are needed (docs/hosting.md, 'Compared with bakerydemo')"
            )
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in PORTAL_ONLY},
            "DJANGO_SETTINGS_MODULE": settings,
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "PYTHONPATH": str(self.directory),
        }
        self.pages: dict = {}
        self.process = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def probe(self) -> dict:
        """Paths and queries of bakerydemo's paired pages, by portal page type."""
        output = subprocess.run(  # noqa: S603 - bakerydemo's interpreter, our own script
            [str(self.python), str(PROBE)],
            cwd=self.directory,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if output.returncode != 0:
            raise SystemExit(f"bakerydemo's query count failed:\n{output.stderr[-2000:]}")
        self.pages = json.loads(output.stdout.strip().splitlines()[-1])
        return self.pages

    def url(self, name: str) -> str | None:
        path = self.pages.get(name, {}).get("path")
        return f"{self.base_url}{path}" if path else None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - bakerydemo's own gunicorn
            [
                str(self.python),
                "-m",
                "gunicorn",
                "bakerydemo.wsgi",
                "--workers=2",
                "--worker-class=sync",
                f"--bind=127.0.0.1:{self.port}",
                "--log-level=warning",
            ],
            cwd=self.directory,
            env=self.env,
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)


def ratio(ours: float, theirs: float) -> str:
    """Ours over bakerydemo's requests per second, as the issue's target reads (2× or more)."""
    return f"{ours / theirs:.1f}×" if theirs else "–"


def comparison_table(bakerydemo_pages: dict, measured: dict, ours: dict, languages) -> str:
    """One row per paired page type: bakerydemo's queries and uncached rate beside ours."""

    def ms(value):
        return f"{value:.1f}" if value is not None else "–"

    ratios = " | ".join(f"ours/bakerydemo {code}" for code in languages)
    lines = [
        "| page type | bakerydemo page | bakerydemo queries | req/s | p50 ms | p99 ms "
        f"| {ratios} |",
        "|---|---|---:|---:|---:|---:|---:|" + "---:|" * (len(languages) - 1),
    ]
    for name, theirs_name in PAIRS.items():
        page = bakerydemo_pages.get(name, {})
        result = measured.get(name)
        if result is None:
            rps, p50, p99 = 0.0, None, None
        else:
            rps, p50, p99 = result["rps"], result["p50"], result["p99"]
        # A page of no language (the sitemap) is measured once, in the first language.
        cells = " | ".join(
            ratio(ours[code, name]["rps"], rps) if (code, name) in ours else "–"
            for code in languages
        )
        lines.append(
            f"| {name} ↔ {theirs_name} | `{page.get('path') or '–'}` | "
            f"{page.get('queries') if page.get('queries') is not None else '–'} | {rps:.0f} "
            f"| {ms(p50)} | {ms(p99)} | {cells} |"
        )
    return "\n".join(lines)
