"""`/rapport baseline`: leads choose the date the baseline counts from; bad dates say the form."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import Engagement
from tests.support import flows
from tests.support.running import RunningApp


def chosen(rapport: RunningApp) -> date | None:
    with rapport.database.reading() as session:
        return session.scalars(select(Engagement.baseline_from)).one()


def test_a_lead_chooses_the_baseline_and_goes_back_to_the_default(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    reply = rapport.slack.command("baseline 2026-09-01")
    assert reply.ephemeral and "counts from 2026-09-01" in reply.text
    assert chosen(rapport) == date(2026, 9, 1)
    assert "first four closed pulses again" in rapport.slack.command("baseline default").text
    assert chosen(rapport) is None


def test_members_and_bad_dates_change_nothing(rapport: RunningApp) -> None:
    flows.engagement_with_people(rapport)
    assert "Only a lead" in rapport.slack.command("baseline 2026-09-01", user="U0CLI1").text
    for text in ("baseline", "baseline 2026-13-01", "baseline 1/9/2026", "baseline 2026-09-01 x"):
        assert "Baseline reads" in rapport.slack.command(text).text, text
    assert chosen(rapport) is None
