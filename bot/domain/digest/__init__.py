"""The weekly sponsor digest: one engagement's figures, text and chart; no Slack, no database."""

from bot.domain.digest.chart import ChartSeries, chart_figure, chart_series, render_chart
from bot.domain.digest.model import (
    BASELINE_PULSES,
    DigestInput,
    DigestNumbers,
    OpenAlert,
    PulsePoint,
    SideNumbers,
    digest_numbers,
)
from bot.domain.digest.text import digest_sections, render_blocks, render_text

__all__ = [
    "BASELINE_PULSES",
    "ChartSeries",
    "DigestInput",
    "DigestNumbers",
    "OpenAlert",
    "PulsePoint",
    "SideNumbers",
    "chart_figure",
    "chart_series",
    "digest_numbers",
    "digest_sections",
    "render_blocks",
    "render_chart",
    "render_text",
]
