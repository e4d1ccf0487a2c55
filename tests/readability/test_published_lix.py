"""The LIX of published Swedish pages, stored on publish and forgotten when they go."""

import io

from django.core.management import call_command

from wagtail.models import Page

import pytest

from home.models import HomePage
from readability import published
from readability.models import PublishedLix
from readability.page_text import page_readability

# One 29-word sentence of long words: "very hard", and one sentence over 25 words.
HARD = (
    "Kommunstyrelsen beslutade att uppdra åt förvaltningen att i samverkan "
    "med berörda samarbetspartner utreda förutsättningarna för ett fördjupat internationellt "
    "utvecklingssamarbete inom ramen för befintliga verksamhetsplaner och tillgängliga "
    "budgetmedel under innevarande verksamhetsår."
)
PLAIN = "Vi vill göra mer med våra vänner i andra länder. Vi tar fram en plan i år."


def add_page(parent, slug, intro, *, publish=True):
    page = parent.add_child(
        instance=HomePage(
            title="Vår plan", slug=slug, intro=intro, locale=parent.locale, live=False
        )
    )
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def stored(page) -> PublishedLix | None:
    return PublishedLix.objects.filter(page=page).first()


def republish(page, intro):
    page = HomePage.objects.get(pk=page.pk)
    page.intro = intro
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.django_db
def test_publishing_stores_the_score_of_the_published_text(home):
    page = add_page(home, "plan", HARD)
    row = stored(page)
    expected = page_readability(page.specific)
    assert row.lix == expected.lix
    assert (row.score, row.band) == (expected.lix.score, "very-hard")
    assert row.long_sentences == len(expected.long_sentences) == 1
    assert row.revision_id == page.live_revision_id

    page = republish(page, PLAIN)
    row = stored(page)
    assert row.band in ("very-easy", "easy")
    assert row.score == page_readability(page.specific).lix.score < 40
    assert (row.long_sentences, row.revision_id) == (0, page.live_revision_id)


@pytest.mark.django_db
def test_a_draft_leaves_the_published_score_alone(home):
    page = add_page(home, "plan", PLAIN)
    score = stored(page).score
    draft = HomePage.objects.get(pk=page.pk)
    draft.intro = HARD
    draft.save_revision()
    page.refresh_from_db()
    assert stored(page).score == score
    assert published.lix_of(page).score == score


@pytest.mark.django_db
def test_unpublishing_and_deleting_forget_the_score(home):
    page = add_page(home, "plan", PLAIN)
    page.unpublish()
    assert stored(page) is None
    page = republish(page, PLAIN)
    assert stored(page) is not None
    Page.objects.get(pk=page.pk).delete()
    assert not PublishedLix.objects.filter(page_id=page.pk).exists()


@pytest.mark.django_db
def test_only_swedish_pages_are_stored(english_home, home):
    assert stored(home) is not None
    assert stored(english_home) is None
    # A page that is not live is scored from its text, and nothing is stored.
    draft = add_page(home, "utkast", HARD, publish=False)
    assert published.lix_of(draft).band[0] == "very-hard"
    assert stored(draft) is None


@pytest.mark.django_db
def test_a_failure_never_breaks_the_publish_and_the_score_comes_when_read(home, monkeypatch):
    def broken(page):
        raise RuntimeError("scoring failed")

    record = published.record
    monkeypatch.setattr(published, "record", broken)
    page = add_page(home, "plan", HARD)
    assert page.live and stored(page) is None
    monkeypatch.setattr(published, "record", record)

    assert published.lix_of(page).band[0] == "very-hard"
    assert stored(page).revision_id == page.live_revision_id


@pytest.mark.django_db
def test_lists_read_every_score_in_one_query(home, django_assert_num_queries):
    pages = [add_page(home, f"sida-{n}", PLAIN if n % 2 else HARD) for n in range(6)]
    with django_assert_num_queries(1):
        scores = published.scores_of(pages)
    assert [scores[page.pk].band[0] == "very-hard" for page in pages] == [
        n % 2 == 0 for n in range(6)
    ]
    # A row left behind by a change without a new live revision is scored again, once.
    PublishedLix.objects.filter(page=pages[0]).update(revision=None, words=1, sentences=1)
    assert published.scores_of(pages)[pages[0].pk].band[0] == "very-hard"
    with django_assert_num_queries(1):
        published.scores_of(pages)


@pytest.mark.django_db
def test_the_store_command_fills_in_corrects_and_cleans_up(home):
    first = add_page(home, "forsta", HARD)
    second = add_page(home, "andra", PLAIN)
    gone = add_page(home, "borta", PLAIN)
    PublishedLix.objects.filter(page=first).delete()  # published before the store existed
    PublishedLix.objects.filter(page=second).update(revision=None, band="very-hard")
    # A page that is no longer live (unpublished without the signal, as by a bulk update).
    Page.objects.filter(pk=gone.pk).update(live=False)

    out = io.StringIO()
    call_command("store_published_lix", stdout=out)
    assert "LIX stored for 2 of 3 live Swedish pages (1 rows" in out.getvalue()
    assert stored(first).band == "very-hard"
    assert stored(second).band != "very-hard"
    assert stored(second).revision_id == second.live_revision_id
    assert stored(gone) is None

    out = io.StringIO()
    call_command("store_published_lix", stdout=out)
    assert "LIX stored for 0 of 3" in out.getvalue()
    call_command("store_published_lix", "--all", stdout=out)
    assert "LIX stored for 3 of 3" in out.getvalue()
