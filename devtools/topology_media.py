"""Put the demo's images back into an empty bucket (``make topology``'s S3 stand-in).

The stand-in keeps its objects in memory: after a restart the database still names the
demo's originals and renditions, but the bucket is empty. This draws each missing demo
original again under its stored name (the drawing is deterministic) and deletes the
renditions of those images, which Wagtail makes again on the next request. Images uploaded by
hand during an earlier run are gone with the stand-in; they are listed.
Usage: DJANGO_SETTINGS_MODULE=... python -m devtools.topology_media
"""

import os
import re
import sys

import django

DEMO_ORIGINAL = re.compile(r"original_images/demo-(?P<slug>[\w-]+?)(_[A-Za-z0-9]{7})?\.png$")


def main() -> int:
    django.setup()
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from wagtail.images import get_image_model

    from devtools.demo.images import draw_image

    restored, lost = 0, []
    for image in get_image_model().objects.all():
        name = image.file.name
        if default_storage.exists(name):
            continue
        match = DEMO_ORIGINAL.search(name)
        if match is None:
            lost.append(name)
            continue
        saved = default_storage.save(name, ContentFile(draw_image(match["slug"])))
        if saved != name:
            image.file.name = saved
            image.save(update_fields=["file"])
        image.renditions.all().delete()
        restored += 1
    print(f"Media: {restored} demo image(s) put back into the bucket", flush=True)
    for name in lost:
        print(f"Media: {name} is not in the bucket (uploaded during an earlier run)", flush=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    sys.exit(main())
