"""What one person sees in one place: a conversation (and a thread), their Home tab, a modal."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from bot.wiring.playground.blockkit import Directory, message_html, text_html, view_html
from bot.wiring.playground.workspace import Message, Workspace

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg")


def directory_of(workspace: Workspace) -> Directory:
    def name(some_id: str) -> str:
        if some_id in workspace.people:
            return workspace.people[some_id].name
        if some_id == workspace.bot_user:
            return "Rapport"
        found = workspace.channels.get(some_id)
        return found[0] if found else some_id

    people = [(p.user_id, p.name) for p in workspace.people.values()]
    channels = [(cid, name) for cid, (name, _) in workspace.channels.items()]
    return Directory(names=name, people=people, channels=channels)


def _files_html(files: list[dict[str, Any]]) -> str:
    out = []
    for f in files:
        href = f"/files/{html.escape(str(f.get('id', '')), quote=True)}"
        title = html.escape(str(f.get("title") or f.get("name") or "file"))
        if str(f.get("name", "")).lower().endswith(IMAGE_SUFFIXES):
            out.append(
                f'<figure class="file"><img src="{href}" alt="{title}">'
                f"<figcaption>{title}</figcaption></figure>"
            )
        else:
            out.append(f'<a class="file" href="{href}" download>{title}</a>')
    return "".join(out)


def message_card(
    workspace: Workspace, message: Message, directory: Directory, *, in_thread: bool = False
) -> str:
    """One message as Slack shows it: sender, time, body, files, its replies' count."""
    who = directory.names(message.user)
    badge = ' <span class="app">APP</span>' if message.user == workspace.bot_user else ""
    when = datetime.fromtimestamp(float(message.ts)).strftime("%Y-%m-%d %H:%M")
    body = (
        message_html(message.text, message.blocks, directory)
        if (message.text or message.blocks)
        else ""
    )
    note = ""
    if message.only_for:
        note = '<div class="ephemeral-note">Only visible to you</div>'
    replies = "" if in_thread else _replies_link(workspace, message)
    classes = "msg ephemeral" if message.only_for else "msg"
    return (
        f'<div class="{classes}" data-channel="{html.escape(message.channel)}" '
        f'data-ts="{html.escape(message.ts)}">'
        f'<div class="who"><b>{html.escape(who)}</b>{badge} <time>{when}</time></div>'
        f'<div class="body">{body}{_files_html(message.files)}</div>{note}{replies}</div>'
    )


def _replies_link(workspace: Workspace, message: Message) -> str:
    count = len(workspace.thread(message.channel, message.ts))
    if not count:
        return ""
    words = "1 reply" if count == 1 else f"{count} replies"
    return f'<a class="replies" href="#" data-thread="{html.escape(message.ts)}">{words}</a>'


def conversation(
    workspace: Workspace, channel: str, viewer: str, thread_ts: str | None
) -> dict[str, Any]:
    """The conversation's messages for `viewer`, and the open thread's, as HTML."""
    directory = directory_of(workspace)
    with workspace.lock:
        cards = [message_card(workspace, m, directory) for m in workspace.timeline(channel, viewer)]
        thread_html = ""
        parent = workspace.find(channel, thread_ts) if thread_ts else None
        if parent is not None and thread_ts is not None:
            replies = workspace.thread(channel, thread_ts)
            thread_html = "".join(
                message_card(workspace, m, directory, in_thread=True) for m in [parent, *replies]
            )
    empty = '<div class="empty">No messages yet.</div>'
    return {
        "html": "".join(cards) or empty,
        "thread_html": thread_html,
        "unknown": sorted(set(directory.unknown)),
    }


def home(workspace: Workspace, viewer: str) -> dict[str, Any]:
    directory = directory_of(workspace)
    view = workspace.homes.get(viewer)
    if view is None:
        return {"html": '<div class="empty">Opening Home…</div>', "thread_html": "", "unknown": []}
    return {
        "html": f'<div class="home" data-view-id="{html.escape(str(view.get("id")))}">'
        + view_html(view, directory)
        + "</div>",
        "thread_html": "",
        "unknown": sorted(set(directory.unknown)),
    }


def modal(workspace: Workspace, viewer: str) -> dict[str, Any] | None:
    """The person's open modal, with its submit and close labels, or None."""
    view = workspace.modal_of(viewer)
    if view is None:
        return None
    directory = directory_of(workspace)
    return {
        "id": view.get("id"),
        "title": text_html(view.get("title"), directory),
        "submit": text_html(view.get("submit"), directory) if view.get("submit") else "",
        "close": text_html(view.get("close"), directory) if view.get("close") else "Close",
        "html": view_html({**view, "title": None}, directory),
    }
