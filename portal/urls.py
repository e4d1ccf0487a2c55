from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import page_password
from home import seo
from home import views as home_views
from review import reports as review_reports

urlpatterns = [
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("sitemap-<str:name>.xml", seo.sitemap_part, name="sitemap_part"),
    path("robots.txt", seo.robots, name="robots"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every reader-facing URL carries its language: /sv/, /en/, /ar/, ...
urlpatterns += i18n_patterns(
    path("sok/", home_views.search, name="search"),
    path(
        "rapportera-oversattning/<int:page_id>/",
        review_reports.report_translation,
        name="report_translation",
    ),
    # Wagtail's own path, answered without the CSRF cookie (core/page_password.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password.authenticate_with_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
