"""Emoji valence: Slack `:codes:` and Unicode emoji, on VADER's -4..+4 scale."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.domain.sentiment.lexicon import VADER_PACKAGE, general_lexicon

# The reactions and emoji people actually use in work chat. Each Slack code and its
# Unicode form carry the same value; everything else falls back to its name's words.
_EMOJI: tuple[tuple[float, tuple[str, ...], str], ...] = (
    (2.0, ("+1", "thumbsup", "thumbs_up"), "👍"),
    (-2.0, ("-1", "thumbsdown", "thumbs_down"), "👎"),
    (2.5, ("tada", "party_popper"), "🎉"),
    (2.0, ("white_check_mark", "heavy_check_mark"), "✅✔"),
    (-1.5, ("x", "negative_squared_cross_mark"), "❌"),
    (2.0, ("clap", "raised_hands"), "👏🙌"),
    (1.5, ("pray", "folded_hands"), "🙏"),
    (
        2.2,
        ("smile", "smiley", "grinning", "grin", "blush", "slightly_smiling_face"),
        "😄😃😀😁😊🙂",
    ),
    (2.5, ("heart", "hearts", "heart_eyes", "star-struck", "star_struck"), "❤️😍🤩"),
    (2.0, ("joy", "laughing", "rofl", "sweat_smile"), "😂😆🤣😅"),
    (2.0, ("rocket", "muscle", "star", "sparkles", "100", "trophy"), "🚀💪⭐✨💯🏆"),
    (1.5, ("ok_hand", "sunglasses", "handshake"), "👌😎🤝"),
    (-2.5, ("rage", "angry", "face_with_symbols_on_mouth", "triumph"), "😡😠🤬😤"),
    (-2.0, ("cry", "sob", "disappointed", "worried", "pensive", "confused"), "😢😭😞😟😔😕"),
    (-1.8, ("slightly_frowning_face", "frowning", "white_frowning_face"), "🙁☹"),
    (-2.0, ("facepalm", "face_palm", "man-facepalming", "woman-facepalming"), "🤦"),
    (-1.5, ("unamused", "expressionless", "roll_eyes", "face_with_rolling_eyes"), "😒😑🙄"),
    (-2.2, ("weary", "tired_face", "persevere", "confounded", "scream"), "😩😫😣😖😱"),
    (-1.5, ("warning", "rotating_light", "snail", "turtle", "hourglass"), "⚠🚨🐌🐢⌛"),
    (-2.0, ("skull", "poop", "hankey", "shit", "dumpster_fire", "boom"), "💀💩💥"),
    # Read both ways in work chat ("🔥 great release" / "prod is on 🔥"): no valence.
    (0.0, ("eyes", "thinking_face", "thinking", "shrug", "man-shrugging", "fire"), "👀🤔🤷🔥"),
)

_CODE_VALENCE: dict[str, float] = {code: v for v, codes, _ in _EMOJI for code in codes}
_CHAR_VALENCE: dict[str, float] = {
    char: v for v, _, chars in _EMOJI for char in chars if char != "\ufe0f"
}
_WORD_SPLIT = re.compile(r"[_\-\s]+")


def _valence_of_words(name: str) -> float:
    """Strongest lexicon word in an emoji's name: `:angry_face:` reads as "angry"."""
    lexicon = general_lexicon()
    values = [lexicon.get(word, 0.0) for word in _WORD_SPLIT.split(name.lower())]
    return max(values, key=abs, default=0.0)


def code_valence(code: str) -> float:
    """Valence of a Slack emoji code without colons; skin-tone suffixes are ignored."""
    code = code.lower()
    if code in _CODE_VALENCE:
        return _CODE_VALENCE[code]
    return _valence_of_words(code)


@cache
def _unicode_names() -> dict[str, str]:
    """VADER's emoji descriptions (shipped in its wheel): 😀 -> "grinning face"."""
    path = resources.files(VADER_PACKAGE).joinpath("emoji_utf8_lexicon.txt")
    names: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        char, _, name = line.partition("\t")
        if name:
            names[char] = name
    return names


def char_valence(char: str) -> float | None:
    """Valence of one Unicode emoji, or None if the character is not an emoji."""
    bare = char.replace("\ufe0f", "")
    if char in _CHAR_VALENCE:
        return _CHAR_VALENCE[char]
    if bare in _CHAR_VALENCE:
        return _CHAR_VALENCE[bare]
    name = _unicode_names().get(char) or _unicode_names().get(bare)
    return None if name is None else _valence_of_words(name)
