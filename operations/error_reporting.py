"""Optional error reporting to Sentry (or a compatible service) when ``SENTRY_DSN`` is set.

Never required: without the variable nothing is imported or sent. No personal data is sent
(``send_default_pii=False``: no cookies, user names or client addresses), no performance
traces; the request id of operations/request_logging.py is attached as a tag so that a report
and the log line of the same request can be matched.
"""


def init_sentry(dsn: str, environment: str = "production") -> bool:
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    def add_request_id(event, hint):
        from .request_logging import _current_request

        request = _current_request.get()
        if request is not None:
            event.setdefault("tags", {})["request_id"] = getattr(request, "request_id", "-")
        return event

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        traces_sample_rate=0.0,
        before_send=add_request_id,
    )
    return True
