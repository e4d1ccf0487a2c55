"""Admin URLs of the core app: the live readability report of the page editor."""

from django.urls import path

from wagtail import hooks

from core.views import ReadabilityView


@hooks.register("register_admin_urls")
def readability_urls():
    return [
        path("pages/<int:page_id>/readability/", ReadabilityView.as_view(), name="core_readability")
    ]
