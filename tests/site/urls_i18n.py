"""The portal's URLs plus one plain Django view inside the language prefixes."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from django.views.generic import TemplateView

from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    *i18n_patterns(
        path("prov/", TemplateView.as_view(template_name="base.html"), name="prov"),
        prefix_default_language=True,
    ),
    *portal_urlpatterns,
]
