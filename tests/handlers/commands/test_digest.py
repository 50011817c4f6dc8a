"""`/rapport digest` and `export` end to end: the caller's DM gets the digest and its chart."""

from __future__ import annotations

import csv
import io

from PIL import Image

from bot.domain.alerts.wording import shown
from bot.domain.digest import digest_numbers
from bot.services.digest.assemble import assemble
from storage import engagements as engagement_queries
from tests.support import flows
from tests.support.digests_flow import SPONSOR, blocks_text, dm_posts, uploads_to, with_history
from tests.support.running import RunningApp

OTHER_LEAD, OTHER_SPONSOR, OTHER_CHANNEL = "U0LEAD2", "U0SPON2", "C0OTHER"


def other_engagement(rapport: RunningApp) -> None:
    flows.set_up(rapport, "Other deal", lead=OTHER_LEAD, channel=OTHER_CHANNEL)
    added = rapport.slack.command(
        f"add {flows.mentions((OTHER_SPONSOR,))} client sponsor",
        user=OTHER_LEAD,
        channel=OTHER_CHANNEL,
    )
    assert "Added" in added.text, added.text


def test_digest_sends_the_callers_dm_the_numbers_and_a_chart(rapport: RunningApp) -> None:
    with_history(rapport)
    reply = rapport.slack.command("digest", user=SPONSOR, channel="D0SPON")
    assert reply.ephemeral and "in our DM" in reply.text

    with rapport.database.reading() as session:
        engagement = engagement_queries.by_name(session, "T0RAPPORT", "Acme deal")
        assert engagement is not None
        numbers = digest_numbers(assemble(session, engagement, rapport.clock()))
    assert numbers is not None and numbers.client.latest.index is not None
    assert numbers.provider.latest.index is not None
    client, provider = shown(numbers.client.latest.index), shown(numbers.provider.latest.index)

    (post,) = dm_posts(rapport, SPONSOR)
    text = blocks_text(post)
    assert f"client {client} (below its 70)" in text
    assert f"provider {provider} (above its 60)" in text
    assert f"gap {abs(client - provider)}, widening" in text
    assert "Open alerts" in text and "divergence" not in post["text"].lower()
    assert "U0CLI1" not in text  # counts, never names

    (png,) = uploads_to(rapport, SPONSOR)
    image = Image.open(io.BytesIO(png))
    image.verify()
    assert image.format == "PNG" and image.size == (1600, 900)
    assert 10_000 < len(png) < 500_000


def test_members_and_other_engagements_sponsors_get_nothing(rapport: RunningApp) -> None:
    with_history(rapport)
    other_engagement(rapport)
    for user, where in ((OTHER_SPONSOR, 'in:"Acme deal"'), ("U0CLI1", "")):
        reply = rapport.slack.command(f"digest {where}", user=user)
        assert "Only the leads and sponsors of *Acme deal*" in reply.text
        assert reply.ephemeral
    refused = rapport.slack.command("digest", user=OTHER_SPONSOR, channel=flows.CHANNEL)
    assert "Only the leads and sponsors" in refused.text
    export = rapport.slack.command('export in:"Acme deal"', user=OTHER_SPONSOR)
    assert "Only the leads and sponsors" in export.text
    for user in (OTHER_SPONSOR, "U0CLI1"):
        assert dm_posts(rapport, user) == [] and uploads_to(rapport, user) == []

    # Their own engagement's digest has no pulse yet, and nothing of Acme's.
    own = rapport.slack.command("digest", user=OTHER_SPONSOR, channel="D0SPON2")
    assert "in our DM" in own.text, own.text
    (post,) = dm_posts(rapport, OTHER_SPONSOR)
    assert "Other deal" in blocks_text(post) and "Acme deal" not in blocks_text(post)
    assert "no pulse has closed yet" in blocks_text(post)


def test_export_uploads_one_row_per_pulse_to_the_lead(rapport: RunningApp) -> None:
    with_history(rapport)
    reply = rapport.slack.command("export")
    assert "2 pulses" in reply.text and reply.ephemeral
    (upload,) = uploads_to(rapport, flows.LEAD)
    rows = list(csv.DictReader(io.StringIO(upload.decode())))
    assert [r["pulse"] for r in rows] == ["1", "2"]
    assert rows[1]["client_answered"] == "3" and rows[1]["client_eligible"] == "4"
    assert float(rows[1]["client_index"]) < 70 < float(rows[1]["provider_index"]) + 10
    assert not any("U0" in value for row in rows for value in row.values())


def test_a_digest_or_export_that_times_out_is_said_with_the_reason(rapport: RunningApp) -> None:
    with_history(rapport)
    # Before, a timeout (not a Slack error) escaped and the sponsor read "something went
    # wrong"; now the reply names what happened.
    rapport.standin.hang("chat.postMessage", 2.5, user=SPONSOR)
    reply = rapport.slack.command("digest", user=SPONSOR)
    assert "couldn't send you the digest" in reply.text and "(timeout)" in reply.text
    rapport.standin.hang("files.getUploadURLExternal", 2.5)
    reply = rapport.slack.command("export", user=SPONSOR)
    assert "couldn't send you the export" in reply.text and "(timeout)" in reply.text


def test_a_failed_upload_is_said_not_swallowed(rapport: RunningApp) -> None:
    with_history(rapport)
    rapport.standin.fail("files.getUploadURLExternal", "not_allowed_token_type")
    reply = rapport.slack.command("digest", user=SPONSOR)
    assert "couldn't send you the digest" in reply.text
    assert "not_allowed_token_type" in reply.text
