"""Rapport's public pages, served by `rapport web`: `/`, `/privacy` and `/support`.

Plain HTML built from the sentences in `bot/domain/site_text.py`; the home page carries
an *Add to Slack* button when Rapport is installed through OAuth (two-workspace mode).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from bot.domain import site_text as words

INSTALL_PATH = "/slack/install"


@dataclass(frozen=True, slots=True)
class Site:
    """What the pages need to know of the process."""

    distributed: bool = False
    contact: str = ""


def _paragraphs(lines: tuple[str, ...], contact: str) -> str:
    parts: list[str] = []
    in_list = False
    for line in lines:
        text = html.escape(line.format(contact=contact))
        if line.startswith("- "):
            parts.append(("" if in_list else "<ul>") + f"<li>{text[2:]}</li>")
            in_list = True
            continue
        if in_list:
            parts.append("</ul>")
            in_list = False
        parts.append(f"<p>{text}</p>")
    return "".join(parts) + ("</ul>" if in_list else "")


def _page(title: str, body: str) -> str:
    links = " · ".join(
        f'<a href="{href}">{html.escape(name)}</a>' for href, name in words.FOOTER_LINKS
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;"
        "padding:0 1rem;color:#2c3e50}a.add{display:inline-block;padding:.6rem 1rem;"
        "background:#4a154b;color:#fff;border-radius:4px;text-decoration:none}</style>"
        f"</head><body><h1>{html.escape(title)}</h1>{body}<hr><nav>{links}</nav></body></html>"
    )


def render(path: str, site: Site) -> str | None:
    """The HTML of the page at `path`, or None when there is no such page."""
    contact = site.contact.strip() or words.NO_CONTACT
    if path == "/":
        body = _paragraphs(words.LANDING, contact)
        if site.distributed:
            body += f'<p><a class="add" href="{INSTALL_PATH}">{words.ADD_TO_SLACK}</a></p>'
        return _page(words.LANDING_TITLE, body)
    if path == "/privacy":
        return _page(words.PRIVACY_TITLE, _paragraphs(words.PRIVACY, contact))
    if path == "/support":
        return _page(words.SUPPORT_TITLE, _paragraphs(words.SUPPORT, contact))
    return None
