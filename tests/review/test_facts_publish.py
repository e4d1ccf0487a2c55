"""The facts guard wired in (issue 22): recorded on every save, refusing the publish.

An Arabic draft whose machine text changed the deadline "31 mars 2027" or the phone
number "0380-51 80 00" may not go live, through Wagtail's admin API or wagtail-localize's
editor, until a translator of Arabic overrides the finding with a reason.
"""

from urllib.parse import urlencode

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

import pytest

from devtools.builders import add_child_page, translate
from review import fact_checks
from review.models import FactCheck, FactOverride
from tests.review.review_helpers import run_on_commit, translation_for
from translation.models import GlossaryTerm, GlossaryTermTranslation, LanguageSettings

SWEDISH = "Ansök senast 31 mars 2027. Ring 0380-51 80 00 om du har frågor."
ARABIC = "قدّم طلبك قبل 31 مارس 2027. اتصل على 0380-51 80 00 إذا كانت لديك أسئلة."
WRONG_DATE = ARABIC.replace("31 مارس", "30 مارس")
WRONG_PHONE = ARABIC.replace("80 00", "80 01")


@pytest.fixture
def page(tree):
    ar = Locale.objects.get(language_code="ar")
    # Machine text may go live in Arabic: only the facts stand in the way here.
    LanguageSettings.objects.create(locale=ar, allow_unreviewed_machine_text=True)
    return add_child_page(tree["home"], "Ansökan", "ansokan", intro=SWEDISH)


def intro_string(target) -> StringTranslation:
    return StringTranslation.objects.get(
        locale=target.locale, context__object_id=target.translation_key, context__path="intro"
    )


def arabic_draft(page, intro: str):
    """A machine draft in Arabic whose intro reads ``intro`` (the revision holds it too)."""
    target = translate(page, "ar", prefix="[ar] ")
    string = intro_string(target)
    string.data = intro
    string.save()
    with run_on_commit():
        translation_for(target).save_target(publish=False)
    return target


def api_publish(client, target):
    return client.post(
        f"/admin/api/main/pages/{target.pk}/action/publish/",
        data="{}",
        content_type="application/json",
    )


def editor_publish(client, target):
    """wagtail-localize's editor: its Publish posts action=publish to the edit view."""
    return client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})


def messages_of(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def is_live(target) -> bool:
    return Page.objects.get(pk=target.pk).live


def check_of(target) -> FactCheck:
    string = intro_string(target)
    return FactCheck.objects.get(
        locale=target.locale,
        context_id=string.context_id,
        string_id=string.translation_of_id,
        text_hash=fact_checks.text_hash(string.data),
    )


def test_every_save_records_the_findings_and_strings_without_facts_cost_nothing(page):
    target = arabic_draft(page, WRONG_DATE)
    findings = check_of(target).findings
    assert [(f["severity"], f["kind"], f["form"]) for f in findings] == [
        ("error", "date", "31 mars 2027")
    ]
    assert "30 مارس 2027" in findings[0]["found"]
    assert check_of(target).open_errors == 1
    # The title ("Ansökan") has no facts: no record at all.
    title = StringTranslation.objects.get(
        locale=target.locale, context__object_id=target.translation_key, context__path="title"
    )
    assert not FactCheck.objects.filter(context_id=title.context_id).exists()
    # A person's correction is checked on save too.
    string = intro_string(target)
    string.data = ARABIC
    string.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    string.save()
    assert check_of(target).findings == []


def test_a_failing_check_flags_the_string_and_the_save_goes_through(page, monkeypatch, caplog):
    target = arabic_draft(page, ARABIC)

    def broken(*args, **kwargs):
        raise RuntimeError("parser broke")

    monkeypatch.setattr("core.facts.guard._check", broken)
    string = intro_string(target)
    string.data = ARABIC + " "
    string.save()
    assert StringTranslation.objects.get(pk=string.pk).data == ARABIC + " "
    assert [f["code"] for f in check_of(target).findings] == ["check_failed"]
    # Even the recording itself failing never reaches the caller.
    monkeypatch.setattr("review.fact_checks.evaluate", broken)
    string.data = ARABIC + "  "
    string.save()
    assert StringTranslation.objects.get(pk=string.pk).data == ARABIC + "  "
    assert "facts check of string translation" in caplog.text


@pytest.mark.parametrize(
    ("intro", "fact"), [(WRONG_DATE, "31 mars 2027"), (WRONG_PHONE, "0380-51 80 00")]
)
def test_changed_fact_refuses_api_and_editor_publish(client, users, page, intro, fact):
    target = arabic_draft(page, intro)
    client.force_login(users["ar"])
    response = api_publish(client, target)
    assert response.status_code == 403
    assert not is_live(target)
    with run_on_commit():
        response = editor_publish(client, target)
    assert response.status_code == 302
    text = messages_of(response)
    assert "faktakontrollen" in text and "intro" in text and fact in text, text
    assert not is_live(target)


def test_correct_facts_publish(client, users, page):
    target = arabic_draft(page, ARABIC)
    client.force_login(users["ar"])
    assert api_publish(client, target).status_code == 200
    assert is_live(target)


def override(client, check, reason="Datumet är flyttat i den arabiska versionen."):
    url = reverse("review:fact_override", args=[check.pk])
    return client.post(url, {"kind": "date", "form": "31 mars 2027", "reason": reason})


def test_override_with_reason_lets_the_api_publish(client, users, page):
    target = arabic_draft(page, WRONG_DATE)
    check = check_of(target)
    client.force_login(users["ar"])
    page_url = reverse("review:facts", args=[target.pk])
    response = client.get(page_url)
    assert response.status_code == 200
    assert "31 mars 2027" in response.content.decode()
    response = override(client, check)
    assert response.status_code == 302
    record = FactOverride.objects.get(fact_check=check)
    assert record.overridden_by == users["ar"] and record.reason.startswith("Datumet")
    assert record.overridden_at is not None
    assert check_of(target).open_errors == 0
    assert "Godkänd av" in client.get(page_url).content.decode()
    assert api_publish(client, target).status_code == 200
    assert is_live(target)


def test_override_lets_the_editor_publish(client, users, page):
    target = arabic_draft(page, WRONG_PHONE)
    check = check_of(target)
    client.force_login(users["ar"])
    # The editor leaves out its Publish button and says why, naming the phone number.
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    said = messages_of(response)
    assert "0380-51 80 00" in said and "faktakontrollen" in said
    url = reverse("review:fact_override", args=[check.pk])
    response = client.post(url, {"kind": "phone", "form": "0380-51 80 00", "reason": "Nytt nr."})
    assert response.status_code == 302
    response = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert "faktakontrollen" not in messages_of(response)
    with run_on_commit():  # wagtail-localize publishes on commit
        response = editor_publish(client, target)
    assert is_live(target), messages_of(response)


def test_override_refused_for_other_language_and_without_reason(client, users, page):
    target = arabic_draft(page, WRONG_DATE)
    check = check_of(target)
    client.force_login(users["so"])
    response = override(client, check)
    assert response.status_code == 403
    assert "Bara en översättare på" in response.content.decode()
    client.force_login(users["admin"])  # not a translator of Arabic either
    assert override(client, check).status_code == 403
    client.force_login(users["ar"])
    response = override(client, check, reason="   ")
    assert response.status_code == 400
    assert "Skriv varför" in response.content.decode()
    response = client.post(
        reverse("review:fact_override", args=[check.pk]),
        {"kind": "phone", "form": "påhittat", "reason": "x"},
    )
    assert response.status_code == 400
    assert not FactOverride.objects.exists()
    assert api_publish(client, target).status_code == 403


def test_override_holds_for_that_wording_only(client, users, page):
    target = arabic_draft(page, WRONG_DATE)
    client.force_login(users["ar"])
    override(client, check_of(target))
    string = intro_string(target)
    string.data = WRONG_DATE.replace("2027", "2028")
    string.save()
    with run_on_commit():
        translation_for(target).save_target(publish=False)
    assert api_publish(client, target).status_code == 403


def test_findings_show_in_editor_queue_and_drafts_page(client, users, page):
    target = arabic_draft(page, WRONG_DATE)
    client.force_login(users["ar"])
    # wagtail-localize's editor: the footer of the intro string names the fact.
    html = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk])).content.decode()
    assert "Faktakontroll: datumet" in html and "31 mars 2027" in html
    # The panel above the editor links to the findings page.
    response = client.get(reverse("review:changed_strings", args=[translation_for(target).pk]))
    assert 'data-fact-errors="1"' in response.content.decode()
    assert reverse("review:facts", args=[target.pk]) in response.content.decode()
    # The queue: a column with the count and a filter to pages with findings.
    response = client.get(reverse("review:queue") + "?facts=1")
    html = response.content.decode()
    assert 'data-fact-errors="1"' in html
    assert reverse("review:facts", args=[target.pk]) in html
    assert f'data-page="{page.pk}" data-locale="ar"' in html
    assert 'data-locale="so"' not in html  # the filter leaves out pages without findings
    # The drafts status page of the Swedish page counts it per language.
    client.force_login(users["admin"])
    html = client.get(reverse("translation_page_status", args=[page.pk])).content.decode()
    assert 'data-fact-errors="1"' in html


def test_glossary_warning_blocks_only_where_the_coordinator_chose(client, users, page):
    ar = Locale.objects.get(language_code="ar")
    term = GlossaryTerm.objects.create(term="frågor")
    GlossaryTermTranslation.objects.create(term=term, locale=ar, translation="استفسارات")
    target = arabic_draft(page, ARABIC)  # uses أسئلة, not the agreed term
    assert [(f["severity"], f["kind"]) for f in check_of(target).findings] == [
        ("warning", "glossary_term")
    ]
    client.force_login(users["ar"])
    LanguageSettings.objects.filter(locale=ar).update(fact_warnings_block=True)
    response = api_publish(client, target)
    assert response.status_code == 403
    LanguageSettings.objects.filter(locale=ar).update(fact_warnings_block=False)
    assert api_publish(client, target).status_code == 200
    assert is_live(target)


def test_a_wording_never_checked_is_checked_at_publish_and_a_failure_waits(
    client, users, page, monkeypatch
):
    target = arabic_draft(page, ARABIC)
    FactCheck.objects.all().delete()  # as if saved before the guard existed
    client.force_login(users["ar"])

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr("review.fact_checks.store", broken)
    response = api_publish(client, target)
    assert response.status_code == 403  # refused, never a 500, never unchecked
    assert not is_live(target)
    monkeypatch.undo()
    assert api_publish(client, target).status_code == 200
    assert check_of(target).findings == []


def test_a_string_saved_in_the_editor_answers_with_its_findings(client, users, page):
    target = arabic_draft(page, ARABIC)
    translation = translation_for(target)
    segment = StringSegment.objects.get(source=translation.source, context__path="intro")
    client.force_login(users["ar"])
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url,
        data=urlencode({"value": WRONG_PHONE}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.content
    answer = response.json()
    assert "Faktakontroll: telefonnumret" in answer["error"] and "0380-51 80 00" in answer["error"]
    assert intro_string(target).data == WRONG_PHONE  # saved as typed
    response = client.put(
        url, data=urlencode({"value": ARABIC}), content_type="application/x-www-form-urlencoded"
    )
    assert not response.json()["error"]


def findings_page_queries(client, target) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("review:facts", args=[target.pk]))
    assert response.status_code == 200
    return len(queries)


def test_the_findings_page_costs_the_same_queries_however_many_strings_it_lists(
    client, users, tree
):
    ar = Locale.objects.get(language_code="ar")
    LanguageSettings.objects.create(locale=ar, allow_unreviewed_machine_text=True)
    one = arabic_draft(
        add_child_page(tree["home"], "Ansökan", "ansokan", intro=SWEDISH), WRONG_DATE
    )
    two = arabic_draft(
        add_child_page(tree["home"], "Ring 0380-51 80 00", "ring", intro=SWEDISH), WRONG_DATE
    )
    title = StringTranslation.objects.get(
        locale=ar, context__object_id=two.translation_key, context__path="title"
    )
    title.data = "اتصل على 0380-51 80 01"
    title.save()
    client.force_login(users["ar"])
    findings_page_queries(client, one)  # warm the caches the admin's chrome reads

    assert findings_page_queries(client, two) == findings_page_queries(client, one)
    html = client.get(reverse("review:facts", args=[two.pk])).content.decode()
    assert "0380-51 80 01" in html and WRONG_DATE in html


def answer(response) -> str:
    """What a role was told: shown, refused (Wagtail's admin turns a 403 into a redirect to
    the dashboard with a message), sent to log in, bad input or not found."""
    if response.status_code == 302:
        location = response["Location"]
        if "/login/" in location:
            return "login"
        return "refused" if location == "/admin/" else "done"
    return {200: "shown", 400: "bad input", 403: "refused", 404: "not found"}[response.status_code]


@pytest.mark.parametrize(
    ("role", "may_look", "may_override"),
    [
        ("kommunikator", False, False),
        ("samordnare", True, False),
        ("admin", True, False),
        ("ar", True, True),
        ("so", False, False),
        ("uk", False, False),
        (None, False, False),
    ],
)
def test_every_role_against_the_findings_page_and_the_override(
    client, users, page, role, may_look, may_override
):
    """Anyone who works in Arabic may look; only a translator of Arabic overrides. The
    others are refused (anonymous visitors sent to log in) and nothing is recorded, hostile
    input included."""
    target = arabic_draft(page, WRONG_DATE)
    check = check_of(target)
    if role:
        client.force_login(users[role])
    no = "login" if role is None else "refused"
    assert answer(client.get(reverse("review:facts", args=[target.pk]))) == (
        "shown" if may_look else no
    )
    # The Swedish page has no findings page; an unknown finding is not found.
    assert answer(client.get(reverse("review:facts", args=[page.pk]))) == no
    missing = client.post(reverse("review:fact_override", args=[999_999]), {"kind": "date"})
    assert answer(missing) == ("login" if role is None else "not found")

    hostile = override(client, check, reason="x" * 5000)
    wrong_kind = client.post(
        reverse("review:fact_override", args=[check.pk]),
        {"kind": "date'; DROP TABLE", "form": "<script>", "reason": "Därför."},
    )
    answers = [answer(hostile), answer(wrong_kind), answer(override(client, check))]
    if may_override:
        assert answers == ["bad input", "bad input", "done"]
    else:
        assert answers == [no, no, no]
    assert FactOverride.objects.filter(fact_check=check).count() == (1 if may_override else 0)
