"""Button values and form metadata: what Rapport writes reads back the same, and anything
else, however altered, is one error."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.views import values
from bot.views.values import (
    ID_MAX,
    RAW_MAX,
    ActionItem,
    AlertButton,
    AlertForm,
    CommentForm,
    ConfigForm,
    EngagementButton,
    PulseButton,
    RatingTap,
    UnreadableValueError,
    decode,
)

ids = st.integers(min_value=1, max_value=ID_MAX)
channels = st.from_regex(r"[CDG][A-Z0-9]{2,12}", fullmatch=True) | st.just("")
timestamps = st.from_regex(r"\d{10}\.\d{6}", fullmatch=True) | st.just("")
KINDS: list[Any] = list(values.KINDS)
JSON_KINDS = [kind for kind in KINDS if kind is not EngagementButton]
every_value = st.one_of(
    st.builds(RatingTap, ids, st.integers(1, 5)),
    st.builds(PulseButton, ids),
    st.builds(CommentForm, ids, channels, timestamps),
    st.builds(AlertButton, ids),
    st.builds(AlertForm, ids),
    st.builds(ActionItem, ids),
    st.builds(ConfigForm, ids),
    st.builds(EngagementButton, ids),
)


@given(every_value)
def test_every_value_reads_back_as_written(value: Any) -> None:
    assert decode(type(value), value.encode()) == value


def test_the_wire_form_is_what_messages_already_in_slack_carry() -> None:
    assert RatingTap(12, 4).encode() == json.dumps({"p": 12, "v": 4}) == '{"p": 12, "v": 4}'
    assert PulseButton(12).encode() == '{"p": 12}'
    assert CommentForm(12, "D0CLI1", "1700000000.000100").encode() == json.dumps(
        {"p": 12, "c": "D0CLI1", "ts": "1700000000.000100"}
    )
    assert AlertButton(7).encode() == AlertForm(7).encode() == '{"a": 7}'
    assert ActionItem(3).encode() == '{"x": 3}'
    assert ConfigForm(5).encode() == '{"e": 5}'
    assert EngagementButton(5).encode() == "5"


def test_values_written_by_earlier_versions_still_read() -> None:
    assert decode(RatingTap, '{"p": 1, "v": 5}') == RatingTap(1, 5)
    assert decode(CommentForm, '{"p": 1, "c": "", "ts": ""}') == CommentForm(1, "", "")
    assert decode(EngagementButton, "42") == EngagementButton(42)


BAD = [
    (RatingTap, None),
    (RatingTap, 7),
    (RatingTap, ""),
    (RatingTap, "not json"),
    (RatingTap, "{"),
    (RatingTap, "[1, 2]"),
    (RatingTap, '"p"'),
    (RatingTap, "null"),
    (RatingTap, '{"p": 1}'),
    (RatingTap, '{"p": 1, "v": 6}'),
    (RatingTap, '{"p": 1, "v": 0}'),
    (RatingTap, '{"p": 1, "v": "3"}'),
    (RatingTap, '{"p": 1, "v": 3.0}'),
    (RatingTap, '{"p": 1, "v": true}'),
    (RatingTap, '{"p": 1, "v": 3, "x": 1}'),
    (PulseButton, '{"p": "1"}'),
    (PulseButton, '{"p": 0}'),
    (PulseButton, '{"p": -4}'),
    (PulseButton, '{"p": 9223372036854775808}'),
    (PulseButton, '{"p": null}'),
    (PulseButton, '{"p": [1]}'),
    (PulseButton, '{"p": 1, "v": 3}'),
    (PulseButton, '{"a": 1}'),
    (PulseButton, "{}"),
    (CommentForm, '{"p": 1, "c": "D1"}'),
    (CommentForm, '{"p": 1, "c": 5, "ts": "1.2"}'),
    (CommentForm, json.dumps({"p": 1, "c": "D" * 65, "ts": "1.2"})),
    (CommentForm, '{"p": 1, "c": "D1", "ts": "soon"}'),
    (CommentForm, '{"p": 1, "c": "d0cli1", "ts": "1.2"}'),
    (CommentForm, '{"p": 1, "c": "D1\\n", "ts": "1.2"}'),
    (AlertButton, '{"x": 1}'),
    (AlertForm, '{"a": false}'),
    (ActionItem, '{"a": 1}'),
    (ConfigForm, '{"e": 1.5}'),
    (ConfigForm, '{"e": 1, "e2": 1}'),
    (EngagementButton, ""),
    (EngagementButton, "0"),
    (EngagementButton, "-1"),
    (EngagementButton, "1.0"),
    (EngagementButton, " 1"),
    (EngagementButton, "١٢"),
    (EngagementButton, "None"),
    (EngagementButton, "9" * 20),
    (EngagementButton, '{"e": 1}'),
]


@pytest.mark.parametrize(("kind", "raw"), BAD)
def test_anything_rapport_did_not_write_is_unreadable(kind: Any, raw: object) -> None:
    with pytest.raises(UnreadableValueError):
        decode(kind, raw)


@pytest.mark.parametrize("kind", KINDS)
def test_an_oversize_value_is_unreadable_before_it_is_parsed(kind: Any) -> None:
    padded = '{"p": 1' + " " * RAW_MAX + "}"
    with pytest.raises(UnreadableValueError):
        decode(kind, padded)


@given(st.sampled_from(JSON_KINDS), st.dictionaries(st.sampled_from("pvcatsxe"), st.none()))
def test_keys_with_values_of_no_kind_are_unreadable(kind: Any, found: dict[str, None]) -> None:
    with pytest.raises(UnreadableValueError):
        decode(kind, json.dumps(found))


@given(st.sampled_from(KINDS), st.one_of(st.text(max_size=80), st.binary(max_size=40)))
def test_arbitrary_input_is_a_value_or_the_one_error(kind: Any, raw: object) -> None:
    try:
        value = decode(kind, raw)
    except UnreadableValueError:
        return
    assert isinstance(value, kind)


@given(every_value, st.data())
def test_a_value_altered_by_hand_reads_as_itself_or_not_at_all(value: Any, data: Any) -> None:
    raw = value.encode()
    at = data.draw(st.integers(0, len(raw) - 1))
    swapped = raw[:at] + data.draw(st.characters()) + raw[at + 1 :]
    try:
        found = decode(type(value), swapped)
    except UnreadableValueError:
        return
    assert isinstance(found, type(value))


def test_an_unknown_kind_is_the_same_error() -> None:
    with pytest.raises(UnreadableValueError):
        decode(dict, "{}")  # type: ignore[type-var]


def test_one_kind_does_not_read_as_another() -> None:
    with pytest.raises(UnreadableValueError):
        decode(PulseButton, RatingTap(1, 2).encode())
    with pytest.raises(UnreadableValueError):
        decode(ActionItem, AlertButton(1).encode())
