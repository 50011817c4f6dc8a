"""The engagements behind a person's portfolio: those they lead or sponsor now, live ones only."""

from __future__ import annotations

from storage.db import Database
from storage.portfolio import led_or_sponsored, reader_workspaces
from tests.storage.rows import CREATED, add_engagement, add_member


def test_only_live_engagements_the_person_leads_or_sponsors_by_name(database: Database) -> None:
    with database.unit_of_work() as session:
        zeta, alpha = add_engagement(session, "Zeta"), add_engagement(session, "Alpha")
        member_only = add_engagement(session, "Member only")
        archived = add_engagement(session, "Archived", archived_at=CREATED)
        removed = add_engagement(session, "Removed")
        add_member(session, zeta, "U1", role="lead")
        add_member(session, alpha, "U1", role="sponsor")
        add_member(session, member_only, "U1")
        add_member(session, archived, "U1", role="lead")
        add_member(session, removed, "U1", role="lead", status="removed")
    with database.reading() as session:
        found = [(e.name, role) for e, role in led_or_sponsored(session, "T0ACME", "U1")]
        assert found == [("Alpha", "sponsor"), ("Zeta", "lead")]
        assert led_or_sponsored(session, "T0OTHER", "U1") == []


def test_the_workspaces_where_a_person_has_a_portfolio(database: Database) -> None:
    with database.unit_of_work() as session:
        acme = add_engagement(session, "Acme")
        globex = add_engagement(session, "Globex", team="T0GLOBEX")
        add_member(session, globex, "U1", role="sponsor")
        add_member(session, acme, "U1", role="lead")
        add_member(session, acme, "U2")
    with database.reading() as session:
        assert reader_workspaces(session, "U1") == ["T0ACME", "T0GLOBEX"]
        assert reader_workspaces(session, "U2") == []
