"""Left-to-right data in right-to-left rich text is isolated when rendered (core.bidi)."""

from django.template import Context, Template
from django.utils import translation

from wagtail.rich_text import RichText

import pytest

from core.bidi import isolate_ltr_runs


def bdi(text):
    return f'<bdi dir="ltr">{text}</bdi>'


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ("0380-51 80 00", "phone"),
        ("+46 380 51 80 00", "phone"),
        ("kommun@nassjo.se", "e-mail"),
        ("https://www.nassjo.se/sv/", "web address"),
        ("2026-12-04", "date"),
        ("04/12/2026", "date"),
        ("8–16", "hours"),
        ("1 200 000", "amount"),
        ("571 80 Nässjö", "postal code"),
        ("Erasmus+", "Latin name"),
        ("Brønderslev Kommune", "Latin name"),
    ],
)
def test_each_kind_of_data_is_one_isolated_run(data, kind):
    html = f"<p>اتصلوا على {data} للمزيد.</p>"
    assert isolate_ltr_runs(html) == f"<p>اتصلوا على {bdi(data)} للمزيد.</p>", kind


def test_plain_years_tags_attributes_and_isolated_elements_stay_as_they_are():
    html = (
        '<p>في عام 2026 <a href="https://example.se/a-b">الموقع</a> '
        '<span translate="no" dir="ltr">Erasmus+ 2026</span> <code>a-b 1</code></p>'
    )
    assert isolate_ltr_runs(html) == html


def test_entities_survive_and_the_sentence_punctuation_stays_outside():
    html = "<p>Tom &amp; Jerry، 0380-51 80 00.<br>نعم</p>"
    assert isolate_ltr_runs(html) == (
        f"<p>{bdi('Tom &amp; Jerry')}، {bdi('0380-51 80 00')}.<br>نعم</p>"
    )


def test_rich_text_is_isolated_on_rtl_pages_only():
    template = Template("{% load wagtailcore_tags %}{{ body|richtext }}")
    body = "<p>اتصلوا على 0380-51 80 00.</p>"
    with translation.override("ar"):
        assert bdi("0380-51 80 00") in template.render(Context({"body": body}))
        assert bdi("0380-51 80 00") in str(RichText(body))
    with translation.override("sv"):
        assert "<bdi" not in template.render(Context({"body": body}))


def test_plain_text_filter_escapes_and_isolates():
    template = Template("{% load protected_text_tags %}{{ text|isolate_ltr }}")
    with translation.override("fa"):
        out = template.render(Context({"text": "<b> تماس 0380-51 80 00"}))
    assert out == f"&lt;b&gt; تماس {bdi('0380-51 80 00')}"
    with translation.override("sv"):
        assert template.render(Context({"text": "<b> 1-2"})) == "&lt;b&gt; 1-2"
