"""Walk every admin URL as each role: nothing changes in another language, nothing goes live.

The URL patterns are read from the URL conf (Wagtail's, wagtail-localize's and the
project's), so a new view is covered without editing this test. Ids are filled with
objects of another language and of the user's own: pages, translations, revisions, string
segments, translatable snippets. Each URL gets a GET and two hostile POSTs: every way of
asking to publish (with every locale selected), and the other actions (convert to alias,
restart, machine translation). After each request the test compares hashes of the rows of
the other languages (live page rows, revisions, translation records, string translations,
snippets) and of every live page row, checks the invariant (``review.invariant.violations``: every
live translated text reviewed or allowed, and the reader notice saying so), then rolls back.

To stay fast, views that share one class are tried once per kind of model (translatable or
not): Wagtail's snippet viewsets make the same views for every model.
"""

import hashlib
import re

from django.db import connection, transaction
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Locale, Page, Revision, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from devtools.builders import (
    add_child_page,
    edit_string,
    make_user,
    publish_human_translation,
    translate,
)
from devtools.demo.home import ensure_locales
from home.models import HomePage
from home.navigation import NavigationLink
from review.invariant import violations
from review.roles import COMMUNICATOR, COORDINATOR, setup_roles, translator_group_name
from tests.review.review_helpers import run_on_commit
from translation.models import LanguageSettings

# Views whose purpose is to change what readers see, when the rule allows it.
PUBLISHING_NAMES = re.compile(
    r"(^|:)(edit|delete|unpublish|publish|move|move_confirm|revisions_revert|"
    r"revisions_unschedule|action|wagtail_bulk_action|copy|convert_alias)$"
)
WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE|TRUNCATE)\b", re.IGNORECASE)
IGNORED_ROUTES = ("logout/", "password_reset/", "account/")
ROLES = {
    "kommunikator": (COMMUNICATOR, set()),
    "samordnare": (COORDINATOR, set()),
    "oversattare-ar": (translator_group_name("ar"), {"ar"}),
    "oversattare-so": (translator_group_name("so"), {"so"}),
}
# Wagtail's own views that raise on a hostile POST (upstream bugs, nothing changes): the
# view name and the exception. Remove an entry when upstream answers with a 4xx.
# The four found so far answer 4xx now (portal/admin_bad_requests.py).
UPSTREAM_ERRORS: list[tuple[str, str]] = []


def upstream_error(name, problem) -> bool:
    return any(
        re.fullmatch(pattern, name or "") and problem.startswith(prefix)
        for pattern, prefix in UPSTREAM_ERRORS
    )


# Two hostile bodies: one for every way of asking to publish, one for the other actions
# (mixed, wagtail-localize's restart/convert keys would hide the editor's publish).
PUBLISH_POST = {
    "action": "publish",
    "action-publish": "1",
    "publish_translations": "on",
    "include_subtree": "on",
    "value": "<b>kapad",
}
OTHER_POST = {
    "use_machine_translation": "on",
    "localize-convert-to-alias": "1",
    "localize-restart-translation": "1",
    "title": "Kapad",
    "slug": "kapad",
}


def admin_patterns():
    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace
                full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), full)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
                yield prefix + str(pattern.pattern), name, pattern

    for route, name, pattern in walk(get_resolver().url_patterns, "", None):
        if route.startswith("admin/") and not route.startswith(IGNORED_ROUTES, 6):
            yield route, name, pattern


def view_model(pattern):
    callback = pattern.callback
    for holder in (
        getattr(callback, "view_initkwargs", None),
        getattr(callback, "initkwargs", None),
    ):
        if holder and holder.get("model") is not None:
            return holder["model"]
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    return getattr(view_class, "model", None)


def view_key(pattern, route):
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    if view_class is None:
        return route  # function views: each their own
    model = view_model(pattern)
    translatable = isinstance(model, type) and issubclass(model, TranslatableMixin)
    actions = getattr(callback, "actions", None)
    return (view_class, translatable, tuple(sorted((actions or {}).items())), route.count("<"))


def rows_hash(queryset, fields) -> str:
    digest = hashlib.sha256()
    for row in queryset.order_by("pk").values_list(*fields):
        digest.update(repr(row).encode())
    return digest.hexdigest()


CONTENT_FIELDS = ["pk", "live", "title", "slug", "intro", "alias_of_id", "path", "url_path"]
ALL_PAGE_FIELDS = [*CONTENT_FIELDS, "draft_title", "has_unpublished_changes", "latest_revision_id"]


class AdminURLGuard(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_locales()
        cls.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        cls.locale_ids = [locale.pk for locale in cls.locales.values()]
        root = Page.get_first_root_node()
        for page in root.get_children():
            page.delete()
        home = root.add_child(
            instance=HomePage(
                title="Hem", slug="start", intro="Välkommen", locale=cls.locales["sv"]
            )
        )
        home.save_revision().publish()
        for code in ("ar", "so", "uk"):
            with run_on_commit():
                publish_human_translation(home, cls.locales[code], {"Hem": f"Hem {code}"})
        page = add_child_page(home, "Strategin", "strategin", intro="<b>Kommunen</b> samarbetar.")
        cls.pages = {"sv": page}
        cls.pages["ar"] = translate(page, "ar", kind="manual", publish=True)
        # Unreviewed machine text is live in uk: its policy allows it (the invariant holds).
        LanguageSettings.objects.create(
            locale=cls.locales["uk"], allow_unreviewed_machine_text=True
        )
        cls.pages["uk"] = translate(page, "uk", publish=True)
        cls.pages["so"] = translate(page, "so", kind="manual")
        edit_string(cls.pages["ar"], "تعديل", field_path="intro")  # unpublished human edit
        cls.translations = {
            code: Translation.objects.get(
                source__object_id=page.translation_key, target_locale=cls.locales[code]
            )
            for code in ("ar", "uk", "so")
        }
        cls.segment = StringSegment.objects.filter(source=cls.translations["ar"].source).first()
        link = NavigationLink.objects.create(label="Om oss", url="https://example.org/")
        cls.links = {"sv": link}
        for code in ("ar", "uk", "so"):
            copy = link.copy_for_translation(cls.locales[code])
            copy.label = f"Om oss {code}"
            copy.save()
            cls.links[code] = copy
        setup_roles()
        cls.users = {
            username: make_user(username, group) for username, (group, _c) in ROLES.items()
        }
        cls.patterns = []
        seen = set()
        for route, name, pattern in admin_patterns():
            key = view_key(pattern, route)
            if key in seen:
                continue
            seen.add(key)
            cls.patterns.append((route, name, pattern))

    # Filling the ids ------------------------------------------------------------------

    def fill(self, route, pattern, code):
        """Keyword values for ``route`` with objects of language ``code``, or None."""
        page = self.pages[code]
        translation = self.translations.get(code) or self.translations["uk"]
        model = view_model(pattern)
        values = {}
        for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
            if name in {
                "page_id",
                "parent_page_id",
                "page_to_move_id",
                "page_pk",
                "destination_id",
            }:
                values[name] = page.pk
            elif name == "translation_id":
                values[name] = translation.pk
            elif name == "translation_source_id":
                values[name] = translation.source_id
            elif name in {"string_segment_id", "overridable_segment_id"}:
                values[name] = self.segment.pk
            elif name == "revision_id":
                revision = Revision.page_revisions.filter(object_id=str(page.pk)).last()
                values[name] = revision.pk if revision else 1
            elif name in {"pk", "object_id"}:
                if isinstance(model, type) and issubclass(model, Page):
                    values[name] = page.pk
                elif isinstance(model, type) and issubclass(model, NavigationLink):
                    values[name] = self.links[code].pk
                elif isinstance(model, type) and issubclass(model, TranslatableMixin):
                    instance = model.objects.filter(locale=self.locales[code]).first()
                    values[name] = instance.pk if instance else 1
                elif isinstance(model, type):
                    instance = model._default_manager.order_by("pk").first()
                    values[name] = instance.pk if instance else 1
                elif "localize" in route or "snippets" in route:
                    values[name] = self.links[code].pk
                else:
                    values[name] = page.pk
            elif name in {"app_label", "content_type_app_name", "app_name"}:
                values[name] = "home"
            elif name in {"model_name", "content_type_model_name"}:
                values[name] = "navigationlink" if "snippet" in route else "homepage"
            elif name == "language_code":
                values[name] = code
            elif name in {"action_name", "action"}:
                values[name] = "publish"
            elif name == "mode":
                values[name] = ""
            elif converter in {"int", ""}:
                values[name] = 1
            else:
                values[name] = "x"
        return values

    def urls(self, route, name, pattern, code):
        values = self.fill(route, pattern, code)
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
        if route.endswith("action/<str:action_name>/"):
            return [
                path.rsplit("/", 2)[0] + f"/{action}/" for action in PagesAdminAPIViewSet.actions
            ]
        if name == "wagtail_bulk_action":
            base = path.replace("/home/navigationlink/", "/wagtailcore/page/").rsplit("/", 2)[0]
            actions = bulk_action_registry.actions.get("wagtailcore", {}).get("page", {})
            return [f"{base}/{action}/?id={self.pages[code].pk}" for action in actions]
        return [path]

    # Snapshots -------------------------------------------------------------------------

    def snapshot(self, codes):
        """Hashes of everything in the languages ``codes``, and of every live page row."""
        locales = [self.locales[code].pk for code in codes]
        pages = Page.objects.filter(locale_id__in=locales)
        return {
            "pages": rows_hash(HomePage.objects.filter(locale_id__in=locales), ALL_PAGE_FIELDS),
            "page count": pages.count(),
            "revisions": rows_hash(
                Revision.page_revisions.filter(
                    object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]
                ),
                ["pk", "object_id"],
            ),
            "translations": rows_hash(
                Translation.objects.filter(target_locale_id__in=locales),
                ["pk", "enabled", "source_id"],
            ),
            "strings": rows_hash(
                StringTranslation.objects.filter(locale_id__in=locales),
                ["pk", "data", "translation_type", "has_error"],
            ),
            "snippets": rows_hash(
                NavigationLink.objects.filter(locale_id__in=locales), ["pk", "label", "url"]
            ),
            "locales": rows_hash(Locale.objects.filter(pk__in=locales), ["pk", "language_code"]),
        }

    def live_pages(self):
        return rows_hash(HomePage.objects.filter(live=True), CONTENT_FIELDS)

    # The walk --------------------------------------------------------------------------

    def walk(self, username):
        user = self.users[username]
        own = ROLES[username][1]
        others = sorted(set(self.locales) - own - ({"sv"} if username == "kommunikator" else set()))
        fills = ["uk", *sorted(own)]
        assert violations() == []  # what a request that writes nothing leaves as it was
        self._before = None
        self.client.force_login(user)
        problems = []
        tried = set()
        for route, name, pattern in self.patterns:
            for code in fills:
                for url in self.urls(route, name, pattern, code):
                    # Another language's ids: GET and POST; the user's own: POST (the live check).
                    methods = (
                        ("get", "post", "post other") if code == "uk" else ("post", "post other")
                    )
                    for method in methods:
                        if (method, url) in tried:
                            continue
                        tried.add((method, url))
                        problem = self.attempt(url, name, method, others)
                        if problem and not upstream_error(name, problem):
                            problems.append(f"{method.upper()} {url} ({name}): {problem}")
        print(f"{username}: {len(tried)} requests")
        tried = len(tried)
        assert tried > 400, tried
        assert not problems, "\n".join(problems)

    def attempt(self, url, name, method, others):
        # Every attempt is rolled back, so the rows before each are the walk's first ones:
        # hashed once per role, not twice per request.
        if self._before is None:
            self._before = (others, self.snapshot(others), self.live_pages())
        assert self._before[0] == others
        _others, before, live_before = self._before
        with transaction.atomic():
            try:
                # The capture outermost: it also sees what on-commit callbacks write.
                with CaptureQueriesContext(connection) as queries, run_on_commit():
                    if method == "get":
                        response = self.client.get(url)
                    else:
                        body = PUBLISH_POST if method == "post" else OTHER_POST
                        response = self.client.post(url, {**body, "locales": self.locale_ids})
            except Exception as error:  # noqa: BLE001 - report which URL raised, keep walking
                transaction.set_rollback(True)
                return f"raised {error!r}"
            problem = None
            if response.status_code >= 500:
                problem = f"status {response.status_code}"
            elif not any(WRITES.match(query["sql"]) for query in queries.captured_queries):
                # Nothing was written: the rows, and so the invariant, are as they were
                # before the request (asserted once in walk()). Most of the walk's requests
                # are refused or read only; the invariant costs a page's live text check.
                pass
            else:
                after = self.snapshot(others)
                changed = [key for key in before if before[key] != after[key]]
                if changed:
                    problem = f"changed another language: {', '.join(changed)}"
                elif not PUBLISHING_NAMES.search(name or "") and self.live_pages() != live_before:
                    problem = "changed a live page without publishing"
                elif broken := violations():
                    problem = "broke the invariant: " + "; ".join(broken)
            transaction.set_rollback(True)
            return problem

    def test_communicator(self):
        self.walk("kommunikator")

    def test_coordinator(self):
        self.walk("samordnare")

    def test_translator_with_machine_translation(self):
        self.walk("oversattare-ar")

    def test_translator_without_machine_translation(self):
        self.walk("oversattare-so")

    def test_widened_read_apis_show_only_the_translators_work(self):
        """The admin APIs that the translation editor reads (review/editor_media.py) answer a
        translator for what their work refers to only, and other roles as before."""
        from wagtail.images.models import Image
        from wagtail.images.tests.utils import get_test_image_file

        unused = Image.objects.create(title="Oanvänd", file=get_test_image_file())
        snippet = "/admin/localize/api/snippets/home/navigationlink/{}/".format
        expected = {
            "oversattare-ar": {
                f"/admin/api/main/images/{unused.pk}/": 404,
                snippet(self.links["ar"].pk): 200,
                snippet(self.links["uk"].pk): 404,
                f"/admin/api/main/pages/{self.pages['ar'].pk}/": 200,
                f"/admin/api/main/pages/{self.pages['uk'].pk}/": 404,
            },
            "kommunikator": {f"/admin/api/main/images/{unused.pk}/": 403},
            "samordnare": {f"/admin/api/main/images/{unused.pk}/": 403},
        }
        for username, urls in expected.items():
            self.client.force_login(self.users[username])
            answers = {url: self.client.get(url).status_code for url in urls}
            assert answers == urls, (username, answers)
