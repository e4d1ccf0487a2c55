"""Settings of the db_worker processes the crash tests start: dev, with retries soon."""

from portal.settings.dev import *  # noqa: F403

# A locale whose job met a database error retries after two seconds, not five minutes.
TRANSLATION_RETRY_DELAY_SECONDS = 2
