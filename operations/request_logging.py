"""Production logging: one line per event on stderr, with request id, path and user id.

``RequestContextMiddleware`` (first in ``MIDDLEWARE``) gives each request an id, taken from an
incoming ``X-Request-ID`` only when it looks like one (letters, digits, ``.``, ``_``, ``-``;
8 to 128 characters) so that a client cannot write arbitrary text into the log, and returns
it in the response's ``X-Request-ID``. The request lives in a context variable for the
duration of the request; ``RequestContextFilter`` adds ``request_id``, ``path`` and
``user_id`` to every log record (``-`` outside a request, e.g. in ``db_worker``), and
``OneLineFormatter`` keeps a traceback on the same line, so that a log shipper sees one event
per line.
"""

import contextvars
import logging
import re
import uuid

REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{8,128}")
_current_request = contextvars.ContextVar("portal_request", default=None)


def _request_id(request) -> str:
    incoming = request.META.get("HTTP_X_REQUEST_ID", "")
    if REQUEST_ID_PATTERN.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = _request_id(request)
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


def _user_id(request) -> str:
    user = getattr(request, "user", None)
    if user is None:
        return "-"
    try:
        return str(user.pk) if user.is_authenticated else "anonymous"
    except Exception:  # noqa: BLE001 - a broken database must not stop the error being logged
        return "-"


class RequestContextFilter(logging.Filter):
    def filter(self, record):
        # django.request passes the request itself; otherwise the one being served, if any.
        request = getattr(record, "request", None) or _current_request.get()
        if request is None or not hasattr(request, "META"):
            record.request_id = getattr(record, "request_id", "-")
            record.path = "-"
            record.user_id = "-"
            return True
        record.request_id = getattr(request, "request_id", "-")
        record.path = request.get_full_path()[:500]
        record.user_id = _user_id(request)
        return True


class OneLineFormatter(logging.Formatter):
    """The standard format, with newlines of the message and traceback escaped."""

    def format(self, record):
        return super().format(record).replace("\r", "\\r").replace("\n", "\\n")


def logging_config(level: str = "INFO") -> dict:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_context": {"()": RequestContextFilter}},
        "formatters": {
            "one_line": {
                "()": OneLineFormatter,
                "format": (
                    "%(asctime)s %(levelname)s %(name)s request_id=%(request_id)s "
                    "path=%(path)s user=%(user_id)s %(message)s"
                ),
            }
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "filters": ["request_context"],
                "formatter": "one_line",
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            # Django's own default sends errors to the console only with DEBUG on.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.request": {"handlers": [], "level": "WARNING", "propagate": True},
            # Task failures in db_worker, with their tracebacks.
            "django_tasks": {"handlers": [], "level": level, "propagate": True},
            "django_tasks_db": {"handlers": [], "level": level, "propagate": True},
        },
    }
