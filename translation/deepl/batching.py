"""Split texts into requests DeepL accepts: at most 50 texts and well under 128 KiB.

Workaround for wagtail-localize's DeepL translator, which sends every string of a page in
one request (DeepL answers 413 or 400 for a long page). ``tests/upstream/test_upstream_deepl.py``
fails, naming this module, when upstream batches.
"""

import json

MAX_TEXTS_PER_REQUEST = 50
# DeepL's limit is 128 KiB for the whole request body; half of it leaves room for the
# other parameters and for JSON escaping.
MAX_BYTES_PER_REQUEST = 64 * 1024


def encoded_size(text: str) -> int:
    """Bytes ``text`` takes in a JSON request body (what the deepl client sends)."""
    return len(json.dumps(text).encode("utf-8")) + 1


def make_batches(
    texts: list[str],
    *,
    max_texts: int = MAX_TEXTS_PER_REQUEST,
    max_bytes: int = MAX_BYTES_PER_REQUEST,
) -> list[list[int]]:
    """Group the indexes of ``texts`` into batches, keeping their order.

    A single text larger than ``max_bytes`` goes alone in its batch.
    """
    batches: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, text in enumerate(texts):
        text_size = encoded_size(text)
        if current and (len(current) >= max_texts or size + text_size > max_bytes):
            batches.append(current)
            current, size = [], 0
        current.append(index)
        size += text_size
    if current:
        batches.append(current)
    return batches
