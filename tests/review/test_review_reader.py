"""What readers see: the machine-translation notice, and reporting a problem."""

import datetime
from urllib.parse import urlencode

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale
from wagtail_localize.models import StringSegment

import pytest
import time_machine

from devtools.builders import edit_string, translate
from review import report_guard
from review.models import ReaderReport
from review.states import approve, review_state
from tests.review.review_helpers import run_on_commit, translation_for
from translation.models import LanguageSettings

NOTICE_MSGID = "Den här sidan är maskinöversatt. Ingen person har granskat översättningen ännu."


def arabic(msgid):
    """What an Arabic reader sees for an interface string."""
    with translation.override("ar"):
        return translation.gettext(msgid)


def notice_of(html):
    """Whether the machine-translation notice is on the page, in Arabic or in Swedish."""
    return arabic(NOTICE_MSGID) in html or NOTICE_MSGID in html


@pytest.fixture
def later(tree):
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=True):
        yield


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()


@pytest.fixture
def published_machine(tree, later):
    LanguageSettings.objects.create(
        locale=Locale.objects.get(language_code="ar"), allow_unreviewed_machine_text=True
    )
    return translate(tree["page"], "ar", publish=True)


def test_notice_on_unreviewed_machine_page(client, tree, published_machine):
    response = client.get(published_machine.url)
    assert response.status_code == 200
    html = response.content.decode()
    # The notice is in the reader's language (Arabic has a translation of it).
    assert arabic(NOTICE_MSGID) != NOTICE_MSGID
    assert arabic(NOTICE_MSGID) in html
    assert 'class="translation-notice" role="note" lang="ar" dir="rtl"' in html
    assert f'href="{tree["page"].url}" hreflang="sv"' in html
    assert reverse("report_translation", args=[published_machine.pk]) in html
    assert not response.cookies


def test_notice_disappears_after_approval(client, users, tree, published_machine):
    approve(review_state(tree["page"], published_machine.locale), users["ar"])
    html = client.get(published_machine.url).content.decode()
    assert not notice_of(html)
    # A reviewed translation still offers the report link.
    assert reverse("report_translation", args=[published_machine.pk]) in html


def test_notice_reads_a_stored_flag_not_the_review_state(client, users, tree, published_machine):
    """The notice costs one query of its own, however many strings the page has."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from review.models import ReaderNotice

    assert ReaderNotice.objects.get(page=published_machine).machine_text  # stored on publish
    with CaptureQueriesContext(connection) as queries:
        html = client.get(published_machine.url).content.decode()
    assert notice_of(html)
    # No review-state computation: the only query that reads wagtail-localize's tables is
    # the one for the latest machine string's engine and date (translation.provenance).
    localize = [q["sql"] for q in queries.captured_queries if "wagtail_localize_" in q["sql"]]
    assert len(localize) <= 1
    assert all("translation_machineprovenance" in sql for sql in localize)
    assert sum("review_readernotice" in query["sql"] for query in queries.captured_queries) == 1


def test_notice_follows_publish_not_unpublished_edits(client, users, tree, published_machine):
    # The translator corrects a string but has not published it: readers still read the
    # machine text, so the notice stays (it used to vanish at once).
    edit_string(published_machine, "نص صححه المترجم", users["ar"])
    assert review_state(tree["page"], published_machine.locale).state.value == "in_review"
    assert notice_of(client.get(published_machine.url).content.decode())
    # Approval of text readers do not see yet does not clear it either.
    approve(review_state(tree["page"], published_machine.locale), users["ar"])
    assert notice_of(client.get(published_machine.url).content.decode())
    # Published: the approved text is live, the notice goes.
    with run_on_commit():
        translation_for(published_machine).save_target(user=users["ar"], publish=True)
    assert not notice_of(client.get(published_machine.url).content.decode())


def test_no_notice_on_human_translation_or_swedish(client, tree, later):
    target = translate(tree["page"], "ar", kind="manual", publish=True)
    assert not notice_of(client.get(target.url).content.decode())
    swedish = client.get(tree["page"].url).content.decode()
    assert not notice_of(swedish)
    assert "rapportera-oversattning" not in swedish


def test_policy_refuses_publishing_unreviewed_machine_text(
    client, users, tree, later, django_capture_on_commit_callbacks
):
    target = translate(tree["page"], "ar")
    client.force_login(users["ar"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    response = client.post(edit_url, {"action": "publish"}, follow=True)
    assert "ingen har godkänt" in response.content.decode()
    target.refresh_from_db()
    assert not target.live

    client.post(reverse("review:approve", args=[target.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, {"action": "publish"})
    target.refresh_from_db()
    assert target.live
    assert not notice_of(Client().get(target.url).content.decode())


def test_policy_allows_when_coordinator_says_so(
    client, users, tree, later, django_capture_on_commit_callbacks
):
    target = translate(tree["page"], "ar")
    client.force_login(users["samordnare"])
    response = client.post(
        reverse("wagtailsnippets_translation_languagesettings:add"),
        {
            "locale": Locale.objects.get(language_code="ar").pk,
            "allow_unreviewed_machine_text": "on",
            # The rest of the one language settings form, as it comes filled in.
            "machine_translation_enabled": "on",
            "engine": "deepl",
            "formality": "default",
        },
    )
    assert response.status_code == 302
    client.force_login(users["ar"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    target.refresh_from_db()
    assert target.live
    assert notice_of(Client().get(target.url).content.decode())


def test_translator_cannot_change_policy(client, users, tree):
    client.force_login(users["ar"])
    response = client.get(reverse("wagtailsnippets_translation_languagesettings:add"))
    assert response.status_code in (302, 403)
    assert not LanguageSettings.objects.exists()


# Reports -----------------------------------------------------------------------------------


def report_url(page):
    return f"/{page.locale.language_code}/rapportera-oversattning/{page.pk}/"


ORIGIN = {"Origin": "http://testserver"}


def report(reader, page, **fields):
    """Post a report the way the form does: its signed token and this site's Origin."""
    data = {"part": "title", "token": report_guard.form_token(page.pk), **fields}
    return reader.post(report_url(page), data, headers=ORIGIN)


def test_report_lands_in_locale_queue(client, users, tree, published_machine):
    reader = Client(enforce_csrf_checks=True)
    url = report_url(published_machine)
    form = reader.get(url)
    assert form.status_code == 200
    assert not form.cookies
    html = form.content.decode()
    assert "---------" not in html
    assert 'name="part" value="body"' in html
    token = form.context["form"]["token"].value()
    assert f'value="{token}"' in html
    response = reader.post(
        url,
        {"part": "body", "problem": "Meningen om Europa är obegriplig.", "token": token},
        headers=ORIGIN,
    )
    assert response.status_code == 302
    confirmation = reader.get(response.url)
    assert arabic("Tack för din rapport") in confirmation.content.decode()
    report = ReaderReport.objects.get()
    assert (report.page_id, report.locale.language_code, report.contact) == (
        published_machine.pk,
        "ar",
        "",
    )
    assert not reader.cookies

    client.force_login(users["ar"])
    assert (
        "Meningen om Europa är obegriplig." in client.get(reverse("review:queue")).content.decode()
    )
    client.force_login(users["uk"])
    assert "Meningen om Europa" not in client.get(reverse("review:queue")).content.decode()


@pytest.mark.parametrize(
    ("token", "headers", "status"),
    [
        (None, ORIGIN, 400),  # no token
        ("forged:token", ORIGIN, 400),
        ("other-page", ORIGIN, 400),
        ("expired", ORIGIN, 400),
        ("good", {}, 403),  # neither Origin nor Referer
        ("good", {"Origin": "https://evil.example"}, 403),
        ("good", {"Origin": "null"}, 403),
        ("good", {"Referer": "https://evil.example/sida/"}, 403),
    ],
)
def test_report_without_valid_token_or_origin_is_refused(
    tree, published_machine, token, headers, status
):
    reader = Client(enforce_csrf_checks=True)
    data = {"part": "body", "problem": "Fel"}
    if token == "good":
        data["token"] = report_guard.form_token(published_machine.pk)
    elif token == "other-page":
        data["token"] = report_guard.form_token(tree["page"].pk)
    elif token == "expired":
        with time_machine.travel(timezone.now() - datetime.timedelta(hours=7)):
            data["token"] = report_guard.form_token(published_machine.pk)
    elif token:
        data["token"] = token
    response = reader.post(report_url(published_machine), data, headers=headers)
    assert response.status_code == status
    assert not ReaderReport.objects.exists()
    assert not response.cookies
    if status == 400:
        assert arabic("Formuläret har gått ut. Skicka rapporten igen.") in response.content.decode()


def test_report_with_same_site_referer_and_no_origin_is_accepted(tree, published_machine):
    data = {
        "part": "body",
        "problem": "Fel",
        "token": report_guard.form_token(published_machine.pk),
    }
    response = Client().post(
        report_url(published_machine), data, headers={"Referer": "http://testserver/ar/"}
    )
    assert response.status_code == 302
    assert ReaderReport.objects.count() == 1


def test_report_form_errors_are_shown(client, published_machine):
    response = report(client, published_machine, part="nonsense", problem="")
    assert response.status_code == 400
    assert not ReaderReport.objects.exists()


def test_oversized_and_invalid_posts_are_not_echoed_and_count(client, published_machine):
    secret = "HEMLIG" * 400  # 2,400 characters: over the field's 2,000
    response = report(client, published_machine, problem=secret)
    assert response.status_code == 400
    assert "HEMLIGHEMLIG" not in response.content.decode()
    huge = "X" * 1_000_000
    response = report(client, published_machine, problem=huge)
    assert response.status_code == 413
    assert len(response.content) < 1000
    for _attempt in range(3):
        assert report(client, published_machine, problem="").status_code == 400
    # Five posts so far, none saved: the sixth is over the limit even though it is valid.
    assert report(client, published_machine, problem="Riktigt fel").status_code == 429
    assert not ReaderReport.objects.exists()


def test_invalid_post_keeps_what_the_reader_wrote(client, published_machine):
    response = report(client, published_machine, part="", problem="Min text", contact="a@b.se")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Min text" in html
    assert "a@b.se" in html


def test_report_rate_limit(client, published_machine):
    for number in range(5):
        response = report(client, published_machine, problem=f"Fel {number}")
        assert response.status_code == 302
    response = report(client, published_machine, problem="Ett till")
    assert response.status_code == 429
    assert (
        arabic("Du har skickat många rapporter på kort tid. Försök igen om en timme.")
        in response.content.decode()
    )
    assert ReaderReport.objects.count() == 5
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert report(other, published_machine, problem="Annan").status_code == 302


def test_report_rate_limit_uses_the_address_behind_trusted_proxies(published_machine, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"

    def reader(address, forged=""):
        chain = f"{forged}, {address}" if forged else address
        return Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=chain)

    for number in range(5):
        assert (
            report(reader("198.51.100.7"), published_machine, problem=f"{number}").status_code
            == 302
        )
    # The same reader forging an earlier X-Forwarded-For entry is still the same reader.
    limited = report(reader("198.51.100.7", forged="203.0.113.99"), published_machine, problem="x")
    assert limited.status_code == 429
    # Another reader behind the same proxy has a limit of their own.
    assert report(reader("198.51.100.8"), published_machine, problem="y").status_code == 302


def test_report_rate_limit_counts_readers_behind_varnish(published_machine, settings):
    """Behind Varnish every request comes from the proxy's address; the reader's address is
    the one Varnish appended to X-Forwarded-For, and a forged left part changes nothing."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    reader = Client(**proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    for number in range(5):
        assert report(reader, published_machine, problem=f"Fel {number}").status_code == 302
    forged = Client(**proxy, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7")
    assert report(forged, published_machine, problem="Igen").status_code == 429
    other = Client(**proxy, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert report(other, published_machine, problem="Annan").status_code == 302


def test_report_rate_limit_resets_after_an_hour(client, published_machine):
    for number in range(6):
        report(client, published_machine, problem=f"Fel {number}")
    assert ReaderReport.objects.count() == 5
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        assert report(client, published_machine, problem="Nästa timme").status_code == 302
    assert ReaderReport.objects.count() == 6


def test_report_form_answers_head_and_options_without_cookies(published_machine):
    reader = Client()
    url = report_url(published_machine)
    assert reader.head(url).status_code == 200
    options = reader.options(url)
    assert options.status_code == 200
    assert "HEAD" in options["Allow"]
    assert reader.generic("TRACE", url).status_code == 405
    assert reader.put(url).status_code == 405
    assert not reader.cookies


def test_report_form_never_goes_into_the_http_cache(published_machine):
    # The form carries its own signed, timestamped token instead of a CSRF cookie: a cached
    # copy would hand every reader the same token, so neither the form nor a post is stored
    # by Varnish or a CDN, and neither sets a cookie.
    reader = Client()
    url = report_url(published_machine)
    form = reader.get(url)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"] and "public" not in form["Cache-Control"]
    assert not form.cookies and not form.has_header("Set-Cookie")
    posted = report(reader, published_machine, problem="Fel ord")
    assert posted.status_code == 302
    assert "no-store" in posted["Cache-Control"] and "public" not in posted["Cache-Control"]
    assert not posted.cookies
    assert not reader.cookies


@pytest.mark.parametrize(
    "path",
    [
        "/sv/rapportera-oversattning/{sv}/",
        "/en/rapportera-oversattning/{ar}/",
        "/ar/rapportera-oversattning/999999/",
    ],
)
def test_report_url_for_wrong_page_is_404(client, tree, published_machine, path):
    url = path.format(sv=tree["page"].pk, ar=published_machine.pk)
    assert client.get(url).status_code == 404


def test_normal_pages_set_no_cookies(tree, published_machine):
    reader = Client()
    for url in (published_machine.url, tree["page"].url, "/sv/"):
        response = reader.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url


def test_arabic_translator_flow_end_to_end(
    client, users, tree, later, django_capture_on_commit_callbacks
):
    """The issue's "done when": correct a machine draft, approve, publish, no notice."""

    target = translate(tree["page"], "ar")
    client.force_login(users["ar"])
    queue = client.get(reverse("review:queue")).content.decode()
    assert 'id="state-machine_draft"' in queue
    assert 'data-locale="uk"' not in queue

    translation = translation_for(target)
    segment = StringSegment.objects.get(source=translation.source, context__path="intro")
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": "تتعاون البلدية مع مدن في أوروبا."}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert client.post(reverse("review:approve", args=[target.pk])).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    target.refresh_from_db()
    assert target.live
    public = Client().get(target.url).content.decode()
    assert "تتعاون البلدية مع مدن في أوروبا." in public
    assert not notice_of(public)
    # The Swedish page stays out of reach.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[tree["page"].pk])).status_code in (
        302,
        403,
    )


def test_policy_refuses_bulk_publish(
    client, users, tree, later, django_capture_on_commit_callbacks
):
    target = translate(tree["page"], "ar")
    client.force_login(users["ar"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url}?id={target.pk}&next=/admin/", follow=True)
    assert "ingen har godkänt" in response.content.decode()
    target.refresh_from_db()
    assert not target.live
