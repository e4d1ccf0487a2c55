"""A strict Content-Security-Policy and Permissions-Policy for the public site.

Public pages load nothing but the site's own CSS and fonts, so the policy allows only
``'self'`` and no inline script or style. The Wagtail admin (and its page previews) uses
inline scripts and styles and is exempt: ``PORTAL_CSP_EXEMPT_PATHS`` lists its prefixes.
Public pages use no camera, microphone, location or other powerful browser feature, so the
Permissions-Policy switches them all off (``PORTAL_PERMISSIONS_POLICY``).
"""

from django.conf import settings


def content_security_policy(media_origins=()) -> str:
    """The policy; ``media_origins`` are where images may also come from (S3, a CDN)."""
    images = " ".join(["'self'", "data:", *media_origins])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            f"img-src {images}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


DEFAULT_POLICY = content_security_policy()

DEFAULT_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PORTAL_CSP", None)
        if policy is None:
            policy = content_security_policy(getattr(settings, "PORTAL_MEDIA_ORIGINS", ()))
        self.policy = policy
        self.exempt = tuple(getattr(settings, "PORTAL_CSP_EXEMPT_PATHS", ("/admin/",)))
        self.permissions = getattr(
            settings, "PORTAL_PERMISSIONS_POLICY", DEFAULT_PERMISSIONS_POLICY
        )

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.exempt):
            return response
        if self.permissions:
            response.headers.setdefault("Permissions-Policy", self.permissions)
        if not self.policy:
            return response
        # Django's technical error pages (DEBUG only) carry inline styles and scripts.
        if settings.DEBUG and response.status_code >= 500:
            return response
        response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
