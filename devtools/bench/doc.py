"""Benchmarks write their latest figures into the docs, between two marker comments."""

from pathlib import Path


def write_between_markers(doc: Path, begin: str, end: str, text: str) -> None:
    """Replace what stands between ``begin`` and ``end`` in ``doc`` (nothing when either is
    missing, or the file is: a checkout without the docs still runs the benchmark)."""
    if not doc.exists():
        return
    content = doc.read_text()
    if begin in content and end in content:
        head, rest = content.split(begin, 1)
        _old, tail = rest.split(end, 1)
        doc.write_text(f"{head}{begin}\n{text}\n{end}{tail}")
