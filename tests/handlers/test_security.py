"""Forged or stale requests get 401 and change nothing."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

from tests.support import flows
from tests.support.running import SECRET, RunningApp
from tests.support.signing import signed_headers


def test_bad_signature_is_401_and_writes_nothing(rapport_http: RunningApp) -> None:
    body, token = rapport_http.slack.command_body(
        'setup "Forged" client:A provider:B channel:<#C0X>', user="U0EVE", channel="C0X"
    )
    forged = signed_headers(body, "not-the-secret")
    reply = rapport_http.slack.post(
        body, "application/x-www-form-urlencoded", headers=forged, token=token
    )
    assert reply.status == 401
    assert flows.count_rows(rapport_http.database)["engagements"] == 0
    assert rapport_http.standin.calls == []


def test_stale_timestamp_is_401_and_writes_nothing(rapport_http: RunningApp) -> None:
    body, token = rapport_http.slack.command_body(
        'setup "Replayed" client:A provider:B channel:<#C0X>', user="U0EVE", channel="C0X"
    )
    stale = signed_headers(body, SECRET, timestamp=int(time.time()) - 6 * 60)
    reply = rapport_http.slack.post(
        body, "application/x-www-form-urlencoded", headers=stale, token=token
    )
    assert reply.status == 401
    assert flows.count_rows(rapport_http.database)["engagements"] == 0


def test_tampered_body_is_401(rapport_http: RunningApp) -> None:
    flows.engagement_with_people(rapport_http)
    body, token = rapport_http.slack.command_body("send", user="U0CLI1", channel="C0ALERTS")
    headers = signed_headers(body, SECRET)
    tampered = body.replace("U0CLI1", "U0LEAD")
    reply = rapport_http.slack.post(
        tampered, "application/x-www-form-urlencoded", headers=headers, token=token
    )
    assert reply.status == 401
    assert rapport_http.standin.dms() == []


def test_missing_signature_headers_are_401(rapport_http: RunningApp) -> None:
    body, token = rapport_http.slack.command_body("help", user="U0EVE", channel="C0X")
    reply = rapport_http.slack.post(
        body, "application/x-www-form-urlencoded", headers={}, token=token
    )
    assert reply.status == 401


def test_healthz_answers_without_a_signature(rapport_http: RunningApp) -> None:
    import json

    with urllib.request.urlopen(rapport_http.url + "/healthz", timeout=5) as response:
        assert response.status == 200
        assert json.loads(response.read()) == {"ok": True}


def test_an_unsigned_deeply_nested_payload_is_401_before_anything_reads_it(
    rapport_http: RunningApp,
) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    body = "payload=" + nested
    reply = rapport_http.slack.post(body, "application/x-www-form-urlencoded", headers={})
    assert reply.status == 401
    assert "Traceback" not in str(reply.body)


def test_a_signed_payload_too_deep_to_read_is_400_not_a_traceback(rapport_http: RunningApp) -> None:
    body = "payload=" + "[" * 100_000 + "]" * 100_000
    reply = rapport_http.slack.post(body, "application/x-www-form-urlencoded")
    assert reply.status in (400, 401) and reply.status != 500
    assert "Traceback" not in str(reply.body)
