"""Keys at start and at rotation: the key must open what is stored; a pass seals it all."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import text

from storage.db import Database
from storage.models import Response
from storage.sealing import check_keys, reseal
from storage.secrets import KeyMismatch, Sealer, is_sealed
from tests.storage.rows import add_engagement, add_member, add_pulse


def stored_comments(database: Database, *comments: str) -> None:
    """Comments written as a version before sealing left them: in clear."""
    with database.unit_of_work() as session:
        deal = add_engagement(session)
        pulse = add_pulse(session, deal)
        for i, comment in enumerate(comments):
            member = add_member(session, deal, f"U{i}")
            answer = Response(pulse_id=pulse.id, member_id=member.id, rating=3)
            session.add(answer)
            session.flush()
            session.execute(
                text("UPDATE responses SET comment = :c WHERE id = :id"),
                {"c": comment, "id": answer.id},
            )


def raw_comments(database: Database) -> list[str]:
    with database.reading() as session:
        return list(session.scalars(text("SELECT comment FROM responses ORDER BY id")))


def test_a_start_seals_comments_left_in_clear_and_only_those(database: Database) -> None:
    stored_comments(database, "Too slow", "Fine")
    check_keys(database)
    assert reseal(database, everything=False).comments == 2
    sealed = raw_comments(database)
    assert all(is_sealed(c) for c in sealed) and "Too slow" not in "".join(sealed)
    assert reseal(database, everything=False).comments == 0
    assert raw_comments(database) == sealed
    assert database.sealer is not None
    assert [database.sealer.open(c) for c in sealed] == ["Too slow", "Fine"]


def test_a_rotation_reseals_everything_with_the_new_key(database: Database) -> None:
    stored_comments(database, "Too slow")
    reseal(database, everything=False)
    new = Fernet.generate_key().decode()
    rotated = Database(database.url, f"{new},{database.key}")
    try:
        assert reseal(rotated, everything=True).comments == 1
        check_keys(rotated)
    finally:
        rotated.dispose()
    (comment,) = raw_comments(database)
    assert Sealer(new).open(comment) == "Too slow"
    with pytest.raises(KeyMismatch):
        check_keys(database)


def test_a_wrong_key_is_found_at_start(database: Database) -> None:
    stored_comments(database, "Too slow")
    reseal(database, everything=False)
    wrong = Database(database.url, Fernet.generate_key().decode())
    try:
        with pytest.raises(KeyMismatch):
            check_keys(wrong)
    finally:
        wrong.dispose()
