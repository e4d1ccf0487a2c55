"""How `make test` shares the test files between pytest-xdist workers without breaking the order
that pytest-django relies on.

pytest-django runs the tests on the rolled-back database first and the transactional ones
(``transaction=True``, ``live_server``) after them: a transactional test empties its
database when it ends (the root page and, after a serialized rollback, the content types
too), so a plain test after it in the same process finds no site. xdist's ``loadfile``
hands out whole files, largest first, which puts transactional tests before plain ones.

Here a work unit is a run of consecutive tests of one file in pytest-django's order
(usually the whole file; a file with plain and transactional tests becomes two units; the
files of a folder in ``TOGETHER`` count as one file), and the units go out in that order.
Each worker therefore runs its tests in the same relative order as a single process would,
and the module- and class-scoped fixtures of a file are still built once.
"""

from xdist.scheduler import LoadFileScheduling

# Folders whose files are one work unit, run by one worker one after another. Each journey
# module starts from the demo with its accounts, which a process takes from the run's one
# build (tests/shared_demo.py) once and then puts back in a second; the journeys are the
# first files of the run, and spread over both workers, the second worker sat waiting for
# the first worker's build instead of running other files meanwhile.
TOGETHER = ("tests/browser/journeys/",)


def unit_path(path: str, together: tuple[str, ...] = TOGETHER) -> str:
    """The file, or the folder in ``together`` that holds it."""
    for folder in together:
        if path.startswith(folder):
            return folder.rstrip("/")
    return path


def runs_of_files(nodeids: list[str], together: tuple[str, ...] = TOGETHER) -> dict[str, str]:
    """The work unit of each test id: its file (or its folder in ``together``), numbered
    from the file's second run on."""
    scopes = {}
    runs: dict[str, int] = {}
    previous = None
    for nodeid in nodeids:
        path = unit_path(nodeid.split("::", 1)[0], together)
        if path != previous:
            runs[path] = runs.get(path, 0) + 1
            previous = path
        scopes[nodeid] = path if runs[path] == 1 else f"{path}#{runs[path]}"
    return scopes


class OrderedFileScheduling(LoadFileScheduling):
    def __init__(self, config, log=None):
        super().__init__(config, log)
        self._scopes: dict[str, str] = {}

    def schedule(self) -> None:
        if self.collection is None and self.registered_collections:
            self._scopes = runs_of_files(list(next(iter(self.registered_collections.values()))))
        # xdist would sort the units by size, putting transactional tests before plain ones.
        self.config.option.loadscopereorder = False
        super().schedule()

    def _split_scope(self, nodeid: str) -> str:
        return self._scopes.get(nodeid) or super()._split_scope(nodeid)
