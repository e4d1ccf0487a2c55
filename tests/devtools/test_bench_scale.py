"""``make bench-scale`` asks its scales in alternation and judges the largest against 1×.

The measuring processes need a grown database each (minutes); what decides the figures is
the order in which they are asked and how their answers are merged, tested here with
processes that answer from a list.
"""

from devtools.bench import scale


class Answering:
    """A measuring process that answers with its next prepared answer, and logs the order."""

    def __init__(self, scale_factor: int, answers: list[dict], log: list):
        self.scale = scale_factor
        self.answers = iter(answers)
        self.log = log

    def ask(self, **command):
        self.log.append((self.scale, command["do"]))
        return next(self.answers)


def reader_answer(times, first_times, queries=0, first_queries=20, status=200):
    return {
        "status": status,
        "queries": queries,
        "times": times,
        "first_queries": first_queries,
        "first_times": first_times,
    }


def test_scales_are_asked_forwards_then_backwards():
    log = []
    sites = [Answering(factor, [{"n": n} for n in range(4)], log) for factor in (1, 10, 100)]
    answers = scale.alternate(sites, 4, do="reader")
    assert [factor for factor, _do in log] == [1, 10, 100, 100, 10, 1, 1, 10, 100, 100, 10, 1]
    assert answers[100] == [{"n": 0}, {"n": 1}, {"n": 2}, {"n": 3}]


def test_each_scale_is_the_median_of_every_pass_and_the_ratio_is_largest_over_1x(monkeypatch):
    monkeypatch.setattr(scale, "PAGES", {"home": ""})
    monkeypatch.setattr(scale, "LANGUAGES", ("sv",))
    log = []
    # 1×: a slow pass and a fast one (the machine drifted); 100×: twice the fast one.
    small = [reader_answer([40, 40, 40], [100, 100, 100]), reader_answer([10, 10, 10], [50, 50])]
    large = [reader_answer([12, 12, 12], [60, 60, 60]), reader_answer([12, 12], [60, 60])]
    sites = [Answering(1, small, log), Answering(100, large, log)]
    table = scale.Table([1, 100])
    scale.measure_readers(sites, table, runs=3, rounds=2)

    assert table.cells[("home", "sv")] == {
        1: "0 q, 25 ms; first read 20 q, 100 ms",
        100: "0 q, 12 ms; first read 20 q, 60 ms",
    }
    assert table.ratio(("home", "sv"), 1) == "0.48 / 0.60"
    row = table.markdown().splitlines()[-1]
    assert row == (
        "| home | sv | 0 q, 25 ms; first read 20 q, 100 ms | 0 q, 12 ms; first read 20 q, 60 ms "
        "| 0.48 / 0.60 |"
    )


def test_queries_that_differ_between_passes_show_as_a_range():
    assert scale.queries([{"queries": 5}, {"queries": 5}]) == "5"
    assert scale.queries([{"queries": 7}, {"queries": 5}]) == "5–7"


def test_a_view_the_role_may_not_open_shows_its_status_and_no_ratio():
    log = []
    refused = {"status": 302, "queries": 1, "times": [1.0]}
    shown = {"status": 200, "queries": 24, "times": [40.0]}
    sites = [
        Answering(
            1,
            [{"coordinator": ["review queue", "usage report"]}, shown, shown, refused, refused],
            log,
        ),
        Answering(100, [shown, shown, refused, refused], log),
    ]
    table = scale.Table([1, 100])
    scale.measure_admin(sites, table, runs=1, rounds=2)
    assert table.cells[("review queue", "coordinator")] == {1: "24 q, 40 ms", 100: "24 q, 40 ms"}
    assert table.ratio(("review queue", "coordinator"), 1) == "1.00"
    assert table.cells[("usage report", "coordinator")] == {1: "302", 100: "302"}
    assert table.ratio(("usage report", "coordinator"), 1) == "–"


def test_the_largest_scale_is_compared_with_each_smaller_one():
    table = scale.Table([1, 10, 100])
    for factor, median in ((1, 40.0), (10, 52.0), (100, 50.0)):
        table.record("page explorer (news)", "coordinator", factor, f"39 q, {median:.0f} ms")
        table.timed("page explorer (news)", "coordinator", factor, median)
    header, _rule, row = table.markdown().splitlines()
    assert header.endswith("| 100× / 1× | 100× / 10× |")
    assert row.endswith("| 39 q, 50 ms | 1.25 | 0.96 |")
