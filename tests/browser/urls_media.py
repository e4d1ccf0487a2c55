"""The portal's URLs plus uploaded media, for browser tests that show images (the live
server runs with DEBUG off, where ``portal/urls.py`` serves no media)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *portal_urlpatterns,
]
