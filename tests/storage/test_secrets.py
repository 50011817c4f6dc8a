"""Keys and sealing: sealed with the first key, opened with any, tokens kept working across keys."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from storage.secrets import (
    KeyMismatch,
    Sealer,
    TokenCipher,
    fernet_key_ok,
    is_sealed,
    key_file_for,
    key_list,
    read_or_create_key_file,
)

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


def test_keys_are_read_first_first_and_checked_each() -> None:
    assert key_list(f" {NEW} ,, {OLD} ") == [NEW, OLD]
    assert fernet_key_ok(f"{NEW},{OLD}")
    assert (
        not fernet_key_ok(f"{NEW},not-a-key") and not fernet_key_ok("") and not fernet_key_ok(",")
    )
    with pytest.raises(ValueError):
        Sealer(" , ")


def test_a_rotation_keeps_old_values_readable_and_reseals_them_with_the_new_key() -> None:
    sealed_old = Sealer(OLD).seal("Too slow")
    assert is_sealed(sealed_old) and "Too slow" not in sealed_old
    both = Sealer(f"{NEW},{OLD}")
    assert both.open(sealed_old) == "Too slow"
    resealed = both.reseal(sealed_old)
    assert Sealer(NEW).open(resealed) == "Too slow"
    with pytest.raises(KeyMismatch):
        Sealer(OLD).open(resealed)
    assert Sealer(NEW).open(both.reseal("plain from before")) == "plain from before"


def test_a_value_no_key_opens_says_what_it_was() -> None:
    with pytest.raises(KeyMismatch, match="a stored Slack token"):
        Sealer(NEW).open(Sealer(OLD).seal("xoxb-1"), "a stored Slack token")
    with pytest.raises(KeyMismatch):
        Sealer(NEW).reseal(Sealer(OLD).seal("xoxb-1"))


def test_tokens_pass_through_without_a_key_and_plaintext_stays_readable() -> None:
    plain = TokenCipher()
    assert not plain.encrypts and plain.seal("xoxb-1") == "xoxb-1"
    cipher = TokenCipher(NEW)
    sealed = cipher.seal("xoxb-1")
    assert cipher.encrypts and sealed is not None and is_sealed(sealed)
    assert cipher.seal(sealed) == sealed, "sealing twice would lose the token"
    assert cipher.open(sealed) == "xoxb-1" and cipher.open("xoxb-legacy") == "xoxb-legacy"
    assert cipher.open(None) is None and cipher.seal(None) is None


def test_a_key_file_is_made_private_once_and_read_back(tmp_path: Path) -> None:
    path = key_file_for(str(tmp_path / "rapport.db"))
    assert path.name == "rapport.db.key"
    key, created = read_or_create_key_file(path)
    assert created and fernet_key_ok(key)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert read_or_create_key_file(path) == (key, False)
    path.write_text("garbage\n")
    with pytest.raises(ValueError):
        read_or_create_key_file(path)


def test_a_key_file_is_never_written_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    link = tmp_path / "rapport.db.key"
    link.symlink_to(target)
    with pytest.raises(OSError):
        read_or_create_key_file(link)
    assert not target.exists()
