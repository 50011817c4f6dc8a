"""The digest chart: what it plots, withheld points left out, and a stable 1600×900 PNG."""

from __future__ import annotations

import io
import math
import struct
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import cast

from PIL import Image

from bot.domain.alerts import PulseFigures
from bot.domain.digest import DigestInput, PulsePoint, chart_figure, chart_series, render_chart
from bot.domain.digest.chart import SLA_COLOURS, STYLE
from tests.support.digests import digest, points, side, withheld_now

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CLIENT = [82, 80, 78, None, 75, 74, 70, 66, 62, 60, None, 54, 50]
PROVIDER = [70, 72, 75, 76, 77, None, 78, 79, 80, 80, 81, 81, 82]


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which always comes first after the signature."""
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def strip_colours(png: bytes, digest_input: DigestInput) -> set[tuple[int, int, int]]:
    """The colours inside the SLA strip (the axes under the plot), away from the legend."""
    box = chart_figure(digest_input).axes[1].get_window_extent()
    image = Image.open(io.BytesIO(png)).convert("RGB")
    strip = image.crop((box.x0, image.height - box.y1, box.x1, image.height - box.y0))
    colours = strip.getcolors(maxcolors=strip.width * strip.height) or []
    return {cast(tuple[int, int, int], colour) for _, colour in colours}


def rgb(hex_colour: str) -> tuple[int, int, int]:
    return (int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16))


def test_series_are_the_last_twelve_pulses_with_withheld_points_as_nan() -> None:
    series = chart_series(digest(points(CLIENT, PROVIDER)))
    assert len(series.dates) == 12
    assert [None if math.isnan(v) else v for v in series.client] == [*CLIENT[1:]]
    assert [None if math.isnan(v) else v for v in series.provider] == [*PROVIDER[1:]]
    assert series.labels[0] == "10 Mar" and series.labels[-1] == "26 May"
    assert series.any_withheld


def test_a_withheld_latest_point_is_not_drawn() -> None:
    figure = chart_figure(withheld_now())
    client = next(
        line for line in figure.axes[0].lines if str(line.get_label()).startswith("Client")
    )
    values = [float(v) for v in cast(Sequence[float], client.get_ydata())]
    assert math.isnan(values[-1])
    assert [v for v in values if not math.isnan(v)] == [80, 78, 75, 70, 60, 54]
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert "81" in labels  # the provider's latest value is labelled, and nothing for the client
    assert all(label in {"81", "client tolerance 70", "provider tolerance 60"} for label in labels)


def test_sides_are_told_apart_by_colour_and_line_style_and_marker() -> None:
    client, provider = STYLE["client"], STYLE["provider"]
    assert client["color"] != provider["color"]
    assert client["linestyle"] != provider["linestyle"]
    assert client["marker"] != provider["marker"]
    figure = chart_figure(digest(points(CLIENT, PROVIDER)))
    axes = figure.axes[0]
    assert axes.get_ylim() == (0, 100)
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert legend[0] == "Client (Acme)" and "Provider (Globex)" in legend
    assert [tick.get_text() for tick in figure.axes[1].get_xticklabels()][-1] == "26 May"


def test_png_is_1600_by_900_and_the_same_bytes_every_time() -> None:
    first = render_chart(digest(points(CLIENT, PROVIDER)))
    second = render_chart(digest(points(CLIENT, PROVIDER)))
    assert first.startswith(PNG_SIGNATURE)
    assert png_size(first) == (1600, 900)
    assert Image.open(io.BytesIO(first)).size == (1600, 900)
    assert first == second
    assert first != render_chart(digest(points([*CLIENT[:-1], 30], PROVIDER)))


def test_sla_marks_show_in_their_colours() -> None:
    history = points([70, 71, 72], [60, 61, 62])
    history[1] = PulsePoint(history[1].closed_at, history[1].figures, "red")
    with_red, all_green = digest(history), digest(points([70, 71, 72], [60, 61, 62]))
    in_red = strip_colours(render_chart(with_red), with_red)
    in_green = strip_colours(render_chart(all_green), all_green)
    assert {rgb(SLA_COLOURS["red"]), rgb(SLA_COLOURS["green"])} <= in_red
    assert rgb(SLA_COLOURS["red"]) not in in_green
    assert rgb(SLA_COLOURS["amber"]) not in in_green | in_red


def test_one_pulse_and_no_pulse_still_make_a_chart() -> None:
    one = PulsePoint(
        datetime(2025, 3, 3, 16, tzinfo=UTC),
        PulseFigures(side("client", 75), side("provider", None)),
    )
    single = render_chart(digest([one]))
    assert png_size(single) == (1600, 900)
    empty = digest([], next_pulse=datetime(2025, 3, 3, 16, tzinfo=UTC) + timedelta(days=7))
    assert chart_series(empty).dates == ()
    figure = chart_figure(empty)
    assert "No pulse has closed yet." in [text.get_text() for text in figure.texts]
    assert png_size(render_chart(empty)) == (1600, 900)


def test_a_german_sponsors_chart_is_labelled_in_german() -> None:
    from bot.domain.i18n import reading_as

    with reading_as("de-DE"):
        figure = chart_figure(digest(points(CLIENT, PROVIDER)))
        empty = chart_figure(digest([]))
    assert figure.get_suptitle() == "Acme deal – letzte 12 Pulse"
    assert figure.axes[0].get_ylabel() == "Index (0–100)"
    legends = [text.get_text() for legend in figure.legends for text in legend.get_texts()]
    assert "client-Toleranz (70)" in legends and "SLA grün" in legends
    assert "unter beiden Toleranzen (unter 60)" in legends
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert "provider-Toleranz 60" in labels
    assert [tick.get_text() for tick in figure.axes[1].get_xticklabels()][-1] == "26. Mai"
    notes = [text.get_text() for text in figure.texts]
    assert "Kein Punkt: weniger als 3 Antworten, zurückgehalten." in notes
    assert "Noch kein Puls geschlossen." in [text.get_text() for text in empty.texts]
    every = " ".join([figure.get_suptitle(), *legends, *labels, *notes])
    for english in ("tolerance", "pulses", "answered", "alert opened", "SLA green"):
        assert english not in every
