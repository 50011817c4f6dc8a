"""POST /sla over real HTTP: the token, the body, what is written, and the watermelon it feeds."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.services.export import export_rows, find_engagement
from storage.models import Alert, Engagement, SlaRecord
from tests.support import flows
from tests.support.running import RunningApp


def new_token(rapport: RunningApp, user: str = flows.LEAD) -> str:
    reply = rapport.slack.command("sla token", user=user)
    assert reply.ephemeral, reply.body
    found = re.search(r"`(rsla_\d+_[^`]+)`", reply.text)
    assert found, reply.text
    return found.group(1)


def post(
    rapport: RunningApp, body: Any, token: str | None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    sent = {"Content-Type": "application/json", **(headers or {})}
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{rapport.url}/sla", data=raw, headers=sent, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def records(rapport: RunningApp) -> list[SlaRecord]:
    with rapport.database.reading() as session:
        return list(session.scalars(select(SlaRecord).order_by(SlaRecord.id)).all())


def answer_round(rapport: RunningApp, client: list[int], provider: list[int]) -> None:
    flows.send(rapport)
    for user, rating in zip(flows.CLIENTS, client, strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")
    for user, rating in zip(flows.PROVIDERS, provider, strict=True):
        flows.click(rapport, user, f"pulse.rate.{rating}")


def test_a_missing_wrong_or_rotated_token_is_401_and_writes_nothing(
    rapport_http: RunningApp,
) -> None:
    flows.engagement_with_people(rapport_http)
    good = {"status": "green", "note": "all targets met"}
    assert post(rapport_http, good, None)[0] == 401
    assert post(rapport_http, good, "not-a-token")[0] == 401
    assert post(rapport_http, good, "rsla_1_guessed")[0] == 401  # no token made yet
    old = new_token(rapport_http)
    engagement_id, secret = old.split("_", 2)[1:]
    assert post(rapport_http, good, f"rsla_{int(engagement_id) + 1}_{secret}")[0] == 401
    new = new_token(rapport_http)
    status, answer = post(rapport_http, good, old)
    assert status == 401 and "sla token" in answer["error"]
    assert records(rapport_http) == []
    assert post(rapport_http, good, new)[0] == 201


def test_only_a_lead_makes_a_token_and_only_its_digest_is_stored(rapport_http: RunningApp) -> None:
    flows.engagement_with_people(rapport_http)
    refused = rapport_http.slack.command("sla token", user=flows.CLIENTS[0])
    assert "Only a lead" in refused.text
    token = new_token(rapport_http)
    with rapport_http.database.reading() as session:
        engagement = session.scalars(select(Engagement)).one()
        assert engagement.sla_token_digest is not None
        assert token not in engagement.sla_token_digest
        secret = token.split("_", 2)[2]
        assert engagement.sla_token_digest == hashlib.sha256(secret.encode()).hexdigest()


def test_a_malformed_body_is_400_naming_the_field_and_writes_nothing(
    rapport_http: RunningApp,
) -> None:
    flows.engagement_with_people(rapport_http)
    token = new_token(rapport_http)
    cases: list[tuple[Any, str]] = [
        (b"{not json", "body"),
        ([1, 2], "body"),
        ({"status": "purple"}, "status"),
        ({"status": "green", "note": 5}, "note"),
        ({"status": "green", "period": "23/11/2026"}, "period"),
        ({"status": "green", "colour": "green"}, "colour"),
        ({"metric": "P1 resolution", "target": 99.5, "higher_is_better": True}, "value"),
        (
            {"metric": "P1 resolution", "value": "97", "target": 99.5, "higher_is_better": True},
            "value",
        ),
        ({"metric": "P1 resolution", "value": 97.1, "target": 99.5}, "higher_is_better"),
        ({"metric": "", "value": 97.1, "target": 99.5, "higher_is_better": True}, "metric"),
        ({"note": "nothing else"}, "status"),
    ]
    for body, field in cases:
        status, answer = post(rapport_http, body, token)
        assert (status, answer["field"]) == (400, field), body
        assert field in answer["error"], answer
    assert records(rapport_http) == []


def test_a_metric_gets_its_colour_and_the_answer_says_what_was_recorded(
    rapport_http: RunningApp,
) -> None:
    flows.engagement_with_people(rapport_http)
    token = new_token(rapport_http)
    body = {"metric": "P1 resolution", "value": 97.1, "target": 99.5, "higher_is_better": True}
    status, answer = post(rapport_http, {**body, "period": "2024-11-18"}, token)
    assert status == 201
    assert answer["status"] == "amber" and answer["metric"] == "P1 resolution"
    assert answer["period"] == "2024-11-18" and answer["engagement"] == "Acme deal"
    assert answer["effective_from"].startswith("2024-11-18")
    (kept,) = records(rapport_http)
    assert (kept.status, kept.source, kept.value, kept.target) == ("amber", "feed", 97.1, 99.5)
    slow = {"metric": "P2 response hours", "value": 9, "target": 4, "higher_is_better": False}
    assert post(rapport_http, slow, token)[1]["status"] == "red"


def signed(token: str, raw: bytes, at: int) -> dict[str, str]:
    """The documented signature: HMAC-SHA256 of v1:<timestamp>:<body>, keyed with the
    hex SHA-256 of the token's secret."""
    key = hashlib.sha256(token.split("_", 2)[2].encode()).hexdigest()
    base = b"v1:" + str(at).encode() + b":" + raw
    signature = "v1=" + hmac.new(key.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Rapport-Signature": signature, "X-Rapport-Timestamp": str(at)}


def test_a_signature_header_when_sent_must_match_the_body(rapport_http: RunningApp) -> None:
    flows.engagement_with_people(rapport_http)
    token = new_token(rapport_http)
    raw = json.dumps({"status": "red", "note": "two P1 incidents"}).encode()
    now = int(time.time())
    bad = {"X-Rapport-Signature": "v1=00", "X-Rapport-Timestamp": str(now)}
    assert post(rapport_http, raw, token, bad)[0] == 401
    assert records(rapport_http) == []
    assert post(rapport_http, raw, token, signed(token, raw, now))[0] == 201


def test_a_signature_covers_a_timestamp_and_an_old_one_is_refused(
    rapport_http: RunningApp,
) -> None:
    flows.engagement_with_people(rapport_http)
    token = new_token(rapport_http)
    raw = json.dumps({"status": "red", "note": "two P1 incidents"}).encode()
    now = int(time.time())
    replayed = signed(token, raw, now - 301)
    status, answer = post(rapport_http, raw, token, replayed)
    assert status == 401 and "X-Rapport-Timestamp" in answer["error"], answer
    # Read the clock again: the request before may have taken seconds on a busy machine,
    # and the server's clock moved on with it.
    ahead = signed(token, raw, int(time.time()) + 330)
    assert post(rapport_http, raw, token, ahead)[0] == 401
    moved = {**signed(token, raw, now - 400), "X-Rapport-Timestamp": str(now)}
    assert post(rapport_http, raw, token, moved)[0] == 401, "the timestamp is signed"
    without = {"X-Rapport-Signature": signed(token, raw, now)["X-Rapport-Signature"]}
    assert post(rapport_http, raw, token, without)[0] == 401
    key = hashlib.sha256(token.split("_", 2)[2].encode()).hexdigest()
    old_style = "sha256=" + hmac.new(key.encode(), raw, hashlib.sha256).hexdigest()
    assert post(rapport_http, raw, token, {"X-Rapport-Signature": old_style})[0] == 401
    assert records(rapport_http) == []
    assert post(rapport_http, raw, token, signed(token, raw, now - 200))[0] == 201


@pytest.mark.parametrize(
    "raw",
    [
        b"[" * 5000,
        b"[" * 5000 + b"]" * 5000,
        b'{"status": ' + b"[" * 5000 + b"]" * 5000 + b"}",
        b"\xff\xfe",
        b"",
        b"null",
        b'"green"',
        b'{"status": "green", "note": {"a": 1}}',
    ],
)
def test_any_body_that_is_not_the_documented_shape_is_400_naming_the_problem(
    rapport_http: RunningApp, caplog: pytest.LogCaptureFixture, raw: bytes
) -> None:
    flows.engagement_with_people(rapport_http)
    token = new_token(rapport_http)
    caplog.clear()
    status, answer = post(rapport_http, raw, token)
    assert status == 400 and answer["field"] in ("body", "status", "note"), answer
    assert answer["error"] and "Traceback" not in json.dumps(answer)
    assert not [r for r in caplog.records if r.exc_info], "no traceback in the log"
    assert records(rapport_http) == []


def test_a_fact_dated_before_the_last_close_is_history_and_changes_no_published_figure(
    rapport_http: RunningApp,
) -> None:
    flows.engagement_with_people(rapport_http)
    token = new_token(rapport_http)
    answer_round(rapport_http, [2, 3, 2], [3, 3, 3])
    assert rapport_http.slack.command("close").status == 200
    before = export_of(rapport_http)
    assert before[0]["sla_status"] is None
    period = (datetime.now(UTC) - timedelta(days=2)).date().isoformat()
    status, answer = post(rapport_http, {"status": "red", "period": period}, token)
    assert status == 201 and "recorded as history" in str(answer.get("history")), answer
    assert export_of(rapport_http) == before
    assert [r.status for r in records(rapport_http)] == ["red"]
    status, answer = post(rapport_http, {"status": "green"}, token)
    assert status == 201 and "history" not in answer
    answer_round(rapport_http, [2, 3, 2], [3, 3, 3])
    assert rapport_http.slack.command("close").status == 200
    after = export_of(rapport_http)
    assert after[0] == before[0] and after[1]["sla_status"] == "green"


def export_of(rapport: RunningApp) -> list[dict[str, Any]]:
    with rapport.database.reading() as session:
        return export_rows(session, find_engagement(session, "Acme deal"))


def test_a_fed_green_status_makes_the_watermelon_fire_at_the_next_close(
    rapport_http: RunningApp,
) -> None:
    flows.engagement_with_people(rapport_http)
    token = new_token(rapport_http)
    assert post(rapport_http, {"status": "green", "note": "all targets met"}, token)[0] == 201
    answer_round(rapport_http, [2, 3, 2], [3, 3, 3])
    assert rapport_http.slack.command("close").status == 200
    with rapport_http.database.reading() as session:
        rules = {a.rule: a.status for a in session.scalars(select(Alert)).all()}
    assert rules.get("watermelon") == "open"
    red = {"metric": "Availability", "value": 90.0, "target": 99.9, "higher_is_better": True}
    assert post(rapport_http, red, token)[1]["status"] == "red"
    answer_round(rapport_http, [2, 3, 2], [3, 3, 3])
    rapport_http.slack.command("close")
    with rapport_http.database.reading() as session:
        rules = {a.rule: a.status for a in session.scalars(select(Alert)).all()}
    assert rules["watermelon"] == "resolved"
