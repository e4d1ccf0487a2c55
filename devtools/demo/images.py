"""Small illustrative images drawn with Pillow at load time: nothing is downloaded."""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image, ImageDraw

PALETTES = [
    ((0, 84, 138), (255, 191, 71)),
    ((11, 92, 30), (230, 244, 234)),
    ((120, 40, 90), (250, 220, 235)),
    ((60, 60, 60), (240, 240, 240)),
    ((0, 110, 120), (255, 235, 180)),
]


def draw_image(seed: str, width: int = 960, height: int = 540) -> bytes:
    """A simple, deterministic composition of circles and bands derived from ``seed``."""
    digest = hashlib.sha256(seed.encode()).digest()
    background, accent = PALETTES[digest[0] % len(PALETTES)]
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    for i in range(5):
        x = digest[1 + i] / 255 * width
        y = digest[6 + i] / 255 * height
        radius = 40 + digest[11 + i] % 120
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=accent, width=8)
    band = height * (0.55 + digest[20] / 255 * 0.3)
    draw.rectangle((0, band, width, band + 24), fill=accent)
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_image(title: str, slug: str):
    """The image titled ``title``, created on the first run only."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title)
        image.file = ImageFile(BytesIO(draw_image(slug)), name=f"demo-{slug}.png")
        image.save()
    return image
