"""Charts as inline SVG, drawn on the server: no script, no chart library, print-ready.

Every chart is an image with a title and a description (``role="img"``, ``<title>``,
``<desc>``), its labels are real ``<text>`` in the reader's language and the numbers are
formatted like the rest of the page. Positions are computed left to right and mirrored for
right-to-left pages; the root's ``direction`` makes the logical text anchors (start, end)
follow, so axis labels sit on the reading side. Colours keep at least 3:1 against the white
background, and colour is never the only cue: series differ by pattern and every bar and line
end carries its value.

Styling uses presentation attributes only: the site's Content-Security-Policy forbids
inline ``style``. What all charts share is in followup.css (``.chart``), the series' patterns
are on the page once (``patterns()``) and a series' bars are one path: a page of a dozen
charts has to stay under the 200 KB budget of a first visit.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .datasets import Dataset, Series, format_value

WIDTH = 360
PAD = 8
INK = "#1b1b1b"  # 17:1 on white
AXIS = "#4a4a4a"  # 8.9:1
GRID = "#c5ced6"  # decorative: every gridline is labelled
FONT = 13
SMALL = 12
MAX_BAR_SERIES = 3  # more series than this: stacked bars (one per year, a segment a series)
MAX_CATEGORIES = 8  # the most recent years that fit a phone; the table has them all
GLYPH = 0.6  # a character's width, roughly, in font sizes
LINE = 15  # from one line of a category label to the next

# (colour, pattern), each at least 5.9:1 against white: blue 7.6, brown 5.9, green 6.4,
# purple 7.4, magenta 6.9, teal 7.4, near-black 16.8, olive 6.3. Neighbours differ in colour
# and pattern; stacked segments are also parted by a white gap.
STYLES = [
    ("#00548a", ""),
    ("#a14a00", "stripes"),
    ("#2e6b30", "dots"),
    ("#6b3fa0", ""),
    ("#b3005c", "stripes"),
    ("#005f5f", "dots"),
    ("#1b1b1b", "stripes"),
    ("#7a5c00", ""),
]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _text(x, y, label, *, anchor="middle", size=FONT, weight="", fill=INK, root=FONT) -> str:
    # The root sets the usual anchor, size (``root``) and colour; only differences are written.
    # Whole units: a tenth of a unit is not visible in a label, but costs bytes on every one.
    attributes = [f'x="{round(x)}" y="{round(y)}"']
    if anchor != "middle":
        attributes.append(f'text-anchor="{anchor}"')
    if size != root:
        attributes.append(f'font-size="{_n(size)}"')
    if fill != INK:
        attributes.append(f'fill="{fill}"')
    if weight:
        attributes.append('font-weight="bold"')
    return f"<text {' '.join(attributes)}>{escape(label)}</text>"


def _pattern(index: int) -> str:
    colour, kind = STYLES[index]
    if kind == "stripes":
        return (
            f'<pattern id="fp{index}" width="6" height="6" patternUnits="userSpaceOnUse"'
            f' patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
            f'<rect width="3.5" height="6" fill="{colour}"/></pattern>'
        )
    if kind == "dots":
        return (
            f'<pattern id="fp{index}" width="5" height="5" patternUnits="userSpaceOnUse">'
            f'<rect width="5" height="5" fill="#fff"/>'
            f'<circle cx="2.5" cy="2.5" r="1.8" fill="{colour}"/></pattern>'
        )
    return ""


def patterns() -> SafeString:
    """The series' patterns, once a page: every chart and legend swatch refers to them
    (``url(#fp1)``) instead of carrying its own copy, which kept a page of many charts
    over its weight budget. Out of the flow and hidden from screen readers (followup.css);
    not ``display: none``, which stops the patterns from painting."""
    defs = "".join(_pattern(i) for i in range(len(STYLES)))
    return mark_safe(  # noqa: S308 - built from constants
        f'<svg class="chart-patterns" width="0" height="0" aria-hidden="true"><defs>{defs}'
        "</defs></svg>"
    )


def _bars(series_index: int, boxes: list[str], extra: str = "") -> str:
    """One series' bars as a single path (a subpath a bar), its fill and outline written
    once: a chart of many bars stays light. ``boxes`` from ``_box``."""
    if not boxes:
        return ""
    colour, kind = STYLES[series_index % len(STYLES)]
    # A patterned bar gets an outline in its colour, so its edge keeps the contrast.
    outline = f' stroke="{colour}"' if kind else ""
    return f'<path d="{"".join(boxes)}" fill="{_fill(series_index)}"{outline}{extra}/>'


def _box(left: float, bottom: float, width: float, height: float) -> str:
    return f"M{_n(left)} {_n(bottom)}v-{_n(height)}h{_n(width)}v{_n(height)}z"


def _fill(index: int) -> str:
    colour, kind = STYLES[index % len(STYLES)]
    return f"url(#fp{index % len(STYLES)})" if kind else colour


def _open(uid: str, height: float, title: str, desc: str, rtl: bool, size: int = FONT) -> str:
    # The usual colour, text size and anchor, and the outlines' width are followup.css'
    # (.chart, the same values as INK, FONT): written once for every chart on the page.
    direction = "rtl" if rtl else "ltr"
    font = f' font-size="{size}"' if size != FONT else ""
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {_n(height)}" width="100%"'
        f' direction="{direction}" aria-labelledby="{uid}-title {uid}-desc"{font}>'
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<desc id="{uid}-desc">{escape(desc)}</desc>'
    )


def swatch(index: int) -> SafeString:
    """The legend's sample of a series' fill, hidden from screen readers (the text says it);
    its pattern is the page's one (``patterns()``)."""
    colour, _kind = STYLES[index % len(STYLES)]
    return mark_safe(  # noqa: S308 - built from constants
        f'<svg class="swatch" width="16" height="16" aria-hidden="true">'
        f'<rect x="1" y="1" width="14" height="14" fill="{_fill(index)}" stroke="{colour}"'
        f' stroke-width="1.5"/></svg>'
    )


def bar_series(dataset: Dataset) -> list[Series]:
    """What the bars show: every series the table has (side by side, or stacked when there
    are more than ``MAX_BAR_SERIES``); a chart of the total alone hid the breakdown."""
    return dataset.series


def is_stacked(dataset: Dataset) -> bool:
    return len(dataset.series) > MAX_BAR_SERIES


def _bar_frame(dataset: Dataset):
    """What both bar charts share: the last MAX_CATEGORIES categories, each a slot with its
    fitted label, and the chart's height (taller when a label takes two lines)."""
    first = max(len(dataset.categories) - MAX_CATEGORIES, 0)
    categories = dataset.categories[first:]
    top, plot_h, bottom = 40, 150, 28
    slot = (WIDTH - 2 * PAD) / max(len(categories), 1)
    labels = [_fitted(category.label, slot) for category in categories]
    bottom += (max((len(lines) for lines, _size in labels), default=1) - 1) * LINE
    return first, categories, slot, labels, top + plot_h + bottom, top + plot_h, plot_h


def _category_label(label: tuple[list[str], float], centre: float, base: float) -> list[str]:
    lines, size = label
    return [
        _text(centre, base + 19 + row * LINE, line, size=size) for row, line in enumerate(lines)
    ]


def bar_chart(dataset: Dataset, *, uid: str, title: str, desc: str, rtl: bool) -> SafeString:
    if is_stacked(dataset):
        return stacked_bar_chart(dataset, uid=uid, title=title, desc=desc, rtl=rtl)
    series = bar_series(dataset)
    first, categories, slot, labels, height, base, plot_h = _bar_frame(dataset)
    values = [v for s in series for v in s.values[first:] if v is not None]
    peak = max([float(v) for v in values] + [0]) or 1.0
    group = slot * (0.8 if len(series) > 1 else 0.62)
    # A lone year must not become a wall: bars are at most 56 units wide.
    group = min(group, 56 * len(series))
    bar = group / len(series)

    def x(value: float, width: float = 0) -> float:
        return WIDTH - value - width if rtl else value

    parts = [_open(uid, height, title, desc, rtl)]
    start = WIDTH - PAD if rtl else PAD
    parts.append(_text(start, 16, _unit_caption(dataset.unit), anchor="start", size=SMALL))
    boxes = [[] for _ in series]
    for i in range(len(categories)):
        left = PAD + i * slot + (slot - group) / 2
        for j, s in enumerate(series):
            value = s.values[first + i]
            bx = left + j * bar
            inner = bar - (2 if len(series) > 1 else 0)
            centre = x(bx + inner / 2)
            if value is None:
                parts.append(_text(centre, base - 4, "–", fill=AXIS))
                continue
            h = float(value) / peak * plot_h
            if h > 0:
                boxes[j].append(_box(x(bx, inner), base, inner, h))
            label = format_value(value, dataset.unit)
            room = slot * 0.96 if len(series) == 1 else inner + 2
            size = max(8.0, min(float(FONT), room / (len(label) * 0.6)))
            parts.append(_text(centre, base - h - 5, label, size=FONT if size >= FONT else size))
        parts.extend(_category_label(labels[i], x(PAD + (i + 0.5) * slot), base))
    parts.extend(_bars(j, b) for j, b in enumerate(boxes))
    parts.append(f'<path d="M{PAD} {base}H{WIDTH - PAD}" stroke="{AXIS}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text went through escape()


def stacked_bar_chart(
    dataset: Dataset, *, uid: str, title: str, desc: str, rtl: bool
) -> SafeString:
    """One bar a year, a segment a series from the bottom up in the legend's order, the
    total on top; each segment's own figure is in the table (a label would not fit)."""
    series = dataset.series
    first, categories, slot, labels, height, base, plot_h = _bar_frame(dataset)
    totals = dataset.totals()[first:]
    peak = max([float(v) for v in totals if v is not None] + [0]) or 1.0
    bar = min(slot * 0.62, 56)

    def x(value: float, width: float = 0) -> float:
        return WIDTH - value - width if rtl else value

    parts = [_open(uid, height, title, desc, rtl)]
    start = WIDTH - PAD if rtl else PAD
    parts.append(_text(start, 16, _unit_caption(dataset.unit), anchor="start", size=SMALL))
    boxes = [[] for _ in series]
    for i, total in enumerate(totals):
        left = PAD + i * slot + (slot - bar) / 2
        centre = x(left + bar / 2)
        if total is None:
            parts.append(_text(centre, base - 4, "–", fill=AXIS))
        else:
            y = base
            for j, s in enumerate(series):
                value = s.values[first + i]
                if not value:
                    continue
                h = float(value) / peak * plot_h
                # A white gap of one unit between segments.
                boxes[j].append(_box(x(left, bar), y - 0.5, bar, max(h - 1, 0.5)))
                y -= h
            label = format_value(total, dataset.unit)
            size = max(8.0, min(float(FONT), slot * 0.96 / (len(label) * 0.6)))
            parts.append(_text(centre, base - float(total) / peak * plot_h - 5, label, size=size))
        parts.extend(_category_label(labels[i], x(PAD + (i + 0.5) * slot), base))
    parts.extend(
        _bars(j, b, f' data-series="{escape(s.key)}"')
        for j, (s, b) in enumerate(zip(series, boxes, strict=True))
    )
    parts.append(f'<path d="M{PAD} {base}H{WIDTH - PAD}" stroke="{AXIS}"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text went through escape()


def _fitted(label: str, room: float) -> tuple[list[str], float]:
    """A category label as lines that fit under its bar (a year fits; "Mycket svår" may be
    split in two), and the font size, smaller only when a single word is still too wide."""
    width = len(label) * FONT * GLYPH
    words = label.split()
    if width <= room * 0.96 or len(words) < 2:
        lines = [label]
    else:
        # Split where the two lines are the most even.
        cut = min(
            range(1, len(words)),
            key=lambda n: abs(len(" ".join(words[:n])) - len(" ".join(words[n:]))),
        )
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
    longest = max(len(line) for line in lines)
    size = max(9.0, min(float(FONT), room * 0.96 / (longest * GLYPH)))
    return lines, (FONT if size >= FONT else round(size, 1))


def line_chart(
    dataset: Dataset, series: Series, *, uid: str, title: str, desc: str, rtl: bool
) -> SafeString:
    """One series over time (a language's coverage by month), 0–100 %."""
    top, plot_h, bottom = 16, 110, 26
    height = top + plot_h + bottom
    base = top + plot_h
    x0, x1 = PAD + 44, WIDTH - PAD - 46
    count = len(dataset.categories)
    step = (x1 - x0) / max(count - 1, 1)

    def x(value: float) -> float:
        return WIDTH - value if rtl else value

    def y(value) -> float:
        return base - float(value) / 100 * plot_h

    # Every label here is small: the root says so once.
    parts = [_open(uid, height, title, desc, rtl, size=SMALL)]
    grid = "".join(f"M{_n(x(x0))} {_n(y(level))}H{_n(x(x1))}" for level in (50, 100))
    parts.append(f'<path d="{grid}" stroke="{GRID}" stroke-width="1"/>')
    parts.append(f'<path d="M{_n(x(x0))} {_n(y(0))}H{_n(x(x1))}" stroke="{AXIS}"/>')
    for level in (0, 50, 100):
        label = format_value(level, dataset.unit)
        parts.append(_text(x(x0 - 6), y(level) + 4, label, anchor="end", size=SMALL, root=SMALL))
    colour = STYLES[0][0]
    runs, run = [], []
    for i, value in enumerate(series.values):
        if value is None:
            if run:
                runs.append(run)
            run = []
            continue
        run.append((x(x0 + i * step), y(value)))
    if run:
        runs.append(run)
    for points in runs:
        if len(points) > 1:
            coordinates = " ".join(f"{_n(px)},{_n(py)}" for px, py in points)
            parts.append(
                f'<polyline points="{coordinates}" fill="none" stroke="{colour}"'
                f' stroke-width="2.5" stroke-linejoin="round"/>'
            )
        for px, py in points:
            parts.append(
                f'<circle cx="{_n(px)}" cy="{_n(py)}" r="3.5" fill="{colour}" stroke="#fff"'
                ' stroke-width="1"/>'
            )
    last = next(
        ((i, v) for i, v in reversed(list(enumerate(series.values))) if v is not None), None
    )
    if last is not None:
        i, value = last
        parts.append(
            _text(
                x(x0 + i * step + 7),
                y(value) + 4,
                format_value(value, dataset.unit),
                anchor="start",
                size=SMALL,
                root=SMALL,
                weight="bold",
            )
        )
    if dataset.categories:
        parts.append(
            _text(
                x(x0),
                base + 18,
                dataset.categories[0].label,
                anchor="start",
                size=SMALL,
                root=SMALL,
            )
        )
        if count > 1:
            parts.append(
                _text(
                    x(x1),
                    base + 18,
                    dataset.categories[-1].label,
                    anchor="end",
                    size=SMALL,
                    root=SMALL,
                )
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text went through escape()


def _unit_caption(unit: str) -> str:
    from .datasets import Unit

    return str(Unit(unit).label)
