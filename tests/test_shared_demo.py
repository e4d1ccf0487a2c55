"""The demo put back from its rows is the demo as built: every row, and the image files.

The modules that share the build (tests/shared_demo.py) trust this; the loader's own tests
(tests/devtools/test_demo_loader.py, tests/international/test_demo_loader.py) check the
content itself.
"""

from pathlib import Path

from django.conf import settings

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from tests import shared_demo


@pytest.mark.django_db
def test_the_demo_comes_back_row_for_row_with_its_images():
    shared_demo.load_demo()  # built here, or put back if another module of the process built it
    built = shared_demo._BUILT["rows"]
    Page.objects.filter(depth__gt=2).update(title="Ändrad")
    assert shared_demo.snapshot() != built

    shared_demo.load_demo()

    assert shared_demo.snapshot() == built
    images = list(get_image_model().objects.all())
    assert images
    for image in images:
        assert (Path(settings.MEDIA_ROOT) / image.file.name).is_file(), image.file.name


@pytest.mark.django_db
def test_no_demo_after_the_rollback():
    """The test's rollback took the demo away: the next database test finds the migrations'
    rows (the root page, the default site), not the demo's pages."""
    assert Page.objects.filter(depth=1).exists()
    assert not Page.objects.filter(depth__gt=2).exists()
