"""The password form of a protected page, without a cookie.

Wagtail's form (``wagtailcore/password_required.html``) carries Django's CSRF token, so
showing it set the ``csrftoken`` cookie on a public URL. Here the form carries a signed,
timestamped token bound to the restriction and the page instead (``django.core.signing``),
and Wagtail's ``authenticate_with_password`` is replaced at its own path by a view that is
exempt from Django's CSRF check and does its own:

- the token must be valid, fresh (``PAGE_PASSWORD_TOKEN_MAX_AGE``) and made for this
  restriction and page (a token of another page does not open this one);
- the browser's ``Origin`` (or, lacking it, ``Referer``) must be this site's, which a
  cross-site page cannot forge in a reader's browser.

What CSRF would protect here is small anyway: posting the right password only grants the
reader's own browser a look at the page; the attacker would need the password. A wrong
password shows the form again, with no cookie; the right one stores the grant in the
session (Wagtail's ``mark_as_passed``): that cookie is the reader's choice, and the
response is a private redirect.

Upstream workaround: delete this module and ``WAGTAIL_PASSWORD_REQUIRED_TEMPLATE`` when
Wagtail's password form works without the CSRF cookie
(``tests/upstream/test_upstream_restrictions.py``).
"""

from django.conf import settings
from django.core import signing
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction

from .origin import same_origin

SALT = "core.page-password.form"


def form_token(restriction_id: int, page_id: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{restriction_id}:{page_id}")


def token_valid(token: str, restriction_id: int, page_id: int) -> bool:
    max_age = getattr(settings, "PAGE_PASSWORD_TOKEN_MAX_AGE", 6 * 60 * 60)
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token or "", max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return False
    return value == f"{restriction_id}:{page_id}"


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method == "POST":
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        get_object_or_404(Page, id=page_id)
        token = request.POST.get("form_token", "")
        if not (token_valid(token, restriction.pk, page_id) and same_origin(request)):
            return HttpResponseForbidden(
                _("Formuläret har gått ut eller kom från en annan webbplats. Ladda om sidan.")
            )
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
