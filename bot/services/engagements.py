"""Engagements and their people: set up, choose, authorise, add, remove, list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.domain import reply_text
from bot.domain.errors import Conflict, NotFound, NotPermitted
from bot.domain.people import Caller, Person
from bot.services.runtime import Runtime
from bot.views.mrkdwn import mention
from bot.views.roster import RosterPerson
from storage import engagements as queries
from storage.models import Engagement, Member


def by_id(session: Session, engagement_id: int) -> Engagement:
    """An engagement by id; `NotFound` if it has gone."""
    found = session.get(Engagement, engagement_id)
    if found is None:
        raise NotFound(reply_text.ENGAGEMENT_GONE)
    return found


def choose(session: Session, caller: Caller, name: str | None) -> Engagement:
    """The engagement a command applies to.

    An explicit `in:"name"` wins; then the engagement whose shared channel the
    command ran in; then the one engagement the caller leads, or failing that the
    one they are on. Anything ambiguous is an error that says how to choose.
    """
    if name is not None:
        found = queries.by_name(session, caller.team_id, name, archived=False)
        if found is None:
            # Set up from the other company's workspace: found by the caller's membership.
            theirs = queries.of_person(session, caller.team_id, caller.user_id)
            found = next((e for e in theirs if e.name.lower() == name.lower()), None)
        if found is None:
            raise NotFound(reply_text.UNKNOWN_ENGAGEMENT.format(name=name))
        return found
    if caller.channel_id:
        here = queries.in_channel(session, caller.channel_id)
        if len(here) == 1:
            return here[0]
        if len(here) > 1:
            # Setup refuses a used channel now; older data may still share one. Only the
            # engagements the caller is on are candidates, and only they are named.
            theirs = [e for e in here if _is_on(session, e, caller)]
            if len(theirs) == 1:
                return theirs[0]
            if theirs:
                raise Conflict(reply_text.CHANNEL_SHARED.format(names=_names(theirs)))
    led = queries.of_person(session, caller.team_id, caller.user_id, roles=("lead",))
    if len(led) == 1:
        return led[0]
    on = led or queries.of_person(session, caller.team_id, caller.user_id)
    if len(on) == 1:
        return on[0]
    if not on:
        raise NotFound(reply_text.NO_ENGAGEMENT)
    raise Conflict(reply_text.CHOOSE_ENGAGEMENT.format(names=_names(on)))


def _is_on(session: Session, engagement: Engagement, caller: Caller) -> bool:
    found = queries.member(session, engagement.id, caller.team_id, caller.user_id)
    return found is not None and found.status != "removed"


def _names(engagements: Sequence[Engagement]) -> str:
    return ", ".join(f'"{e.name}"' for e in engagements)


def require_lead(session: Session, engagement: Engagement, caller: Caller) -> Member:
    """The caller's membership if they lead the engagement; otherwise a refusal."""
    found = queries.member(session, engagement.id, caller.team_id, caller.user_id)
    if found is None or found.role != "lead" or found.status == "removed":
        leads = ", ".join(mention(m.user_id) for m in queries.leads(session, engagement.id))
        raise NotPermitted(
            reply_text.LEADS_ONLY.format(engagement=engagement.name, leads=leads or "none")
        )
    return found


def require_member(session: Session, engagement: Engagement, caller: Caller) -> Member:
    found = queries.member(session, engagement.id, caller.team_id, caller.user_id)
    if found is None or found.status == "removed":
        raise NotPermitted(reply_text.NOT_A_MEMBER.format(engagement=engagement.name))
    return found


def ensure_name_free(session: Session, team_id: str, name: str) -> None:
    if queries.by_name(session, team_id, name) is not None:
        raise Conflict(reply_text.ENGAGEMENT_EXISTS.format(name=name))


def ensure_channel_free(session: Session, channel: str) -> None:
    """Refuse a channel another active engagement posts in, without naming that engagement."""
    if queries.in_channel(session, channel):
        raise Conflict(reply_text.SETUP_CHANNEL_TAKEN.format(channel=channel))


def set_up(
    session: Session,
    caller: Caller,
    *,
    name: str,
    client: str,
    provider: str,
    channel: str,
    lead_side: str = "client",
    timezone: str | None = None,
) -> Engagement:
    """Create an engagement with the caller as its lead."""
    ensure_name_free(session, caller.team_id, name)
    ensure_channel_free(session, channel)
    engagement = Engagement(
        team_id=caller.team_id,
        name=name,
        client_org=client,
        provider_org=provider,
        channel_id=channel,
        created_by=caller.user_id,
        timezone=timezone or "UTC",
    )
    session.add(engagement)
    session.flush()
    session.add(
        Member(
            engagement_id=engagement.id,
            team_id=caller.team_id,
            user_id=caller.user_id,
            side=lead_side,
            role="lead",
        )
    )
    session.flush()
    return engagement


@dataclass(frozen=True, slots=True)
class AddResult:
    added: list[str]
    refused: list[str]
    changed: bool = False
    """Someone already on the engagement got a new side, role or weight."""


def add_people(
    session: Session,
    engagement: Engagement,
    people: Sequence[Person],
    *,
    side: str,
    role: str | None,
    weight: float | None,
) -> AddResult:
    """Put people on a side; re-adding someone updates their side, role or weight."""
    added: list[str] = []
    refused: list[str] = []
    changed = False
    for person in people:
        who = mention(person.user_id)
        if person.unknown_because is not None:
            refused.append(
                reply_text.LOOKUP_FAILED.format(person=who, reason=person.unknown_because)
            )
            continue
        if not person.exists:
            refused.append(reply_text.UNKNOWN_USER.format(person=who))
            continue
        if person.is_bot:
            refused.append(reply_text.BOT_USER.format(person=who))
            continue
        if person.deleted:
            refused.append(reply_text.DEACTIVATED_USER.format(person=who))
            continue
        existing = queries.member(session, engagement.id, person.team_id, person.user_id)
        if existing is None:
            existing = Member(
                engagement_id=engagement.id,
                team_id=person.team_id,
                user_id=person.user_id,
                side=side,
                role=role or "member",
                weight=weight or 1.0,
                locale=person.locale,
            )
            session.add(existing)
        else:
            changed = True
            existing.side = side
            existing.status = "active"
            existing.status_reason = None
            if role is not None:
                existing.role = role
            if weight is not None:
                existing.weight = weight
        added.append(who)
    session.flush()
    return AddResult(added, refused, changed)


def remove_person(session: Session, engagement: Engagement, user_id: str) -> bool:
    """Take someone off; their past answers stay. False if they were not on it."""
    found = queries.member_by_user(session, engagement.id, user_id)
    if found is None or found.status == "removed":
        return False
    if found.role == "lead" and len(queries.leads(session, engagement.id)) == 1:
        raise Conflict(reply_text.LAST_LEAD.format(engagement=engagement.name))
    found.status = "removed"
    return True


def roster(session: Session, engagement: Engagement) -> dict[str, list[RosterPerson]]:
    """The current members of each side, as `/rapport members` lists them."""
    sides: dict[str, list[RosterPerson]] = {"client": [], "provider": []}
    for m in queries.current_members(session, engagement.id):
        sides[m.side].append(RosterPerson(m.user_id, m.role, m.weight, m.status, m.status_reason))
    return sides


def led_by(container: Runtime, caller: Caller, name: str | None) -> int:
    """The id of the engagement a command names, if the caller leads it."""
    with container.database.reading() as session:
        engagement = choose(session, caller, name)
        require_lead(session, engagement, caller)
        return engagement.id


def add_to(
    container: Runtime,
    engagement_id: int,
    people: Sequence[Person],
    *,
    side: str,
    role: str | None,
    weight: float | None,
) -> tuple[str, AddResult]:
    """`/rapport add`, once the people are looked up: the engagement's name and who went on."""
    with container.database.unit_of_work() as session:
        engagement = by_id(session, engagement_id)
        result = add_people(session, engagement, people, side=side, role=role, weight=weight)
        return engagement.name, result


def remove_from(
    container: Runtime, caller: Caller, name: str | None, user_id: str
) -> tuple[str, int, bool]:
    """`/rapport remove` by a lead: the engagement's name and id, and False if the person
    was not on it."""
    with container.database.unit_of_work() as session:
        engagement = choose(session, caller, name)
        require_lead(session, engagement, caller)
        removed = remove_person(session, engagement, user_id)
        return engagement.name, engagement.id, removed


@dataclass(frozen=True, slots=True)
class Roster:
    """`/rapport members`: who is on each side of an engagement."""

    name: str
    orgs: dict[str, str]
    sides: dict[str, list[RosterPerson]]


def members_of(container: Runtime, caller: Caller, name: str | None) -> Roster:
    """The current members of the engagement a command names, for one of its members."""
    with container.database.reading() as session:
        engagement = choose(session, caller, name)
        require_member(session, engagement, caller)
        orgs = {"client": engagement.client_org, "provider": engagement.provider_org}
        return Roster(engagement.name, orgs, roster(session, engagement))
