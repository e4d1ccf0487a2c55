"""Every environment variable the portal reads, in one place, with typed defaults.

The other settings modules import ``ENV`` from here and never touch ``os.environ``.
"""

from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_env = environ.Env()


def _price(env: environ.Env, name: str) -> Decimal | None:
    """A price from the environment ("0.20"), None when unset; a clear error when not one."""
    value = env.str(name, default="").strip()
    if not value:
        return None
    try:
        price = Decimal(value)
    except InvalidOperation:
        price = None
    if price is None or not price.is_finite() or price < 0:
        raise ImproperlyConfigured(f"{name} must be a price such as 0.20, not {value!r}.")
    return price


class Environment:
    """A typed, read-once view of the process environment."""

    def __init__(self, env: environ.Env):
        self.SECRET_KEY = env.str("SECRET_KEY", default="")
        self.ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
        self.DATABASE_URL = env.str("DATABASE_URL", default="")
        self.REDIS_URL = env.str("REDIS_URL", default="")
        self.DEEPL_AUTH_KEY = env.str("DEEPL_AUTH_KEY", default="")
        self.DEEPL_SERVER_URL = env.str("DEEPL_SERVER_URL", default="")
        self.DEEPL_MONTHLY_CHARACTER_BUDGET = env.int("DEEPL_MONTHLY_CHARACTER_BUDGET", default=0)
        # Azure AI Translator: the cloud (endpoint optional, key, region) or a container's
        # address (endpoint only, no key). translation/engines/azure.py.
        self.AZURE_TRANSLATOR_ENDPOINT = env.str("AZURE_TRANSLATOR_ENDPOINT", default="")
        self.AZURE_TRANSLATOR_KEY = env.str("AZURE_TRANSLATOR_KEY", default="")
        self.AZURE_TRANSLATOR_REGION = env.str("AZURE_TRANSLATOR_REGION", default="")
        self.AZURE_TRANSLATOR_MONTHLY_CHARACTER_BUDGET = env.int(
            "AZURE_TRANSLATOR_MONTHLY_CHARACTER_BUDGET", default=0
        )
        # Prices for the estimates (translation/estimates.py): per 1,000 billed characters,
        # in TRANSLATION_PRICE_CURRENCY; unset: the estimate shows characters without money.
        self.DEEPL_PRICE_PER_1000_CHARACTERS = _price(env, "DEEPL_PRICE_PER_1000_CHARACTERS")
        self.AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS = _price(
            env, "AZURE_TRANSLATOR_PRICE_PER_1000_CHARACTERS"
        )
        self.TRANSLATION_PRICE_CURRENCY = env.str("TRANSLATION_PRICE_CURRENCY", default="SEK")
        self.EMAIL_URL = env.str("EMAIL_URL", default="")
        self.DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="")
        self.BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
        self.CACHE_MAX_AGE = env.int("CACHE_MAX_AGE", default=300)
        self.VARNISH_URL = env.str("VARNISH_URL", default="")
        # Off only on loopback (make serve-cached, topology, bench-site): no TLS there.
        self.SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
        self.PORTAL_LANGUAGES = env.list("PORTAL_LANGUAGES", default=[])
        # Shared media (images, documents) on S3-compatible storage; local disk when unset.
        self.AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
        self.AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="")
        self.AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="")
        self.AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default="")
        self.AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default="")
        self.AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="")
        self.AWS_S3_ADDRESSING_STYLE = env.str("AWS_S3_ADDRESSING_STYLE", default="")
        self.AWS_LOCATION = env.str("AWS_LOCATION", default="")
        self.MEDIA_ROOT = env.str("MEDIA_ROOT", default="")
        self.LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
        self.SENTRY_DSN = env.str("SENTRY_DSN", default="")
        # A translation job RUNNING longer than this is taken for dead and queued again.
        self.TRANSLATION_STALE_AFTER_SECONDS = env.int(
            "TRANSLATION_STALE_AFTER_SECONDS", default=30 * 60
        )
        self.TRANSLATION_RECOVERY_INTERVAL_SECONDS = env.int(
            "TRANSLATION_RECOVERY_INTERVAL_SECONDS", default=5 * 60
        )
        # How many reverse proxies in front of gunicorn append to X-Forwarded-For (0: none).
        self.TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
        # PostgreSQL's planner cost of reading a page out of order (``postgres_options``).
        self.POSTGRES_RANDOM_PAGE_COST = env.float("POSTGRES_RANDOM_PAGE_COST", default=1.1)
        self.READER_REPORT_CONTACT_RETENTION_DAYS = env.int(
            "READER_REPORT_CONTACT_RETENTION_DAYS", default=90
        )

    def database(self, default_sqlite: Path) -> dict:
        url = self.DATABASE_URL or f"sqlite:///{default_sqlite}"
        return postgres_options(_env.db_url_config(url), self.POSTGRES_RANDOM_PAGE_COST)

    def email(self) -> dict:
        return _env.email_url_config(self.EMAIL_URL) if self.EMAIL_URL else {}


def postgres_options(config: dict, random_page_cost: float) -> dict:
    """``config`` (a database's settings) with, on PostgreSQL, the planner's cost of a random
    page read for every session the portal opens.

    PostgreSQL's default (4) prices a spinning disk's seek. On SSDs, or with the portal's
    tables in memory as a running site has them, it made the planner read the whole page
    table (27,000 rows at 100× the demo) to count a listing's children instead of taking them
    from the path index: a news listing's count 16 → 3 ms, a listing's first read after a
    change at 100× 91 → 61 ms (docs/hosting.md). 1.1 is the usual value for SSDs; a
    deployment on spinning disks sets ``POSTGRES_RANDOM_PAGE_COST=4``. Set per session (the
    connection's ``options``), so it needs no rights on the server and reaches no other
    application's sessions."""
    if "postgresql" not in config.get("ENGINE", ""):
        return config
    options = config.setdefault("OPTIONS", {})
    cost = f"-c random_page_cost={random_page_cost}"
    options["options"] = f"{options['options']} {cost}" if options.get("options") else cost
    return config


ENV = Environment(_env)
