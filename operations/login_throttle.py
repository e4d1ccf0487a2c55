"""Admin login throttling (django-axes) and the password-reset form's own limit.

django-axes counts failed logins of Wagtail's login view through its authentication backend
and locks out, for ``AXES_COOLOFF_TIME``, both an account that failed ``AXES_FAILURE_LIMIT``
times from anywhere (guessing one password from many addresses) and an address that failed
that often for any accounts (one address trying many accounts). Attempts are kept in the
database, so every gunicorn host sees the same counts. The client address is the real one
behind trusted proxies (core/client_address.py). An administrator unlocks an account or an
address under *Inställningar → Inloggningsspärrar* (or ``manage.py axes_reset_username``).

The password-reset form authenticates nobody, so axes does not see it: it gets its own limit
per address and per email address (``PASSWORD_RESET_LIMIT`` an hour, in the shared cache).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.client_address import client_ip


def _minutes() -> int:
    cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
    return int(cooloff.total_seconds() // 60) if cooloff else 0


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out person sees instead of the login form (axes' lockout callable).

    Rendered at once: it replaces the response in a middleware, after template responses
    would have been rendered.
    """
    return render(
        request,
        "operations/login_locked.html",
        {
            "message": _(
                "För många misslyckade inloggningsförsök. Inloggningen är spärrad i "
                "%(minutes)s minuter för det här kontot eller den här adressen. Kontakta en "
                "administratör om du behöver komma in tidigare."
            )
            % {"minutes": _minutes()}
        },
        status=429,
    )


def _over_limit(kind: str, value: str) -> bool:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    key = f"portal:password-reset:{kind}:{digest}"
    # Shared by every application host (settings.PORTAL_RATE_LIMIT_CACHE: Redis in production).
    cache = caches[settings.PORTAL_RATE_LIMIT_CACHE]
    cache.add(key, 0, 60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, 60 * 60)
        count = 1
    return count > getattr(settings, "PASSWORD_RESET_LIMIT", 5)


class PasswordResetThrottleMiddleware:
    """Refuse password-reset posts over the limit, per address and per email address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("wagtailadmin_password_reset"):
            email = request.POST.get("email", "").strip().lower()
            by_address = _over_limit("address", client_ip(request))
            by_email = _over_limit("email", email) if email else False
            if by_address or by_email:
                return render(
                    request,
                    "operations/login_locked.html",
                    {
                        "message": _(
                            "För många begäranden om nytt lösenord. Försök igen om en timme "
                            "eller kontakta en administratör."
                        )
                    },
                    status=429,
                )
        return self.get_response(request)
