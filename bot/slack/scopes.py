"""The bot scopes Rapport asks for, in one place, each with its reason: the install link and
manifest.yml use them (tests/bot/slack/test_slack_contract.py keeps the manifest in step
and fails on a scope nothing needs or a method no scope allows)."""

from __future__ import annotations

BOT_SCOPES: tuple[str, ...] = (
    "commands",  # /rapport
    "chat:write",  # pulse DMs, alerts, replies
    "chat:write.public",  # the introduction and alerts in a public channel before an invite
    "im:write",  # open DMs with members
    "im:history",  # after a crash, check whether a pulse DM already went out
    "channels:history",  # after an uncertain post, check whether it landed (public channel)
    "groups:history",  # … in a private alert channel
    "users:read",  # check people exist before adding them; their time zone, language, workspace
    "channels:read",  # setup: is the person in the public alert channel? shared or not?
    "groups:read",  # … or in the private one (once Rapport is invited there)
    "files:write",  # the digest chart
)
