"""The work units of the parallel run keep pytest-django's order (tests/parallel_scheduling.py)."""

from tests.parallel_scheduling import runs_of_files


def test_a_file_is_one_unit_until_another_file_comes_between_its_tests():
    order = [
        "tests/a.py::test_plain",
        "tests/a.py::TestSite::test_plain",
        "tests/b.py::test_plain",
        "tests/a.py::test_transactional",
        "tests/c.py::test_transactional",
        "tests/a.py::test_without_database",
    ]

    scopes = runs_of_files(order)

    assert [scopes[nodeid] for nodeid in order] == [
        "tests/a.py",
        "tests/a.py",
        "tests/b.py",
        "tests/a.py#2",
        "tests/c.py",
        "tests/a.py#3",
    ]


def test_the_files_of_a_folder_kept_together_are_one_unit():
    order = [
        "tests/journeys/test_a.py::test_plain",
        "tests/journeys/test_b.py::test_plain",
        "tests/c.py::test_plain",
        "tests/journeys/test_a.py::test_without_database",
    ]

    scopes = runs_of_files(order, together=("tests/journeys/",))

    assert [scopes[nodeid] for nodeid in order] == [
        "tests/journeys",
        "tests/journeys",
        "tests/c.py",
        "tests/journeys#2",
    ]
