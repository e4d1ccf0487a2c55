"""A purge that fails is retried through the task queue, never shown as a failed publish.

A stand-in on loopback plays Varnish, Cloudflare's API and CloudFront's API; it answers with
an error while ``down`` and records every purge it accepted. The retries are queued in
django-tasks-db, as in production, and run by the worker of django-tasks-db.
"""

import datetime
import json
import logging
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.messages import constants as message_levels
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale
from wagtail.test.utils.form_data import querydict_from_html

import pytest
import time_machine
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from devtools import builders
from devtools.builders import publish_human_translation
from operations.purge import purge_after_commit, purge_task
from operations.purge_backends import PurgeFailed, purge_with

ZONE = "zone123"
DISTRIBUTION = "E2EXAMPLE"
INVALIDATION = (
    '<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">'
    "<Id>I1</Id><Status>InProgress</Status><CreateTime>2026-11-30T12:00:00Z</CreateTime>"
    "</Invalidation>"
)
TOO_MANY = (
    '<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">'
    "<Error><Type>Sender</Type><Code>TooManyInvalidationsInProgress</Code>"
    "<Message>Too many invalidations in progress</Message></Error><RequestId>r1</RequestId>"
    "</ErrorResponse>"
)


class CacheStandIn(ThreadingHTTPServer):
    """Varnish (PURGE), Cloudflare (POST .../purge_cache) and CloudFront (POST
    .../invalidation) on one loopback port."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.down = False
        self.refused = 0
        self.purged = []  # (kind, what): ("varnish", "host/path"), ("cloudflare", payload), ...

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def purged_by(self, kind: str) -> list:
        return [what for purged_kind, what in self.purged if purged_kind == kind]


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _answer(self, status: int, body: str, content_type: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PURGE(self):
        if self.server.down:
            self.server.refused += 1
            self._answer(503, "Backend fetch failed", "text/plain")
            return
        self.server.purged.append(("varnish", self.headers["Host"] + self.path))
        self._answer(200, "Purged", "text/plain")

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        if self.path.endswith(f"/zones/{ZONE}/purge_cache"):
            if self.server.down:
                self.server.refused += 1
                answer = {"success": False, "errors": [{"code": 10000, "message": "Overloaded"}]}
                self._answer(503, json.dumps(answer), "application/json")
                return
            assert self.headers["Authorization"] == "Bearer token-for-tests"
            self.server.purged.append(("cloudflare", json.loads(body)))
            self._answer(200, json.dumps({"success": True, "errors": []}), "application/json")
        elif self.path.endswith(f"/distribution/{DISTRIBUTION}/invalidation"):
            if self.server.down:
                self.server.refused += 1
                self._answer(400, TOO_MANY, "text/xml")
                return
            self.server.purged.append(("cloudfront", re.findall(r"<Path>(.*?)</Path>", body)))
            self._answer(201, INVALIDATION, "text/xml")
        else:
            self._answer(404, "", "text/plain")


@pytest.fixture
def stand_in():
    server = CacheStandIn()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def varnish_at(url):
    return {"BACKEND": "operations.purge_backends.VarnishBackend", "LOCATION": url}


def cloudflare_at(url):
    return {
        "BACKEND": "operations.purge_backends.CloudflareBackend",
        "API_URL": f"{url}/client/v4",
        "BEARER_TOKEN": "token-for-tests",
        "ZONEID": ZONE,
    }


def cloudfront_at(url):
    return {
        "BACKEND": "operations.purge_backends.CloudfrontBackend",
        "ENDPOINT_URL": url,
        "DISTRIBUTION_ID": DISTRIBUTION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PURGE_RETRY_DELAY_SECONDS = 30
    settings.PURGE_MAX_ATTEMPTS = 3


@pytest.fixture
def news(home_pages):
    index = builders.NewsIndexPageFactory(parent=home_pages["sv"], title="Nyheter", slug="nyheter")
    item = builders.NewsPageFactory(parent=index, title="Utbyte i Morąg", slug="utbyte")
    arabic = Locale.objects.get(language_code="ar")
    publish_human_translation(index, arabic, {})
    publish_human_translation(item, arabic, {})
    return item


def queued_purges():
    return DBTaskResult.objects.filter(task_path=purge_task.module_path, status="READY")


def run_due_tasks(at: datetime.datetime) -> None:
    """What a db_worker does at ``at``: take every task due by then and run it. (The
    worker's own loop also recycles the database connection, which would close the test's
    transaction.)"""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    with time_machine.travel(at, tick=False):
        while (due := DBTaskResult.objects.ready().get_locked()) is not None:
            due.claim(worker.worker_id)
            worker.run_task(due)


def publish_in_admin(client, page, title, capture):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = title
    data["body-count"] = "0"  # the factory's news item has no body; the editor's JS sends this
    data["action-publish"] = "action-publish"
    with capture(execute=True):
        response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return list(response.context["messages"])


@pytest.mark.django_db
class TestRetriedThroughTheQueue:
    def test_varnish_down_at_publish_is_purged_by_the_queued_retry(
        self,
        admin_client,
        news,
        stand_in,
        database_tasks,
        settings,
        caplog,
        django_capture_on_commit_callbacks,
    ):
        settings.WAGTAILFRONTENDCACHE = {"varnish": varnish_at(stand_in.url)}
        stand_in.down = True
        before = timezone.now()
        with caplog.at_level(logging.WARNING, logger="operations.purge"):
            shown = publish_in_admin(
                admin_client, news, "Utbytet blev av", django_capture_on_commit_callbacks
            )

        # The communicator sees a publish like any other.
        news.refresh_from_db()
        assert news.title == "Utbytet blev av" and news.live
        assert shown and all(message.level == message_levels.SUCCESS for message in shown)
        assert stand_in.refused == 1  # the first failure gave up the rest, untried
        assert any("failed (attempt 1 of 3)" in r.getMessage() for r in caplog.records)

        retry = queued_purges().get()
        assert retry.run_after >= before + datetime.timedelta(seconds=30)
        urls, whole_site, attempt, backend = retry.args_kwargs["args"]
        assert (whole_site, attempt, backend) == (False, 2, "varnish")
        assert any(url.endswith("/sv/nyheter/utbyte/") for url in urls)
        assert any(url.endswith("/ar/nyheter/") for url in urls)

        # Not before its time.
        run_due_tasks(timezone.now() + datetime.timedelta(seconds=5))
        assert stand_in.purged == [] and queued_purges().count() == 1

        stand_in.down = False
        run_due_tasks(retry.run_after + datetime.timedelta(seconds=1))
        purged = stand_in.purged_by("varnish")
        assert sorted(purged) == sorted(url.split("://", 1)[1] for url in urls)
        assert not queued_purges().exists()
        retry.refresh_from_db()
        assert retry.status == "SUCCESSFUL"
        assert retry.return_value["failed"] == []

    def test_a_cache_that_stays_down_is_given_up_after_the_last_attempt(
        self, news, stand_in, database_tasks, settings, caplog, django_capture_on_commit_callbacks
    ):
        settings.WAGTAILFRONTENDCACHE = {"varnish": varnish_at(stand_in.url)}
        stand_in.down = True
        with caplog.at_level(logging.WARNING, logger="operations.purge"):
            with django_capture_on_commit_callbacks(execute=True):
                news.save_revision().publish()
            second = queued_purges().get()
            run_due_tasks(second.run_after)
            third = queued_purges().get()
            # The delay doubles: 30 s after the first attempt, 60 s after the second.
            assert third.run_after - second.run_after == datetime.timedelta(seconds=60)
            assert third.args_kwargs["args"][2] == 3
            run_due_tasks(third.run_after)

        assert not queued_purges().exists()
        assert stand_in.purged == []
        messages = [(r.levelno, r.getMessage()) for r in caplog.records]
        assert sum("failed (attempt" in message for _level, message in messages) == 2
        gave_up = [m for level, m in messages if level == logging.ERROR and "Gave up" in m]
        assert len(gave_up) == 1
        assert "from varnish after 3 attempts" in gave_up[0]
        assert "/sv/nyheter/utbyte/" in gave_up[0]

    def test_only_the_cache_that_failed_is_tried_again(
        self, news, stand_in, database_tasks, settings, django_capture_on_commit_callbacks
    ):
        down = CacheStandIn()  # never served: every connection is refused
        down.server_close()
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": varnish_at(down.url),
            "cloudflare": cloudflare_at(stand_in.url),
        }
        with django_capture_on_commit_callbacks(execute=True):
            news.save_revision().publish()
        assert len(stand_in.purged_by("cloudflare")) == 1
        retry = queued_purges().get()
        assert retry.args_kwargs["args"][3] == "varnish"


@pytest.mark.django_db
class TestContentDeliveryNetworks:
    @pytest.mark.parametrize("make_backend", [cloudflare_at, cloudfront_at])
    def test_a_failed_cdn_purge_is_retried_until_it_succeeds(
        self,
        make_backend,
        news,
        stand_in,
        database_tasks,
        settings,
        caplog,
        django_capture_on_commit_callbacks,
    ):
        settings.WAGTAILFRONTENDCACHE = {"cdn": make_backend(stand_in.url)}
        stand_in.down = True
        news.title = "Utbytet blev av"
        with (
            caplog.at_level(logging.WARNING, logger="operations.purge"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            news.save_revision().publish()
        assert stand_in.refused >= 1 and stand_in.purged == []
        assert any("from cdn failed (attempt 1 of 3)" in r.getMessage() for r in caplog.records)

        stand_in.down = False
        retry = queued_purges().get()
        run_due_tasks(retry.run_after)
        assert not queued_purges().exists()
        if make_backend is cloudflare_at:
            [payload] = stand_in.purged_by("cloudflare")
            assert any(url.endswith("/sv/nyheter/utbyte/") for url in payload["files"])
        else:
            [paths] = stand_in.purged_by("cloudfront")
            assert {"/sv/nyheter/utbyte/", "/ar/nyheter/utbyte/", "/sitemap.xml"} <= set(paths)

    def test_a_snippet_change_purges_everything_on_a_cdn(self, home_pages, stand_in, settings):
        settings.WAGTAILFRONTENDCACHE = {
            "cloudflare": cloudflare_at(stand_in.url),
            "cloudfront": cloudfront_at(stand_in.url),
        }
        from wagtail.contrib.frontend_cache.utils import get_backends

        for backend in get_backends().values():
            purge_with(backend, ["http://localhost/"], whole_site=True)
        assert stand_in.purged_by("cloudflare") == [{"purge_everything": True}]
        assert stand_in.purged_by("cloudfront") == [["/*"]]

    def test_a_backend_that_only_logs_its_failure_is_caught_too(self, stand_in, settings):
        # Wagtail's own HTTP backend logs a refused purge and returns as if it had worked.
        settings.WAGTAILFRONTENDCACHE = {
            "http": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": stand_in.url,
            }
        }
        from wagtail.contrib.frontend_cache.utils import get_backends

        backend = get_backends()["http"]
        stand_in.down = True
        with pytest.raises(PurgeFailed) as failure:
            purge_with(backend, ["http://localhost/sv/", "http://localhost/en/"])
        assert failure.value.urls == ["http://localhost/en/", "http://localhost/sv/"]
        assert "503" in failure.value.reason
        stand_in.down = False
        purge_with(backend, ["http://localhost/sv/"])
        assert stand_in.purged_by("varnish") == ["localhost/sv/"]


def test_without_a_cache_nothing_is_queued(db, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        purge_after_commit({"http://localhost/sv/"})
    assert not queued_purges().exists()
