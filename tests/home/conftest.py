"""A small site with searchable pages in several languages, built once per test class.

Every language's home page comes from the demo loader; under each a news list holds one news
item written in that language, so that a search in the language's own words has something
to find. The Swedish item about the exchange with Italy has an English translation; the one
about Brønderslev has none, so an English reader finds it only as a Swedish page.
"""

import io

from django.db import transaction
from django.test import TestCase

from wagtail.models import Locale

import pytest

from devtools import builders
from devtools.builders import publish_human_translation
from devtools.demo import home as demo_home
from home.models import HomePage

NEWS = {
    "sv": [
        {
            "slug": "vanorter-i-danmark",
            "title": "Vänorter i Danmark",
            "lead": "Brønderslev och Nässjö har haft ett utbyte sedan 1970.",
        },
        {
            "slug": "ungdomar-till-italien",
            "title": "Ungdomar till Italien",
            "lead": "Tolv unga reser till Toscana i sommar.",
        },
    ],
    "ar": [
        {
            "slug": "tabadul",
            "title": "برنامج التبادل للشباب",
            "lead": "تعاون المدرسة في نيشو مع مدارس في بولندا.",
        }
    ],
    "fa": [
        {
            "slug": "hamkari",
            "title": "همکاری‌های بین‌المللی",
            "lead": "نشو با شهرهای دیگر در اروپا همکاری می‌کند.",
        }
    ],
    "so": [
        {
            "slug": "isweydaarsi",
            "title": "Isweydaarsiga dhalinyarada",
            "lead": "Dhalinyaro ka yimid Nässjö ayaa booqday Talyaaniga.",
        }
    ],
    "ti": [
        {
            "slug": "mitlwwaT",
            "title": "ምትልውዋጥ መንእሰያት",
            "lead": "መንእሰያት ናስዮ ናብ ኢጣልያ ተጓዒዞም።",
        }
    ],
}
ITALY_IN_ENGLISH = {
    "Ungdomar till Italien": "Young people to Italy",
    "Tolv unga reser till Toscana i sommar.": "Twelve young people travel to Tuscany.",
}
LANGUAGES = ["sv", "en", "ar", "fa", "so", "ti"]


def build_search_site() -> dict:
    """Build the pages; call inside a transaction that the caller rolls back."""
    sv_home = demo_home.load(io.StringIO())
    homes = {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
    sv_index = builders.NewsIndexPageFactory(parent=sv_home)
    pages = {}
    for code, items in NEWS.items():
        index = sv_index
        if code != "sv":
            index = sv_index.copy_for_translation(Locale.objects.get(language_code=code))
            index.save_revision().publish()
        for item in items:
            pages[item["slug"]] = builders.NewsPageFactory(
                parent=index, locale=index.locale, **item
            )
    with TestCase.captureOnCommitCallbacks(execute=True):
        pages["young-people-to-italy"] = publish_human_translation(
            pages["ungdomar-till-italien"],
            Locale.objects.get(language_code="en"),
            ITALY_IN_ENGLISH,
        )
    return {"homes": homes, "pages": pages}


@pytest.fixture(scope="class")
def search_site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_search_site()
        transaction.set_rollback(True)
