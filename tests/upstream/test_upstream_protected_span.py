"""The guard of ``core/wagtail_localize_protected_span.py``, and what it makes possible."""

from wagtail_localize import strings
from wagtail_localize.models import StringSegment, TranslationSource

import pytest
from upstream_guard import changed

from core import wagtail_localize_protected_span as workaround

MODULE = "core/wagtail_localize_protected_span.py"
HTML = '<p>Ring <span translate="no" dir="ltr">Brønderslev</span> på 0380-51 80 00 i dag.</p>'


def test_upstream_still_splits_paragraphs_at_a_span():
    assert not workaround.UPSTREAM_HAD_SPAN, changed(MODULE, "span is inline upstream now")
    assert workaround._upstream_validate.__module__ == "wagtail_localize.strings"
    # Upstream's own check still refuses an id on a span.
    soup = strings.BeautifulSoup('<span id="span1">x</span>', "html.parser")
    with pytest.raises(ValueError):
        workaround._upstream_validate(soup.span)


def test_the_protected_span_is_inline_in_its_segment():
    template, found = strings.extract_strings(HTML)
    assert len(found) == 1, "the span split the paragraph"
    value, attrs = found[0]
    assert value.data == 'Ring <span id="span1">Brønderslev</span> på 0380-51 80 00 i dag.'
    # Every attribute of the mark, its direction too, is kept apart and put back.
    assert attrs == {"span1": {"translate": "no", "dir": "ltr"}}
    restored = str(strings.restore_strings(template, found))
    assert 'translate="no"' in restored and 'dir="ltr"' in restored


@pytest.mark.django_db
def test_a_page_with_a_protected_span_is_one_segment(tree):
    page = tree["contact"]
    page.body = HTML
    page.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    texts = [
        segment.string.data
        for segment in StringSegment.objects.filter(source=source, context__path="body")
    ]
    assert texts == ['Ring <span id="span1">Brønderslev</span> på 0380-51 80 00 i dag.']
