"""The grouped alert message: headline, both sides side by side, findings, next step, extras."""

from __future__ import annotations

from datetime import timedelta

from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject

from bot.domain.alerts import PulseFigures, Thresholds
from bot.services.alert_message import finding
from bot.views.alert_message import MessageView, fallback_text, message_blocks, message_text
from bot.views.alert_sections import ExtraSection
from storage.models import Alert
from tests.support import models
from tests.support.blockkit import button_labels, check_message, text_of
from tests.support.digests import side

FIGURES = PulseFigures(side("client", 37.5), side("provider", 65.2))


def view(*alerts: Alert, figures: PulseFigures | None = FIGURES, **extra: object) -> MessageView:
    return MessageView(
        engagement="Acme deal",
        orgs={"client": "Acme", "provider": "Globex"},
        figures=figures,
        thresholds=Thresholds(),
        details="Answered: client 7 of 9, provider 7 of 9.",
        alerts=[finding(alert) for alert in alerts],
        **extra,  # type: ignore[arg-type]
    )


def findings() -> list[Alert]:
    return [
        models.alert(
            id=1,
            rule="divergence",
            side="client",
            severity="critical",
            sentence="The client side is at 37, below its tolerance of 70, while the provider "
            "side is at 65, above its own 60.",
            trend="New this pulse.",
        ),
        models.alert(
            id=2,
            rule="blind_spot",
            key="blind_spot:provider:high",
            side="provider",
            sentence="The provider side expects the client side to rate the relationship 75, "
            "but the client side is at 37, 38 points lower than expected.",
            trend="New this pulse.",
        ),
        models.alert(
            id=3,
            rule="gap",
            status="resolved",
            resolved_at=models.OPENED + timedelta(days=7),
            resolution="the gap is now 10 points, under the threshold of 15",
        ),
    ]


def test_one_message_leads_with_the_headline_and_shows_both_sides_side_by_side() -> None:
    blocks = message_blocks(view(*findings()))
    check_message(blocks)
    text = text_of(blocks)
    assert text.startswith(
        ":rotating_light: *The client side is unhappy and the provider side doesn't know it* "
        "— Acme deal"
    )
    fields = blocks[1]["fields"]
    assert [f["text"].split("\n")[0] for f in fields] == ["*Client* (Acme)", "*Provider* (Globex)"]
    assert "*37* · tolerance 70" in fields[0]["text"] and "*65* · tolerance 60" in fields[1]["text"]
    # Each live finding keeps its own buttons; the resolved one says why, without buttons.
    assert button_labels(blocks) == ["Acknowledge", "Assign owner"] * 2
    assert "~Wide gap between the sides~ resolved" in text
    assert "the gap is now 10 points, under the threshold of 15" in text
    assert blocks[-1]["text"]["text"].startswith("*Next step:* Hold a joint 30-minute review")


def test_a_withheld_side_shows_no_number_in_the_message() -> None:
    figures = PulseFigures(side("client", None), side("provider", 65.2))
    blocks = message_blocks(view(*findings(), figures=figures))
    check_message(blocks)
    assert "withheld: fewer than 3 answered" in blocks[1]["fields"][0]["text"]


def test_all_resolved_says_so_and_suggests_no_step() -> None:
    resolved = findings()[2]
    blocks = message_blocks(view(resolved))
    check_message(blocks)
    assert text_of(blocks).startswith(":white_check_mark: *Resolved")
    assert "Next step" not in text_of(blocks)


def test_extra_sections_slot_in_after_the_figures_and_after_the_findings() -> None:
    drivers = ContextBlock(elements=[MarkdownTextObject(text="client: responsiveness")]).to_dict()
    actions = ContextBlock(elements=[MarkdownTextObject(text="action: weekly review")]).to_dict()
    extras = [
        ExtraSection("after_findings", [actions], "action: weekly review"),
        ExtraSection("after_figures", [drivers], "client: responsiveness"),
    ]
    blocks = message_blocks(view(*findings(), extras=extras))
    check_message(blocks)
    order = [b for b in blocks if b in (drivers, actions)]
    assert order == [drivers, actions]
    assert blocks.index(drivers) < blocks.index(next(b for b in blocks if b["type"] == "divider"))
    assert blocks.index(actions) == len(blocks) - 2  # just before the next step
    plain = message_text(view(*findings(), extras=extras))
    assert plain.index("client: responsiveness") < plain.index("action: weekly review")


def test_the_fallback_and_plain_text_name_the_headline_and_findings() -> None:
    assert fallback_text(view(*findings())) == (
        "The client side is unhappy and the provider side doesn't know it — Acme deal: "
        "The two sides see the relationship differently (the client side unhappy), "
        "The provider side misjudges how the other feels"
    )
    plain = message_text(view(*findings()))
    assert "*Client* (Acme) · *37* · tolerance 70" in plain
    assert "• *The provider side misjudges how the other feels* —" in plain


def test_many_long_resolutions_still_make_a_valid_message_newest_kept() -> None:
    resolved = [
        models.alert(
            id=100 + n,
            rule="gap",
            status="resolved",
            resolved_at=models.OPENED + timedelta(days=n),
            resolution=f"reason {n} " + "x" * 400,
        )
        for n in range(12)
    ]
    blocks = message_blocks(view(*findings(), *resolved))
    check_message(blocks)
    assert "reason 11 " in text_of(blocks) and "reason 0 " not in text_of(blocks)


def resolved(id: int, rule: str, side: str, days: int, why: str) -> Alert:
    return models.alert(
        id=id,
        rule=rule,
        key=f"{rule}:{side}",
        side=side,
        status="resolved",
        resolved_at=models.OPENED + timedelta(days=days),
        resolution=why,
    )


def test_each_resolved_line_names_its_side_once_in_date_order() -> None:
    # Seen in `rapport simulate --seed 1` week 8: two "~Satisfaction is falling~ resolved"
    # lines alike but for the reason, the later resolution first.
    view_ = view(
        *findings()[:2],
        resolved(7, "decline", "client", 21, "the client side is at 32"),
        resolved(5, "decline", "provider", 14, "the provider side is at 68"),
        resolved(6, "silence", "client", 7, "7 of 7 on the client side answered"),
    )
    for text in (message_text(view_), text_of(message_blocks(view_))):
        lines = [line for line in text.splitlines() if " resolved " in line]
        assert [line.split(" resolved ")[0] for line in lines] == [
            ":white_check_mark: ~The client side is going quiet~",
            ":white_check_mark: ~Satisfaction is falling on the provider side~",
            ":white_check_mark: ~Satisfaction is falling on the client side~",
        ]
        assert len(set(lines)) == len(lines)


def test_both_sides_silent_reads_as_both_in_the_headline_and_the_fallback() -> None:
    # Before: headline "The client side has gone quiet", fallback "A side is going quiet,
    # A side is going quiet".
    quiet = [
        models.alert(id=n, rule="silence", key=f"silence:{side}", side=side, sentence=side)
        for n, side in ((1, "client"), (2, "provider"))
    ]
    view_ = view(*quiet)
    assert message_text(view_).startswith(":warning: *Both sides have gone quiet* — Acme deal")
    assert fallback_text(view_) == (
        "Both sides have gone quiet — Acme deal: "
        "The client side is going quiet, The provider side is going quiet"
    )
    one = view(quiet[1])
    assert fallback_text(one).startswith("The provider side has gone quiet — Acme deal: ")


def test_both_sides_misjudging_each_other_reads_as_both() -> None:
    spots = [
        models.alert(id=n, rule="blind_spot", key=f"blind_spot:{side}:{way}", side=side)
        for n, side, way in ((1, "client", "low"), (2, "provider", "high"))
    ]
    assert fallback_text(view(*spots)).startswith("Both sides misread how the other feels")
