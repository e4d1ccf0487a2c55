"""The core app in the admin: the live readability report, the "do not translate" mark."""

from django.urls import path

from wagtail import hooks

from core import protected_text
from core.views import ReadabilityView


@hooks.register("register_admin_urls")
def readability_urls():
    return [
        path("pages/<int:page_id>/readability/", ReadabilityView.as_view(), name="core_readability")
    ]


@hooks.register("register_rich_text_features")
def notranslate_feature(features):
    protected_text.register(features)
