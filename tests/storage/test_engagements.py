"""Engagement and member queries: by name, by channel, by person, and the routes to reach people."""

from __future__ import annotations

from datetime import timedelta

from storage import engagements as queries
from storage.db import Database
from tests.storage.rows import CREATED, add_engagement, add_member


def test_an_engagement_is_found_by_name_whatever_the_case(database: Database) -> None:
    with database.unit_of_work() as session:
        add_engagement(session, "Acme deal")
        add_engagement(session, "Old deal", archived_at=CREATED)
        add_engagement(session, "Acme deal", team="T0OTHER")
    with database.reading() as session:
        found = queries.by_name(session, "T0ACME", "ACME DEAL")
        assert found is not None and found.team_id == "T0ACME"
        assert queries.by_name(session, "T0ACME", "old deal") is not None
        assert queries.by_name(session, "T0ACME", "old deal", archived=False) is None
        assert queries.by_name(session, "T0NONE", "Acme deal") is None


def test_a_channel_and_the_active_list_leave_archived_engagements_out(database: Database) -> None:
    with database.unit_of_work() as session:
        add_engagement(session, "Zeta", channel_id="C1")
        add_engagement(session, "Alpha", channel_id="C1")
        add_engagement(session, "Gone", channel_id="C1", archived_at=CREATED)
        add_engagement(session, "Elsewhere", channel_id="C2")
    with database.reading() as session:
        assert [e.name for e in queries.in_channel(session, "C1")] == ["Alpha", "Zeta"]
        assert [e.name for e in queries.active(session)] == ["Zeta", "Alpha", "Elsewhere"]


def test_a_persons_engagements_by_role_without_removed_or_archived(database: Database) -> None:
    with database.unit_of_work() as session:
        beta, alpha = add_engagement(session, "Beta"), add_engagement(session, "Alpha")
        gone = add_engagement(session, "Gone", archived_at=CREATED)
        left = add_engagement(session, "Left")
        add_member(session, beta, "U1", role="lead")
        add_member(session, alpha, "U1")
        add_member(session, gone, "U1", role="lead")
        add_member(session, left, "U1", role="lead", status="removed")
    with database.reading() as session:
        assert [e.name for e in queries.of_person(session, "T0ACME", "U1")] == ["Alpha", "Beta"]
        assert [e.name for e in queries.of_person(session, "T0ACME", "U1", ["lead"])] == ["Beta"]
        assert queries.of_person(session, "T0OTHER", "U1") == []


def test_members_in_order_leads_and_who_gets_the_pulse(database: Database) -> None:
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        add_member(session, deal, "U_P", side="provider", role="lead")
        add_member(session, deal, "U_C", added_at=CREATED - timedelta(days=1))
        add_member(session, deal, "U_CL", role="lead", added_at=CREATED + timedelta(days=1))
        add_member(session, deal, "U_S", role="sponsor")
        add_member(session, deal, "U_AWAY", status="unreachable")
        add_member(session, deal, "U_GONE", status="removed")
        deal_id = deal.id
    with database.reading() as session:
        current = [m.user_id for m in queries.current_members(session, deal_id)]
        assert current[:2] == ["U_CL", "U_C"] and current[-1] == "U_P"
        assert "U_GONE" not in current and len(current) == 5
        assert sorted(m.user_id for m in queries.leads(session, deal_id)) == ["U_CL", "U_P"]
        assert [m.user_id for m in queries.pulse_recipients(session, deal_id)] == [
            "U_P",
            "U_C",
            "U_CL",
        ]
        found = queries.member(session, deal_id, "T0ACME", "U_S")
        assert found is not None and found.role == "sponsor"
        assert queries.member(session, deal_id, "T0OTHER", "U_S") is None
        assert queries.member_by_user(session, deal_id, "U_S") == found


def test_a_person_is_reached_through_their_own_workspace_first(database: Database) -> None:
    with database.unit_of_work() as session:
        shared = add_engagement(session, "Shared", channel_id="C_SHARED")
        add_member(session, shared, "U_GLOBEX", side="provider", team_id="T0GLOBEX")
        add_member(session, shared, "U_ACME")
    with database.reading() as session:
        assert queries.routes_to_person(session, "U_GLOBEX") == ["T0GLOBEX", "T0ACME"]
        assert queries.routes_to_person(session, "U_ACME") == ["T0ACME", "T0GLOBEX"]
        assert queries.routes_to_person(session, "U_NOBODY") == []
        assert queries.routes_to_channel(session, "C_SHARED") == ["T0ACME", "T0GLOBEX"]
        assert queries.routes_to_channel(session, "C_NONE") == []
        assert queries.routes_to_dm(session, "D_NONE") == []
