"""Slack markup: strip mentions, links, code and formatting; lift emoji out as valences;
set aside framing and sign-off formulas (`formulas.py`)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.domain.sentiment.emoji import char_valence, code_valence
from bot.domain.sentiment.formulas import set_aside
from bot.domain.sentiment.guarded_regex import compile_guarded


@dataclass(frozen=True, slots=True)
class CleanText:
    """What the person wrote, as plain words, plus the valence of each emoji they used."""

    text: str
    emoji: tuple[float, ...]
    emoji_names: tuple[str, ...] = ()  # the code or character of each valence in `emoji`
    eye_rolls: int = 0  # 🙄 🙃 and kin: a positive surface next to one is sarcasm


# Order matters: code first (its content is not the writer's opinion), then the
# angle-bracket entities Slack escapes into messages, then emoji, then formatting.
_CODE_BLOCK = re.compile(r"```.*?```", re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_LABELLED_LINK = re.compile(r"<(?:https?|mailto|tel|ftp):[^>|]*\|([^>]*)>")
_ENTITY = re.compile(r"<[@#!][^>]*>|<(?:https?|mailto|tel|ftp):[^>]*>")
_BARE_URL = compile_guarded(r"\bhttps?://\S+")
_EMOJI_CODE = re.compile(
    r"(?<![\w:]):([a-z][a-z0-9_+\-']*|\+1|-1|100):(?::skin-tone-\d:)?", re.IGNORECASE
)
# Pictographs, dingbats and symbols; skin tones, ZWJ and variation selectors travel with them.
_UNICODE_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u2190-\u21ff]"
    "[\U0001f3fb-\U0001f3ff\ufe0f\u200d\u2640\u2642]*"
)
_FORMATTING = compile_guarded(r"(?<!\w)[*_~]+(?=\S)|(?<=\S)[*_~]+(?!\w)")
_QUOTE_MARK = re.compile(r"^\s*>+\s?", re.MULTILINE)
_SPACES = re.compile(r"[ \t]+")


_EYE_ROLLS = frozenset(
    {"upside_down_face", "roll_eyes", "face_with_rolling_eyes", "eyeroll", "eye_roll"}
    | {"rolling_eyes", "unamused", "\U0001f643", "\U0001f644", "\U0001f612"}
)


def clean(text: str) -> CleanText:
    """Plain words and emoji valences of one Slack message (or any plain text)."""
    emoji: list[tuple[float, str]] = []
    eye_rolls = 0

    def lift_code(match: re.Match[str]) -> str:
        nonlocal eye_rolls
        code = match.group(1).lower()
        eye_rolls += code in _EYE_ROLLS
        emoji.append((code_valence(code), f":{code}:"))
        return " "

    def lift_char(match: re.Match[str]) -> str:
        nonlocal eye_rolls
        char = match.group(0)[0]
        eye_rolls += char in _EYE_ROLLS
        valence = char_valence(char)
        if valence is not None:
            emoji.append((valence, char))
        return " "

    # Each pass runs only when its marker character is present: most comments are
    # plain prose, and a substring test costs far less than a regex scan.
    if "`" in text:
        text = _CODE_BLOCK.sub(" ", text)
        text = _INLINE_CODE.sub(" ", text)
    if "<" in text:
        text = _LABELLED_LINK.sub(r" \1 ", text)
        text = _ENTITY.sub(" ", text)
    if "http" in text:
        text = _BARE_URL.sub(" ", text)
    if ":" in text:
        text = _EMOJI_CODE.sub(lift_code, text)
    if not text.isascii():
        text = _UNICODE_EMOJI.sub(lift_char, text)
    if "&" in text:
        text = html.unescape(text)
    if ">" in text:
        text = _QUOTE_MARK.sub("", text)
    if "*" in text or "_" in text or "~" in text:
        text = _FORMATTING.sub("", text)
    text = set_aside(text)
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    text = text.strip()
    if not emoji:  # most comments
        return CleanText(text, (), (), eye_rolls)
    kept = [(valence, name) for valence, name in emoji if valence != 0.0]
    return CleanText(text, tuple(v for v, _ in kept), tuple(name for _, name in kept), eye_rolls)
