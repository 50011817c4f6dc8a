"""Slack markup is reduced to what the person wrote, with emoji lifted out as valences."""

from __future__ import annotations

from bot.domain.sentiment.markup import clean


def test_mentions_channels_and_broadcasts_are_dropped() -> None:
    result = clean(
        "<@U024BE7LH|alice> and <@W123> in <#C0123|incidents> <!here> <!subteam^S1|@ops>"
    )
    assert result.text == "and in"


def test_link_label_is_kept_and_the_url_dropped() -> None:
    assert clean("read <https://example.com/a?b=1|the runbook> first").text == (
        "read the runbook first"
    )
    assert clean("see <https://example.com/x> and https://example.org/y now").text == "see and now"


def test_code_is_removed() -> None:
    text = "ok so ```Traceback: fatal error\nboom``` and `rm -rf failed` done"
    assert clean(text).text == "ok so and done"


def test_formatting_marks_and_entities_are_undone() -> None:
    assert clean("*really* _slow_ ~fine~ &amp; &lt;3").text == "really slow fine & <3"
    assert clean("snake_case_name stays").text == "snake_case_name stays"


def test_quote_marks_are_removed() -> None:
    assert clean("&gt; they said soon\nstill waiting").text == "they said soon\nstill waiting"


def test_emoji_codes_become_valences_with_their_sign() -> None:
    result = clean("shipped :tada: :+1::skin-tone-3: but :rage: :thinking_face:")
    assert result.text == "shipped but"
    assert [v > 0 for v in result.emoji] == [True, True, False]


def test_unknown_emoji_code_reads_its_name() -> None:
    assert clean(":very_angry_cat:").emoji[0] < 0


def test_unicode_emoji_with_modifiers_are_one_emoji() -> None:
    result = clean("fine 👍🏽 🤦‍♂️")
    assert result.text == "fine"
    assert len(result.emoji) == 2
    assert result.emoji[0] > 0 > result.emoji[1]


def test_unknown_unicode_emoji_falls_back_to_its_name() -> None:
    assert clean("😤").emoji[0] < 0
    assert clean("🥳").emoji and clean("🥳").emoji[0] > 0


def test_clock_times_and_emoticons_are_not_emoji_codes() -> None:
    result = clean("call at 10:30:45 :)")
    assert result.text == "call at 10:30:45 :)"
    assert result.emoji == ()
