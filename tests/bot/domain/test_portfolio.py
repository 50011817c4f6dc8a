"""Ranking a portfolio by need of attention, on a hand-built example and on random ones."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.alerts import PulseFigures, Thresholds
from bot.domain.portfolio import EngagementState, OpenFinding, rank
from tests.support.digests import side

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
T = Thresholds()  # client 70, provider 60


def figures(client: float | None, provider: float | None) -> PulseFigures:
    return PulseFigures(side("client", client), side("provider", provider))


def quiet(client: float, provider: float) -> PulseFigures:
    """The provider side: 3 of 9 answered, under half."""
    base = figures(client, provider)
    low = base.provider
    return PulseFigures(
        base.client,
        type(low)(low.side, low.index, 3, 9, 3 / 9, low.guess_index),
    )


def state(name: str, **fields: object) -> EngagementState:
    values: dict[str, object] = {
        "engagement_id": abs(hash(name)) % 1000,
        "name": name,
        "role": "sponsor",
        "thresholds": T,
        "latest": figures(80, 75),
        "previous": figures(80, 75),
    }
    values.update(fields)
    return EngagementState(**values)  # type: ignore[arg-type]


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


EXAMPLE = [
    state("Calm"),
    state("Overdue", overdue_actions=2),
    state("Quiet", latest=quiet(80, 75)),
    state("Widening", latest=figures(85, 70), previous=figures(80, 75)),
    state("Below", latest=figures(65, 75), previous=figures(65, 75)),
    state("Warning old", findings=[OpenFinding("warning", days_ago(20))]),
    state("Warning new", findings=[OpenFinding("warning", days_ago(2))]),
    state("Critical", findings=[OpenFinding("critical", days_ago(1))]),
    state(
        "Escalated",
        findings=[OpenFinding("warning", days_ago(30), escalated=True)],
    ),
    state("Withheld", latest=figures(None, 75), previous=None),
    state("New", latest=None, previous=None),
]


def test_the_hand_built_portfolio_is_ranked_by_need_of_attention() -> None:
    ranked = [s.name for s in rank(reversed(EXAMPLE), NOW)]
    assert ranked == [
        "Escalated",
        "Critical",
        "Warning old",
        "Warning new",
        "Below",
        "Widening",
        "Quiet",
        "Withheld",  # withheld because only two of nine answered: a side going quiet
        "Overdue",
        "Calm",
        "New",
    ]


indices = st.one_of(st.none(), st.floats(0, 100))
findings = st.lists(
    st.builds(
        OpenFinding,
        st.sampled_from(["warning", "critical"]),
        st.integers(0, 60).map(days_ago),
        st.booleans(),
    ),
    max_size=3,
)
states = st.builds(
    lambda n, c, p, pc, pp, f, o: state(
        f"E{n}",
        engagement_id=n,
        latest=figures(c, p),
        previous=figures(pc, pp),
        findings=f,
        overdue_actions=o,
    ),
    st.integers(0, 10_000),
    indices,
    indices,
    indices,
    indices,
    findings,
    st.integers(0, 3),
)


@given(st.lists(states, max_size=12, unique_by=lambda s: s.engagement_id))
def test_ranking_is_a_stable_permutation_with_every_escalation_first(
    portfolio: list[EngagementState],
) -> None:
    ranked = rank(portfolio, NOW)
    assert sorted(s.engagement_id for s in ranked) == sorted(s.engagement_id for s in portfolio)
    assert rank(list(reversed(portfolio)), NOW) == ranked
    escalated = [s.escalated > 0 for s in ranked]
    assert escalated == sorted(escalated, reverse=True)
    needing = [s.needs_attention for s in ranked]
    assert needing == sorted(needing, reverse=True)
