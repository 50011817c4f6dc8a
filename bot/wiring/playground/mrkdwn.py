"""Slack's mrkdwn as safe HTML: bold, italic, strike, code, quotes, links, mentions, dates."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

EMOJI: Mapping[str, str] = {
    "white_check_mark": "✅",
    "warning": "⚠️",
    "rotating_light": "🚨",
    "arrow_down": "⬇️",
    "arrow_up": "⬆️",
    "wave": "👋",
    "red_circle": "🔴",
    "large_orange_circle": "🟠",
    "large_green_circle": "🟢",
    "compass": "🧭",
    "bar_chart": "📊",
    "chart_with_upwards_trend": "📈",
    "chart_with_downwards_trend": "📉",
    "bell": "🔔",
    "memo": "📝",
    "calendar": "📅",
    "hourglass": "⌛",
    "x": "❌",
    "information_source": "ℹ️",
}
_ANGLE = re.compile(r"<([^<>\n]+)>")
_CODE_BLOCK = re.compile(r"```(.+?)```", re.S)
_CODE = re.compile(r"`([^`\n]+)`")
_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])")
_STRIKE = re.compile(r"(?<![\w~])~(?!\s)([^~\n]+?)(?<!\s)~(?![\w~])")
_EMOJI = re.compile(r":([a-z0-9_+-]+):")
_DATE_TOKENS = {
    "{date_num}": "%Y-%m-%d",
    "{date}": "%B %d, %Y",
    "{date_short}": "%b %d, %Y",
    "{date_long}": "%A, %B %d, %Y",
    "{date_pretty}": "%B %d, %Y",
    "{date_short_pretty}": "%b %d, %Y",
    "{date_long_pretty}": "%A, %B %d, %Y",
    "{time}": "%H:%M",
    "{time_secs}": "%H:%M:%S",
}
Names = Callable[[str], str]


def _date(spec: str, fallback: str) -> str:
    """`!date^1700000000^{date_short} at {time}|fallback`, in UTC."""
    parts = spec.split("^")
    if len(parts) < 3 or not parts[1].isdigit():
        return fallback
    when = datetime.fromtimestamp(int(parts[1]), UTC)
    text = parts[2]
    for token, pattern in _DATE_TOKENS.items():
        text = text.replace(token, when.strftime(pattern))
    return text


def _angle(inner: str, names: Names) -> str:
    """One `<…>` sequence as HTML (its visible text escaped)."""
    target, _, label = inner.partition("|")
    label = html.unescape(label)
    if target.startswith("@"):
        return f'<span class="mention">@{html.escape(names(target[1:]))}</span>'
    if target.startswith("#"):
        shown = label or names(target[1:])
        return f'<span class="mention">#{html.escape(shown)}</span>'
    if target.startswith("!date^"):
        return html.escape(_date(target, label))
    if target.startswith("!"):
        return f'<span class="mention">@{html.escape(label or target[1:])}</span>'
    if target.startswith(("http://", "https://", "mailto:")):
        href = html.escape(html.unescape(target), quote=True)
        shown = html.escape(label or html.unescape(target))
        return f'<a href="{href}" target="_blank" rel="noopener">{shown}</a>'
    return html.escape(html.unescape("<" + inner + ">"))


def _around(
    pattern: re.Pattern[str],
    text: str,
    between: Callable[[str], str],
    inside: Callable[[re.Match[str]], str],
) -> str:
    """`text` with each match of `pattern` drawn by `inside`, and what lies between by
    `between`."""
    out: list[str] = []
    last = 0
    for found in pattern.finditer(text):
        out.append(between(text[last : found.start()]))
        out.append(inside(found))
        last = found.end()
    out.append(between(text[last:]))
    return "".join(out)


def _styled(text: str) -> str:
    """Bold, italic, strike and emoji on text that is already HTML-escaped."""
    text = _BOLD.sub(r"<b>\1</b>", text)
    text = _ITALIC.sub(r"<i>\1</i>", text)
    text = _STRIKE.sub(r"<s>\1</s>", text)
    return _EMOJI.sub(lambda m: EMOJI.get(m.group(1), m.group(0)), text)


def _plain(text: str, names: Names) -> str:
    """Text between code spans: angle sequences, then styles, each piece escaped once."""
    return _around(
        _ANGLE,
        text,
        lambda between: _styled(html.escape(html.unescape(between))),
        lambda found: _angle(found.group(1), names),
    )


def _inline(text: str, names: Names) -> str:
    return _around(
        _CODE,
        text,
        lambda between: _plain(between, names),
        lambda found: f"<code>{html.escape(html.unescape(found.group(1)))}</code>",
    )


def _lines(text: str, names: Names) -> str:
    """Line by line: `>` quotes become blockquotes, the rest joins with line breaks."""
    out: list[str] = []
    for line in text.split("\n"):
        quoted = line.startswith(("&gt;", ">"))
        body = line.removeprefix("&gt;").removeprefix(">").lstrip() if quoted else line
        rendered = _inline(body, names)
        out.append(f"<blockquote>{rendered}</blockquote>" if quoted else rendered + "<br>")
    joined = "".join(out)
    return joined.removesuffix("<br>")


def to_html(text: str, names: Names = lambda user_id: user_id) -> str:
    """Render Slack mrkdwn (as Slack receives it, with &amp; &lt; &gt; escaped) as HTML.

    `names` turns a user or channel id into the name shown after @ or #.
    """
    return _around(
        _CODE_BLOCK,
        text,
        lambda between: _lines(between, names),
        lambda found: f"<pre>{html.escape(html.unescape(found.group(1).strip(chr(10))))}</pre>",
    )


def plain_to_html(text: str) -> str:
    """A plain_text object: escaped, line breaks kept, emoji names shown as emoji."""
    escaped = html.escape(text).replace("\n", "<br>")
    return _EMOJI.sub(lambda m: EMOJI.get(m.group(1), m.group(0)), escaped)
