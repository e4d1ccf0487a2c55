"""Content that every reader sees alike, in the shared cache, so that a page costs the same
few queries whatever else the site holds.

Menus, the footer, the language switcher's pages, the sites, the locales and the localized
home pages are the same for every reader of a language and change only when an editor
publishes, moves or deletes a page or saves a menu link, a footer, a site or a locale. Each
is cached under a key that carries a *generation*: a random token that every such change
replaces (``bump``), so every host sees the change at its next request when the cache is
shared (Redis). A random token instead of a counter: an evicted generation key comes back
as a new token, never as an old one that stale entries still carry.

Some kept figures count one language's pages across the whole site (the strategy's newest
pages per goal, the follow-up's counts of the Swedish content): recounting them after every
publish in any language is the part of a first read that grows with the site (issue 24).
They are kept for *their language's* generation instead (``cached_in_language``): a token of
that language, which a publish, move, delete or new page of that language renews, together
with a token that every other change renews (snippets, images, sites, locales, view
restrictions, and any ``bump()`` whose cause is not one language's page). A translator's
publish in Arabic starts a new content generation, as before, and a new Arabic generation;
the Swedish figures are kept.

Within a request the generation is read once, and each worker keeps what it read from the
shared cache under the current generation in memory (as the pickled bytes the shared cache
returns, so every caller gets its own copy): a page asked the shared cache some twenty times
(a round trip each, most of a listing's time under load), now once. A new generation, seen
at the next request, empties that memory; nothing is kept past ``TIMEOUT``, and outside a
request (commands, the task worker) every read goes to the shared cache as before.

Upstream workaround (``upstream.toml``): ``current_site`` hands Wagtail the site it found through
``request._wagtail_site`` and finds it with Wagtail's private ``get_site_for_hostname``;
``tests/upstream/test_upstream_internals.py`` fails the day either changes.
"""

import hashlib
import logging
import pickle
import threading
import time
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.release import release

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:furniture:generation"
# Every language's generation is this token (renewed by any change not known to be one
# language's pages) and the language's own (renewed by a change of its pages).
EVERY_LANGUAGE_KEY = "portal:furniture:every-language"
LANGUAGE_KEY = "portal:furniture:language:{}"
# Long enough that the furniture is rebuilt only after a change; short enough that a change
# made behind the application's back (raw SQL, a restored dump) shows within the day.
TIMEOUT = 24 * 60 * 60


# Longer key parts are hashed (memcached refuses keys over 250 characters).
MAX_NAMED_PARTS = 120
MAX_KEY = 200
# Entries a worker keeps in memory at most (then it starts afresh).
LOCAL_ENTRIES = 2000


class _Request(threading.local):
    """This thread's request, if one is running: the generations it read."""

    active = False
    token = None
    languages: dict | None = None


class _Local:
    """This process's copy of the entries of one generation: key -> pickled value."""

    def __init__(self):
        self.lock = threading.Lock()
        self.token = None
        self.expires = 0.0
        self.entries = {}

    def get(self, token: str, key: str):
        """``(value,)`` when held for ``token``, else ``None``."""
        with self.lock:
            if token != self.token or time.monotonic() > self.expires:
                return None
            data = self.entries.get(key)
        return None if data is None else pickle.loads(data)  # noqa: S301 - our own bytes

    def put(self, token: str, key: str, hit: tuple) -> None:
        data = pickle.dumps(hit, pickle.HIGHEST_PROTOCOL)
        with self.lock:
            if (
                token != self.token
                or time.monotonic() > self.expires
                or len(self.entries) >= LOCAL_ENTRIES
            ):
                self.token, self.expires, self.entries = token, time.monotonic() + TIMEOUT, {}
            self.entries[key] = data

    def clear(self) -> None:
        with self.lock:
            self.token, self.entries = None, {}


_request = _Request()
_local = _Local()


def _request_started(**_kwargs) -> None:
    _request.active, _request.token, _request.languages = True, None, {}


def _request_finished(**_kwargs) -> None:
    _request.active, _request.token, _request.languages = False, None, None


def generation() -> str:
    if _request.active and _request.token is not None:
        return _request.token
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, None):
            token = cache.get(GENERATION_KEY) or token
    if _request.active:
        _request.token = token
    return token


def language_generation(language_code: str) -> str:
    """The generation of one language's content (read once a request): it changes with
    every change that is not a page of another language."""
    if _request.active and language_code in (_request.languages or {}):
        return _request.languages[language_code]
    keys = (EVERY_LANGUAGE_KEY, LANGUAGE_KEY.format(language_code))
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            token = uuid.uuid4().hex
            found[key] = token if cache.add(key, token, None) else (cache.get(key) or token)
    token = ".".join(found[key] for key in keys)
    if _request.active and _request.languages is not None:
        _request.languages[language_code] = token
    return token


def bump(**_kwargs) -> None:
    """Forget every cached piece of furniture, now and once more after the commit (a reader
    between the two could otherwise cache what the transaction had not yet written)."""
    _renew(EVERY_LANGUAGE_KEY)


def bump_language(language_code: str) -> None:
    """A change of one language's pages: a new content generation, and a new generation of
    that language only (``cached_in_language``: other languages' figures are kept)."""
    _renew(LANGUAGE_KEY.format(language_code))


def _renew(language_key: str) -> None:
    def new_generation():
        token = uuid.uuid4().hex
        cache.set_many({GENERATION_KEY: token, language_key: uuid.uuid4().hex}, None)
        # This request goes on with the new generations too.
        if _request.active:
            _request.token, _request.languages = token, {}
        _local.clear()

    new_generation()
    transaction.on_commit(new_generation)


def _shared_or_local(token: str, key: str):
    """``(value,)`` from this worker's memory or the shared cache, or ``None``."""
    hit = _local.get(token, key) if _request.active else None
    if hit is None:
        hit = cache.get(key)
        if hit is not None and _request.active:
            _local.put(token, key, hit)
    return hit


def cached(name: str, parts: tuple, compute: Callable):
    """``compute()`` once per generation and ``name``/``parts``; ``None`` results too."""
    token = generation()
    named = [str(part) for part in parts]
    if sum(map(len, named)) > MAX_NAMED_PARTS:
        # A long path or query: a digest keeps the key within what any cache backend takes.
        named = [hashlib.sha256(":".join(named).encode()).hexdigest()]
    key = ":".join(["portal:furniture", token, name, *named])
    hit = _shared_or_local(token, key)
    if hit is not None:
        return hit[0]
    value = compute()
    cache.set(key, (value,), TIMEOUT)
    if _request.active:
        _local.put(token, key, (value,))
    return value


def cached_in_language(language_code: str, name: str, parts: tuple, compute: Callable):
    """``compute()`` kept while the content of ``language_code`` does not change (see the
    module's docstring): for a figure that reads that language's pages and nothing else but
    what every change renews (snippets, sites, locales, restrictions, images). Kept longer
    than a content generation, it names the release too (``core.release``): a
    deploy that changes how a figure is counted or labelled counts it again."""
    return cached_many_in_language(
        language_code, name, {None: parts}, lambda _keys: {None: compute()}
    )[None]


def cached_many_in_language(language_code: str, name: str, parts: dict, compute_many: Callable):
    """``cached_in_language`` for several entries at once: ``parts`` maps each wanted key to
    its key parts; ``compute_many(missing keys)`` returns ``{key: value}`` for those the
    cache lacks, in one go (one query for all of them). This worker's memory holds them for
    the content generation (which every change of the language renews too), the shared
    cache for the language's."""
    cache_keys = {key: _language_key(language_code, name, entry) for key, entry in parts.items()}
    return _kept_many(generation(), cache_keys, compute_many)


def _language_key(language_code: str, name: str, parts: tuple) -> str:
    named = [language_generation(language_code), release(), *(str(part) for part in parts)]
    key = ":".join(["portal:furniture:language", language_code, name, *named])
    if len(key) > MAX_KEY:
        key = "portal:furniture:language:" + hashlib.sha256(key.encode()).hexdigest()
    return key


def cached_many(name: str, keys, compute_many: Callable) -> dict:
    """``{key: value}`` for ``keys``; ``compute_many(missing_keys)`` once for those the cache
    lacks (one query for all of them), each then cached on its own."""
    token = generation()
    cache_keys = {key: ":".join(["portal:furniture", token, name, str(key)]) for key in keys}
    return _kept_many(token, cache_keys, compute_many)


def _kept_many(token: str, cache_keys: dict, compute_many: Callable) -> dict:
    """``{key: value}`` for each key of ``cache_keys`` (key -> its cache key): from this
    worker's memory under the content generation ``token``, then the shared cache, then
    ``compute_many(missing keys)`` once for the rest, each then kept on its own."""
    result = {}
    if _request.active:
        for key, cache_key in cache_keys.items():
            hit = _local.get(token, cache_key)
            if hit is not None:
                result[key] = hit[0]
    wanted = [cache_key for key, cache_key in cache_keys.items() if key not in result]
    hits = cache.get_many(wanted) if wanted else {}
    for key, cache_key in cache_keys.items():
        if cache_key in hits:
            result[key] = hits[cache_key][0]
            if _request.active:
                _local.put(token, cache_key, hits[cache_key])
    missing = [key for key in cache_keys if key not in result]
    if missing:
        computed = compute_many(missing)
        for key in missing:
            result[key] = computed.get(key)
        cache.set_many({cache_keys[key]: (result[key],) for key in missing}, TIMEOUT)
        if _request.active:
            for key in missing:
                _local.put(token, cache_keys[key], (result[key],))
    return result


# What each cached piece depends on ------------------------------------------------------
def _page_changed(page) -> None:
    """A change of ``page``: a new generation, and one of its language."""
    _language_changed(getattr(page, "locale_id", None))


def _language_changed(locale_id) -> None:
    """A change of a page of the locale ``locale_id``: a new generation, and one of its
    language (of every language when the locale cannot be told)."""
    code = _language_codes().get(locale_id)
    if code is None:
        bump()
    else:
        bump_language(code)


def _language_codes() -> dict:
    """{locale id: language code}: a locale saved or deleted renews every generation."""
    return cached(
        "language-codes", (), lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def _page_signal(sender, instance=None, **kwargs):
    _page_changed(instance)


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _page_changed(instance)


def _page_created(sender, instance, created=False, raw=False, **kwargs):
    """A new page: wagtail-localize's aliases (live copies in another language) are made
    without a publish, and the search leaves the language's aliases out."""
    if created and not raw and isinstance(instance, Page):
        _page_changed(instance)


def _model_saved(sender, **kwargs):
    if kwargs.get("raw"):
        return
    bump()


def forget_on_page_change(model, page_field: str = "page") -> None:
    """Start a new generation, and one of the page's language, whenever an instance of
    ``model`` (a row that belongs to one page, through ``page_field``) is saved or deleted."""

    def changed(sender, instance, **kwargs):
        if kwargs.get("raw"):
            return
        page_id = getattr(instance, f"{page_field}_id")
        locale = Page.objects.filter(pk=page_id).values_list("locale_id", flat=True)
        _language_changed(locale.first())

    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"furniture_page_{model}")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"furniture_pdel_{model}")


def forget_on_change(*models) -> None:
    """Start a new generation whenever an instance of ``models`` is saved or deleted."""
    for model in models:
        post_save.connect(_model_saved, sender=model, dispatch_uid=f"furniture_save_{model}")
        post_delete.connect(_model_saved, sender=model, dispatch_uid=f"furniture_del_{model}")


def connect() -> None:
    """Connected once from ``PortalConfig.ready``: pages, sites, locales, restrictions,
    every translatable snippet (menus, footer, partners, goals, ...), and images and documents
    (a page's kept parts, ``core.fragments``, show their renditions and links; a rendition
    made while a page renders is no change)."""
    from django.apps import apps

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import TranslatableMixin

    request_started.connect(_request_started, dispatch_uid="furniture_request_started")
    request_finished.connect(_request_finished, dispatch_uid="furniture_request_finished")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(_page_signal, dispatch_uid=f"furniture_{signal!r}")
    post_delete.connect(_page_deleted, dispatch_uid="furniture_page_delete")
    post_save.connect(_page_created, dispatch_uid="furniture_page_created")
    forget_on_change(Site, Locale, PageViewRestriction, get_image_model(), get_document_model())
    forget_on_change(
        *(
            model
            for model in apps.get_models()
            if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
        )
    )


# Lookups every page makes ---------------------------------------------------------------
def locale_for(language_code: str) -> Locale | None:
    def compute():
        return Locale.objects.filter(language_code=language_code).first()

    return cached("locale", (language_code,), compute)


def site_for(hostname: str, port) -> Site | None:
    """Wagtail's own choice of site for a host and port (``Site._find_for_request``)."""
    from wagtail.models.sites import get_site_for_hostname

    def compute():
        try:
            return get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None

    return cached("site", (hostname, port), compute)


def has_view_restrictions() -> bool:
    return cached("restrictions", (), PageViewRestriction.objects.exists)


def public(queryset):
    """``PageQuerySet.public()`` without its query while no page has view restrictions."""
    return queryset.public() if has_view_restrictions() else queryset


def localized_root(site: Site, locale: Locale | None) -> Page:
    """The site's root page in ``locale`` when that translation is live (Wagtail's
    ``Page.localized``), as a plain ``Page``."""

    def compute():
        root = site.root_page
        if locale is None or locale.pk == root.locale_id:
            return Page.objects.get(pk=root.pk)
        return Page.objects.filter(
            translation_key=root.translation_key, locale=locale, live=True
        ).first() or Page.objects.get(pk=root.pk)

    return cached("root", (site.pk, locale.pk if locale else ""), compute)


def current_site(request) -> Site | None:
    """``Site.find_for_request`` from the cache; remembered on the request as Wagtail does."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        from django.http.request import split_domain_port

        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = site_for(hostname, request.get_port())
    return request._wagtail_site
