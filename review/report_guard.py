"""The reader report form without a cookie: a signed form token checked with ``Origin``.

Django's CSRF protection needs the ``csrftoken`` cookie, and opening the form would set it;
no public URL may set a cookie. Instead the form carries a token signed with the secret key
and timestamped (``django.core.signing``), bound to the page, and a post is accepted only
when the token is fresh and the browser's ``Origin`` (or, lacking it, ``Referer``) is this
site. A cross-site page cannot forge the Origin header of a reader's browser, and a token
cannot be reused for another page or after ``REPORT_FORM_TOKEN_MAX_AGE`` seconds.
"""

from django.conf import settings
from django.core import signing

SALT = "review.reader-report.form"


def form_token(page_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(page_id))


def token_valid(token: str, page_id: int) -> bool:
    max_age = getattr(settings, "REPORT_FORM_TOKEN_MAX_AGE", 6 * 60 * 60)
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token or "", max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return False
    return value == str(page_id)


def body_too_large(request) -> bool:
    """Whether the post is over ``REPORT_MAX_BODY_BYTES``, judged before it is parsed."""
    cap = getattr(settings, "REPORT_MAX_BODY_BYTES", 16 * 1024)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > cap
