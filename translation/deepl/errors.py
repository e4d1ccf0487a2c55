"""One error hierarchy for everything that goes wrong between the portal and DeepL.

The draft pipeline decides what to do from the class alone: wait and retry, pause the site
(quota, key), stop for the month (our budget) or give up on one request. The ``deepl``
client's exceptions are mapped here (``classify``), once, so no other module inspects HTTP
statuses.

A translation whose markup did not survive is not an error: it is stored as plain text and
flagged (``translation.markup.CheckedTranslation.markup_lost``), and the job goes on.
"""

import contextlib
from collections.abc import Iterator

import deepl


class MachineTranslationError(Exception):
    """Machine translation could not be done; the subclass says what to do about it."""


class RetryLater(MachineTranslationError):
    """Transient: 429/5xx after the client's own retries, a timeout, a dropped connection."""


class QuotaExceeded(MachineTranslationError):
    """DeepL answered 456: the account's characters for the period are spent."""


class ConfigurationError(MachineTranslationError):
    """DeepL answered 403 (the key is wrong or not allowed), or no key is configured."""


class RequestRejected(MachineTranslationError):
    """DeepL refused the request itself (400, 413...): retrying the same will not help."""


class BudgetExhausted(MachineTranslationError):
    """Our own monthly character budget (``DEEPL_MONTHLY_CHARACTER_BUDGET``) would be passed."""


class LanguageBudgetExhausted(BudgetExhausted):
    """One language's monthly budget (``LanguageSettings.monthly_character_budget``) would be
    passed: only that language waits, the engine goes on with the others."""


def classify(error: Exception) -> MachineTranslationError:
    """Map a ``deepl`` exception to what the pipeline should do."""
    if isinstance(error, deepl.AuthorizationException):
        return ConfigurationError(str(error))
    if isinstance(error, deepl.QuotaExceededException):
        return QuotaExceeded(str(error))
    if isinstance(error, deepl.ConnectionException | deepl.TooManyRequestsException):
        return RetryLater(str(error))
    status = getattr(error, "http_status_code", None)
    if status is None or status >= 500 or getattr(error, "should_retry", False):
        return RetryLater(str(error))
    return RequestRejected(str(error))


@contextlib.contextmanager
def as_machine_translation_errors() -> Iterator[None]:
    """Raise the ``deepl`` client's exceptions inside the block as ours."""
    try:
        yield
    except deepl.DeepLException as error:
        raise classify(error) from error
