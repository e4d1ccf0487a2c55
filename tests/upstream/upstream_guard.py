"""The message every upstream guard fails with (a plain module: tests/upstream is no package)."""


def changed(module: str, behaviour: str) -> str:
    return (
        f"Upstream no longer behaves as {module} assumes: {behaviour}. The workaround may be "
        f"obsolete: delete {module} (or the part named) and this guard, or adapt both."
    )
