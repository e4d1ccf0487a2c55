"""Only ``translation.strings`` writes string translations (issue #20: one writer).

Read from the source with ``ast``: a call that writes through ``StringTranslation``'s manager
or a queryset of it (``create``, ``get_or_create``, ``update_or_create``, ``bulk_create``,
``bulk_update``, ``update``, ``delete``), a ``StringTranslation(...)`` made by hand, or
wagtail-localize's ``set_field_error``, anywhere in a product app other than the writer
itself, fails. ``devtools`` builds demo and benchmark content and is not the product.
"""

import ast
from pathlib import Path

from tests.core.test_floors import MODULES

WRITER = "translation.strings"
WRITES = {
    "create",
    "get_or_create",
    "update_or_create",
    "bulk_create",
    "bulk_update",
    "update",
    "delete",
}


def _chain_mentions(node: ast.AST, name: str) -> bool:
    """Whether an attribute/call chain starts at the name ``name``."""
    while True:
        if isinstance(node, ast.Name):
            return node.id == name
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return False


def writes_of(path: Path) -> list[int]:
    """Line numbers where ``path`` writes string translations."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id == "StringTranslation"
            or isinstance(func, ast.Attribute)
            and func.attr == "set_field_error"
            or (
                isinstance(func, ast.Attribute)
                and func.attr in WRITES
                and _chain_mentions(func.value, "StringTranslation")
            )
        ):
            found.append(node.lineno)
    return sorted(found)


def test_only_the_writer_writes_string_translations():
    product = {
        name: path
        for name, path in MODULES.items()
        if name.split(".")[0] != "devtools" and name != WRITER
    }
    assert "review.changed_strings" in product and "translation.pipeline" in product
    writers = {name: lines for name, path in product.items() if (lines := writes_of(path))}
    assert not writers, f"write string translations through {WRITER}: {writers}"


def test_the_check_sees_each_kind_of_write(tmp_path):
    source = tmp_path / "sample.py"
    source.write_text(
        "StringTranslation.objects.get_or_create(a=1)\n"
        "StringTranslation.objects.filter(a=1).update(b=2)\n"
        "StringTranslation(data='x').save()\n"
        "row.set_field_error(errors)\n"
        "StringTranslation.objects.filter(a=1).first()\n"
        "Other.objects.create(a=1)\n",
        encoding="utf-8",
    )
    assert writes_of(source) == [1, 2, 3, 4]
    assert writes_of(MODULES[WRITER]), "the writer itself writes"
