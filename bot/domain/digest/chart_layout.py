"""Where the chart's small labels go: the first nearby spot that covers no line, mark or label.

Measured on the figure's own renderer, in display units, so the rule holds whatever the
data: a label (``n=3``, a latest value) is tried at a few offsets around its point and
kept at the first one whose box crosses no line, touches no marker and overlaps no label
already placed. The same measures let a test check the finished chart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any, Final

from matplotlib.lines import Line2D
from matplotlib.path import Path
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

PAD: Final = 1.5
"""Display pixels kept clear around a label's box."""


def line_paths(line: Line2D) -> list[Path]:
    """A drawn line's visible segments in display units (a NaN point breaks it)."""
    if line.get_linestyle() in ("None", "", " ", "none"):
        return []
    points = line.get_transform().transform(line.get_xydata())
    paths: list[Path] = []
    run: list[tuple[float, float]] = []
    for x, y in points:
        if math.isnan(x) or math.isnan(y):
            if len(run) > 1:
                paths.append(Path(run))
            run = []
        else:
            run.append((x, y))
    if len(run) > 1:
        paths.append(Path(run))
    return paths


def marker_boxes(line: Line2D, dpi: float) -> list[Bbox]:
    """The display boxes of a line's markers (a marker is ``markersize`` points across)."""
    if line.get_marker() in (None, "None", "", " ", "none"):
        return []
    half = line.get_markersize() * dpi / 72 / 2 + line.get_markeredgewidth() * dpi / 72 / 2
    points = line.get_transform().transform(line.get_xydata())
    return [
        Bbox.from_extents(x - half, y - half, x + half, y + half)
        for x, y in points
        if not (math.isnan(x) or math.isnan(y))
    ]


def padded(box: Bbox, pad: float = PAD) -> Bbox:
    return Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)


def renderer_of(figure: Any) -> Any:
    """The Agg renderer of a figure drawn on ``FigureCanvasAgg``."""
    return figure.canvas.get_renderer()


def is_clear(
    box: Bbox, paths: Iterable[Path], marks: Iterable[Bbox], taken: Iterable[Bbox]
) -> bool:
    """True when ``box`` crosses no path and overlaps no mark or other label."""
    around = padded(box)
    if any(path.intersects_bbox(around, filled=False) for path in paths):
        return False
    return not any(around.overlaps(other) for other in (*marks, *taken))


def place(
    axes: Any,
    labels: Sequence[tuple[Annotation, Sequence[tuple[float, float]]]],
    avoid: Sequence[Bbox] = (),
) -> None:
    """Move each label to the first of its offsets (points) where it covers nothing.

    ``avoid`` are boxes outside the axes' lines and markers to keep clear of (the
    tolerance labels). A label with no clear offset keeps its last one: the test
    that walks these rules would then fail, rather than the label silently vanish.
    """
    figure = axes.figure
    renderer = renderer_of(figure)
    lines = [line for line in axes.get_lines() if line.get_visible()]
    paths = [path for line in lines for path in line_paths(line)]
    marks = [box for line in lines for box in marker_boxes(line, figure.dpi)]
    taken: list[Bbox] = list(avoid)
    for label, offsets in labels:
        for offset in offsets:
            label.xyann = offset
            box = label.get_window_extent(renderer)
            if is_clear(box, paths, marks, taken):
                break
        taken.append(label.get_window_extent(renderer))
