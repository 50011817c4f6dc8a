"""Each person reads Rapport in their Slack language, through the signed request path."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import select

from storage.models import Member
from tests.support import flows
from tests.support.running import RunningApp

# What each supported language says at each step: the pulse question, the answer
# confirmed, the comment form's title, the reply to a saved comment.
SAYS = {
    "de-DE": (
        "Wie zufrieden sind Sie diese Woche",
        "Ihre Antwort: *4*",
        "Kommentar hinzufügen",
        "Kommentar gespeichert – danke.",
    ),
    "fr-FR": (
        "Quelle est votre satisfaction cette semaine",
        "Votre réponse : *4*",
        "Ajouter un commentaire",
        "Commentaire enregistré — merci.",
    ),
    "es-ES": (
        "¿Qué tan satisfecho estás esta semana",
        "Respondiste *4*",
        "Añadir un comentario",
        "Comentario guardado — gracias.",
    ),
    "pt-BR": (
        "Qual a sua satisfação com a relação",
        "Sua resposta: *4*",
        "Adicionar um comentário",
        "Comentário salvo — obrigado.",
    ),
    "pt-PT": (
        "Qual a sua satisfação com a relação",
        "Sua resposta: *4*",
        "Adicionar um comentário",
        "Comentário salvo — obrigado.",
    ),
}
ENGLISH = (
    "How satisfied are you with",
    "You answered *4*",
    "Add a comment",
    "Comment saved — thank you.",
)


def as_text(value: Any) -> str:
    value = json.loads(value) if isinstance(value, str) else value
    return json.dumps(value, ensure_ascii=False)


def last_dm(rapport: RunningApp, user: str) -> str:
    dm = flows.dms_to(rapport.standin, user)[-1]
    return as_text(dm.params.get("blocks")) + str(dm.params.get("text", ""))


def answer_and_comment(rapport: RunningApp, user: str) -> tuple[str, str, str, str]:
    """The pulse DM, the redrawn DM after a tap, the comment form, the DM after commenting."""
    pulse = last_dm(rapport, user)
    flows.click(rapport, user, "pulse.rate.4")
    answered = as_text(rapport.standin.redraws()[-1]["blocks"])
    flows.click(rapport, user, "pulse.comment")
    view = rapport.standin.calls_to("views.open")[-1].params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    typed = {"comment": {"text": {"type": "plain_text_input", "value": "Gut."}}}
    reply = rapport.slack.submit(
        "pulse.comment", typed, user=user, private_metadata=view["private_metadata"]
    )
    rapport.settle()
    assert reply.status == 200
    commented = as_text(rapport.standin.redraws()[-1]["blocks"])
    return pulse, answered, as_text(view), commented


@pytest.mark.parametrize("locale", sorted(SAYS))
def test_a_person_answers_in_their_slack_language(rapport: RunningApp, locale: str) -> None:
    rapport.standin.user_locale["U0CLI1"] = locale
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    said = answer_and_comment(rapport, "U0CLI1")
    for step, expected in zip(said, SAYS[locale], strict=True):
        assert expected in step
    assert "How satisfied" not in said[0] and "Add a comment" not in said[2]
    # Everyone else still reads English.
    assert ENGLISH[0] in last_dm(rapport, "U0CLI2")


def test_a_locale_rapport_does_not_speak_reads_english(rapport: RunningApp) -> None:
    rapport.standin.user_locale["U0CLI1"] = "ja-JP"
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    said = answer_and_comment(rapport, "U0CLI1")
    for step, expected in zip(said, ENGLISH, strict=True):
        assert expected in step


def test_a_lead_sets_up_in_their_language_and_the_channel_hears_english(
    rapport: RunningApp,
) -> None:
    rapport.standin.user_locale[flows.LEAD] = "fr-FR"
    reply = rapport.slack.command(
        f'setup "Acme deal" client:"Acme" provider:"Globex" channel:<#{flows.CHANNEL}|acme>',
        user=flows.LEAD,
    )
    rapport.settle()
    # Setting up asks Slack who the lead is: the reply is already in their language.
    assert "*Acme deal* est en place" in reply.text
    assert "Aucun sondage ouvert" in rapport.slack.command("status", user=flows.LEAD).all_text()
    [announced] = [
        c.params["text"]
        for c in rapport.standin.calls_to("chat.postMessage")
        if c.params.get("channel") == flows.CHANNEL
    ]
    assert announced.startswith("Rapport is now looking after *Acme deal*")


def test_replies_to_commands_are_in_the_callers_language(rapport: RunningApp) -> None:
    rapport.standin.user_locale["U0CLI1"] = "de-AT"
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command("status", user="U0CLI1")
    assert reply.status == 200
    assert "Für *Acme deal* ist kein Puls offen." in reply.all_text()
    assert "is open" not in reply.all_text()
    helped = rapport.slack.command("help", user="U0CLI1").all_text()
    assert "• `/rapport help` – diese Nachricht" in helped
    assert "this message" in rapport.slack.command("help", user="U0CLI2").all_text()


def test_a_changed_locale_is_used_from_the_next_message(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    flows.send(rapport)
    assert ENGLISH[0] in last_dm(rapport, "U0CLI2")
    rapport.standin.user_locale["U0CLI2"] = "de-DE"
    # Opening App Home asks Slack again: Home is German at once, and so is what follows.
    assert rapport.slack.home_opened("U0CLI2").status == 200
    rapport.settle()
    home = as_text(rapport.standin.calls_to("views.publish")[-1].params["view"])
    assert "Ein Puls wartet auf Ihre Antwort" in home
    flows.click(rapport, "U0CLI2", "pulse.rate.4")
    assert "Ihre Antwort: *4*" in as_text(rapport.standin.redraws()[-1])
    with rapport.database.reading() as session:
        stored = session.scalars(select(Member.locale).where(Member.user_id == "U0CLI2")).all()
    assert stored == ["de-DE"]


def test_the_weekly_refresh_learns_a_new_locale(rapport: RunningApp) -> None:
    from bot.services.locales import REFRESH_AFTER, refresh_stale

    flows.engagement_with_people(rapport)
    rapport.standin.user_locale["U0PRO1"] = "de-CH"
    assert refresh_stale(rapport.container) == 0  # everyone was asked when added
    rapport.clock.frozen = rapport.container.now() + REFRESH_AFTER
    assert refresh_stale(rapport.container) == 7
    with rapport.database.reading() as session:
        stored = session.scalars(select(Member.locale).where(Member.user_id == "U0PRO1")).all()
    assert stored == ["de-CH"]
    flows.send(rapport)
    assert "Wie zufrieden sind Sie" in last_dm(rapport, "U0PRO1")


def test_the_shared_channel_reads_the_engagements_language(rapport: RunningApp) -> None:
    rapport.standin.user_locale[flows.LEAD] = "en-GB"
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command("config language=de")
    assert reply.status == 200 and "Saved." in reply.all_text()
    flows.answer_round(rapport, client=[1, 1, 1], provider=[5, 5, 5])
    closed = flows.close(rapport)
    rapport.settle()
    assert "Closed the pulse" in closed  # the lead reads English
    [post] = flows.channel_posts(rapport)
    shown = flows.blocks_text(post)
    shown = json.dumps(json.loads(shown), ensure_ascii=False)
    assert "Die client-Seite ist unzufrieden, während die provider-Seite zufrieden ist" in shown
    assert "Toleranz" in shown and "Nächster Schritt" in shown
    assert "Geantwortet: Kunde 3 von 4" in shown and "Neu in diesem Puls." in shown
    assert "unter ihrer Toleranz von 70" in shown and "below its tolerance" not in shown
    refused = rapport.slack.command("config language=klingon")
    assert "`language` must be one of en, de" in refused.all_text()


def test_a_german_sponsor_reads_their_portfolio_in_german(rapport: RunningApp) -> None:
    from tests.support.digests_flow import SPONSOR, with_history

    rapport.standin.user_locale[SPONSOR] = "de-DE"
    with_history(rapport)
    flows.set_up(rapport, "Other deal", lead="U0LEAD2", channel="C0OTHER")
    added = rapport.slack.command(
        f"add {flows.mentions((SPONSOR,))} provider sponsor", user="U0LEAD2", channel="C0OTHER"
    )
    assert "Added" in added.text  # the other lead reads English
    reply = rapport.slack.command("portfolio", user=SPONSOR, channel="D0SPON")
    assert reply.status == 200 and reply.ephemeral
    lines = reply.text.splitlines()
    assert lines[0].startswith("*Ihr Portfolio* – 2 Engagements, das dringendste zuerst (")
    assert lines[1].startswith("1. *Acme deal* (Sponsor) — client ")
    assert "Abstand" in lines[1] and "offene Befund" in lines[1]
    assert re.search(r"nächster Puls \w+\., \d{1,2}\. \w+", lines[1]), lines[1]
    assert "braucht Aufmerksamkeit: " in reply.text
    assert "2. *Other deal* (Sponsor) — noch kein Puls geschlossen · keine offenen Befunde" in (
        reply.text
    )
    assert "zuletzt veröffentlichte Index" in lines[-1]
    for english in ("gap", "next pulse", "open finding", "needs attention", "Your portfolio"):
        assert english not in reply.text
    usage = rapport.slack.command("portfolio everything", user=SPONSOR).all_text()
    assert "für die Liste" in usage
    chosen = rapport.slack.command("digest-time mon 08:00", user=SPONSOR).all_text()
    assert chosen.startswith("Ihr wöchentlicher Digest kommt ab jetzt"), chosen
    # The same portfolio read by an English lead of the same engagement stays English.
    lead = rapport.slack.command("portfolio", user=flows.LEAD).text
    assert lead.startswith("*Your portfolio* — 1 engagement")
