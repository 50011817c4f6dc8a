"""What one person sees: a conversation with its thread, ephemerals for them only, Home, a modal."""

from __future__ import annotations

from bot.wiring.playground.screen import conversation, directory_of, home, message_card, modal
from bot.wiring.playground.workspace import Message, Person, Workspace


def workspace() -> Workspace:
    found = Workspace(
        "T0ACME", "U0BOT", [Person("U0ANA", "Ana Lima", "Lead"), Person("U0BEN", "Ben", "")]
    )
    found.add_channel("C0DEAL", "acme-deal", ["U0ANA", "U0BEN"])
    return found


def test_names_come_from_the_workspace() -> None:
    names = directory_of(workspace()).names
    assert [names(x) for x in ("U0ANA", "U0BOT", "C0DEAL", "U0WHO")] == [
        "Ana Lima",
        "Rapport",
        "acme-deal",
        "U0WHO",
    ]


def test_a_conversation_shows_the_viewers_ephemerals_and_counts_replies() -> None:
    slack = workspace()
    top = slack.post(Message("C0DEAL", slack.new_ts(), "U0BOT", "*Gap* <@U0ANA>"))
    slack.post(Message("C0DEAL", slack.new_ts(), "U0BEN", "seen", thread_ts=top.ts))
    slack.post(Message("C0DEAL", slack.new_ts(), "U0BOT", "just for Ana", only_for="U0ANA"))
    for_ana = conversation(slack, "C0DEAL", "U0ANA", top.ts)
    for_ben = conversation(slack, "C0DEAL", "U0BEN", None)
    assert "just for Ana" in for_ana["html"] and "Only visible to you" in for_ana["html"]
    assert "just for Ana" not in for_ben["html"] and for_ben["thread_html"] == ""
    assert "1 reply" in for_ana["html"] and "<b>Gap</b>" in for_ana["html"]
    assert "@Ana Lima" in for_ana["html"]
    assert "seen" in for_ana["thread_html"] and "seen" not in for_ana["html"]
    assert "No messages yet." in conversation(slack, "D0ANA", "U0ANA", None)["html"]


def test_a_card_escapes_what_people_typed_and_shows_images_inline() -> None:
    slack = workspace()
    message = Message(
        "C0DEAL",
        slack.new_ts(),
        "U0ANA",
        "<script>x</script>",
        files=[{"id": "F1", "name": "chart.png", "title": "Chart"}, {"id": "F2", "name": "a.csv"}],
    )
    card = message_card(slack, message, directory_of(slack))
    assert "<script>" not in card
    assert '<img src="/files/F1" alt="Chart">' in card and 'href="/files/F2" download' in card
    assert 'class="app"' not in card


def test_home_and_modal_show_what_was_published_or_opened() -> None:
    slack = workspace()
    assert "Opening Home" in home(slack, "U0ANA")["html"]
    slack.publish_home("U0ANA", {"type": "home", "blocks": [{"type": "divider"}]})
    assert "data-view-id=" in home(slack, "U0ANA")["html"]
    assert modal(slack, "U0ANA") is None
    title = {"type": "plain_text", "text": "Set up"}
    slack.open_modal(slack.trigger_for("U0ANA"), {"type": "modal", "title": title, "blocks": []})
    shown = modal(slack, "U0ANA")
    assert shown is not None and "Set up" in shown["title"]
    assert shown["close"] == "Close" and shown["submit"] == ""
