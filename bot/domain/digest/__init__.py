"""The weekly sponsor digest: one engagement's figures and chart; no Slack, no database."""

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
    "render_chart",
]
