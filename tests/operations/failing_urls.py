"""A URLconf with one view that fails, for the production logging test."""

from django.urls import path


def fail(request):
    raise RuntimeError("Avsiktligt fel för loggtestet")


urlpatterns = [path("boom/", fail)]
