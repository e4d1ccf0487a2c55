"""One PostgreSQL search backend per language, each indexing only the pages of its language.

PostgreSQL stems words and drops stop words by a text-search configuration (swedish, english,
arabic, finnish; the other languages of the portal have none and use ``simple``), and Wagtail's
database backend takes one ``SEARCH_CONFIG`` per backend. So, as foundation.mozilla.org does,
``WAGTAILSEARCH_BACKENDS`` has one backend per language (``portal/settings/search.py``), and
the search view asks the reader's language's backend.

Upstream gap (wagtail/wagtail#9253): all database backends write into one index table, one row
per object, so with plain backends every backend indexes every object and the last one
configured wins. Here each backend indexes only the objects of its own ``LANGUAGE``; the
backend marked ``INDEXES_THE_REST`` (the Swedish default) also indexes objects without a
locale (images, documents) and those of a language that has no backend. Every row is then
written with its own language's configuration. Delete this module when Wagtail indexes by
locale itself: ``tests/upstream/test_upstream_internals.py`` fails that day.
"""

from django.conf import settings

from wagtail.models import Locale
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)


def languages_with_a_backend() -> set[str]:
    return {
        params["LANGUAGE"]
        for params in settings.WAGTAILSEARCH_BACKENDS.values()
        if params.get("LANGUAGE")
    }


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        super().add_items(model, self.backend.own_objects(objs))


class LanguageSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.language = params["LANGUAGE"]
        self.indexes_the_rest = params.get("INDEXES_THE_REST", False)

    def own_objects(self, objs) -> list:
        """The objects this backend indexes: its language's, and the rest if it is the default."""
        objs = list(objs)
        locale_ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
        languages = dict(
            Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code")
        )
        with_backend = languages_with_a_backend()

        def is_own(obj) -> bool:
            language = languages.get(getattr(obj, "locale_id", None))
            if language == self.language:
                return True
            return self.indexes_the_rest and language not in with_backend

        return [obj for obj in objs if is_own(obj)]


SearchBackend = LanguageSearchBackend
