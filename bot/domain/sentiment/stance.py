"""Requests, questions, announcements and logistics: comments that take no stance."""

from __future__ import annotations

import re

from bot.domain.sentiment.guarded_regex import compile_guarded

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)
_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight)"
_QUESTION = re.compile(
    r"^(?:\w+(?: \w+)? ?:\s*|(?:quick|small|one|short)? ?question,\s*|(?:hi|hello|hey|btw|"
    r"also|sorry),? (?:all|team|everyone|folks)?,?\s*)?(?:can|could|would|will|is|are|does|"
    r"do|did|who|what|which|when|where|"
    r"should|shall|has|have|any|anyone|is there|how do|how does|how long will|how many|"
    r"how much)\b[^?]*\?\W*$"
)
_REQUEST = re.compile(
    r"^(?:please|pls|kindly|reminder|quick reminder|friendly reminder|fyi|heads[- ]up|note|"
    r"status|status update|update|quick update|short update|small update|next steps|agenda|"
    r"minutes|notes|retro notes|draft|"
    r"attaching|attached|sending|adding|handing over|moving|rolling out|starting|"
    r"maintenance|planned|new joiner|asking for|i'll be out|i will be out|ooo|ping me|"
    r"let me know|lmk|nothing new|nothing (?:much |major |else )?to report"
    r"|not much (?:happening|to report|going on)|request to|let's (?:schedule|book|set up|plan|"
    r"meet|sync|catch up)|i'd like (?:a|an|the|to (?:review|see|get|discuss|schedule)))\b"
)
# Absences and cover: "I am on sick leave tomorrow, Pavel covers", "OOO until Monday".
# The cover at the end, which may open with any word, is a regex of its own, searched
# only when "cover" is in the text; `_absence` finds what one regex of both would.
_ABSENCE = compile_guarded(
    r"\b(?:am|is|are|be|i'm|we're|she's|he's) on (?:sick |annual |parental |maternity "
    r"|paternity |study )?(?:leave|holiday|vacation|pto)\b|\boff sick\b|\bout of "
    r"(?:the )?office\b|\bcovering for\b"
)
_COVER = re.compile(r"\b\w+ (?:covers|will cover)\W*$")
_ANNOUNCEMENT = compile_guarded(
    r"\b(?:(?:is|are|has been|have been|was|were|been) )?(?:scheduled|planned|booked|"
    r"rescheduled|moved|due|pinned|uploaded|attached|approved|confirmed)\b(?! (?:late|again))"
    r"|\b(?:goes|go|going) live\b|\bgo-live (?:is|on)\b"
    r"|\bwill (?:be|go|move|start|visit|need|attend|rotate|retire|join|cover|run|send)\b"
    r"|\b(?:we'll|we will|we are planning|we're planning|planning to|plan to) \w+"
    r"|\b(?:from|starting|until|by|on|before) (?:next|the \d+(?:st|nd|rd|th)?|" + _DAY + r")\b"
    r"|\bnext (?:week|month|quarter|sprint|year|" + _DAY + r")\b|\bin q[1-4]\b"
    r"|\b(?:in|from|by|on|until|is) (?:\d{1,2}(?:[–-]\d{1,2})? )?" + _MONTH + r"\b"
    r"|\b(?:at|from|until|by) \d{1,2}[:.]\d{2}\b|\b\d{1,2}(?:am|pm)\b"
    r"|\bby (?:the )?end of\b|\b(?:starts?|begins?|ends?) (?:on|in|at|from|next)\b"
    r"|\bnow (?:needs?|requires?|goes?)\b|\b(?:has|have) asked (?:for|us to)\b"
    # Times of work chat: "at 14h", "after lunch", "ETA Thursday" (not "tonight", which
    # tweets use for plans they have feelings about).
    r"|\b(?:after lunch|eod|eta)\b|\b(?:at|before|after) \d{1,2}h\b"
    # Records kept up to date: "runbook updated with", "I've added the risks", "is with legal".
    r"|\b(?:updated|refreshed|extended) with\b|\bi've (?:updated|added|uploaded|shared|"
    r"attached|created|logged)\b|\bis with (?:legal|procurement|finance|the \w+ team)\b"
    r"|\baccess (?:granted|given|provided|set up)\b"
)
# A bare acknowledgement is the whole comment: "ok", "Fine by me.", "fine I guess".
_ACKNOWLEDGEMENT = re.compile(
    r"^(?:ok|okay|k|fine|alright|all right|noted|ack)(?: (?:by|for|with) me| i guess)?"
    r"(?:,? (?:thanks|thank you|thx|cheers|ta))?\W*$"
    # A promise to do the errand: "Sure, will send the pack by end of day".
    r"|^(?:sure|ok|okay|noted|will do)[,.!]? (?:will|i'll|we'll|i will|we will) \w+"
)
# Greetings, offers and hand-overs that open an errand: "Hi all, sharing the agenda",
# "Happy to set up a call", "PR #412 ready for review". The openers are tried at the
# start only, then the hand-overs anywhere: what one regex of both would find, without
# trying the openers at every character.
_ERRAND_OPENER = re.compile(
    r"^(?:hi|hello|hey|morning|good morning|good afternoon),? (?:all|team|everyone|folks)\b"
    r"|^(?:welcome|sharing|shared|circulating|forwarding|looping in)\b"
    r"|^happy to (?:set up|help|share(?! that)|walk|join|discuss|arrange|jump on)\b"
)
_HAND_OVER = compile_guarded(
    r"\bready for (?:review|testing|sign-?off)\b|\bwould be helpful\b|\bif that helps\b"
    r"|\b(?:feedback|comments|questions|input)(?: is| are)? (?:welcome|appreciated)\b"
)
# How far a stance-free comment's score is pulled towards 0: "please update the
# runbook, thanks" is an errand, not praise.
DAMPING = 0.05


def _absence(lowered: str) -> re.Match[str] | None:
    """The leftmost absence or cover; where both start at once, the absence (tried first)."""
    absence = _ABSENCE.search(lowered)
    cover = _COVER.search(lowered) if "cover" in lowered else None
    if cover is None or (absence is not None and absence.start() <= cover.start()):
        return absence
    return cover


def _errand(lowered: str) -> re.Match[str] | None:
    return _ERRAND_OPENER.match(lowered) or _HAND_OVER.search(lowered)


def errand_marker(text: str) -> str | None:
    """The greeting, offer or hand-over that opens an errand ("happy to walk you through")."""
    match = _errand(text.lower().strip(" *_>"))
    return match.group(0) if match else None


def no_stance(text: str) -> str | None:
    """The words that mark a comment as a request or announcement, or None."""
    found = stance_marker(text)
    return found[1] if found else None


def stance_marker(text: str) -> tuple[str, str] | None:
    """("ask", words) for a question or request, ("announce", words) for a notice, or None.

    An ask is the stronger marker: "can you share the latest deck?" stays an errand
    whatever opinion words it uses, while a notice can carry one ("go-live went great").
    """
    lowered = text.lower().strip(" *_>")
    for search in (
        _QUESTION.search,
        _REQUEST.search,
        _errand,
        _absence,
        _ACKNOWLEDGEMENT.search,
    ):
        match = search(lowered)
        if match:
            return "ask", match.group(0)[:40].strip()
    match = _ANNOUNCEMENT.search(lowered)
    return ("announce", match.group(0)) if match else None
