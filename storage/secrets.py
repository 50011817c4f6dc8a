"""Keys and sealing: Slack tokens and comments encrypted at rest with Fernet.

``RAPPORT_SECRET_KEY`` holds one Fernet key, or several separated by commas: the first
seals, every one opens (``MultiFernet``), so a key is rotated by putting the new one
first, running ``rapport rotate-key`` (which re-seals every stored value with it) and
then dropping the old one. Without the variable, a SQLite database gets a key file
beside it (``<database>.key``, mode 0600); PostgreSQL has no such default.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

# Fernet tokens start with this (version byte 0x80, base64url-encoded).
_MARK = "gAAAAA"


class KeyMismatch(InvalidToken):
    """A stored value cannot be opened with any of the keys given."""


def key_list(keys: str) -> list[str]:
    """The keys in ``RAPPORT_SECRET_KEY``, first (the sealing one) first."""
    return [key.strip() for key in keys.split(",") if key.strip()]


def fernet_key_ok(keys: str) -> bool:
    """Whether every key in `keys` (one, or several separated by commas) is a Fernet key."""
    found = key_list(keys)
    try:
        for key in found:
            Fernet(key.encode())
    except (ValueError, TypeError):
        return False
    return bool(found)


def is_sealed(stored: str | None) -> bool:
    return stored is not None and stored.startswith(_MARK)


class Sealer:
    """Seals text with the first key and opens it with any of them."""

    def __init__(self, keys: str) -> None:
        found = key_list(keys)
        if not found:
            raise ValueError("no key given")
        self._fernet = MultiFernet([Fernet(key.encode()) for key in found])

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def open(self, stored: str, what: str = "a stored comment") -> str:
        try:
            return self._fernet.decrypt(stored.encode()).decode()
        except InvalidToken as error:
            raise KeyMismatch(f"{what} cannot be read with RAPPORT_SECRET_KEY") from error

    def reseal(self, stored: str, what: str = "a stored comment") -> str:
        """The value sealed with the first key (plaintext from before sealing included)."""
        if not is_sealed(stored):
            return self.seal(stored)
        try:
            return self._fernet.rotate(stored.encode()).decode()
        except InvalidToken as error:
            raise KeyMismatch(f"{what} cannot be read with RAPPORT_SECRET_KEY") from error


class TokenCipher:
    """Encrypts tokens for the database and decrypts them on the way out.

    Without a key it passes tokens through unchanged (single-workspace SQLite only; two
    workspaces refuse to start without one). A value that is not a Fernet token is read
    as plaintext, so tokens stored before a key was set keep working and are sealed at
    their next save, rotation or `rapport rotate-key`.
    """

    def __init__(self, key: str = "") -> None:
        self._sealer = Sealer(key) if key_list(key) else None

    @property
    def encrypts(self) -> bool:
        return self._sealer is not None

    def seal(self, token: str | None) -> str | None:
        """The token encrypted; one already sealed is left as it is."""
        if token is None or self._sealer is None or is_sealed(token):
            return token
        return self._sealer.seal(token)

    def open(self, stored: str | None) -> str | None:
        if stored is None or self._sealer is None or not is_sealed(stored):
            return stored
        return self._sealer.open(stored, "a stored Slack token")


def key_file_for(database_path: str) -> Path:
    """Where a SQLite database's generated key lives: beside it, ``<file>.key``."""
    return Path(database_path + ".key")


def read_or_create_key_file(path: Path) -> tuple[str, bool]:
    """The key in ``path``, creating it (0600, never through a symlink) if missing.

    Returns the key and whether it was just created.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if not fernet_key_ok(key):
            raise ValueError(f"{path} does not hold a Fernet key") from None
        return key, False
    key = Fernet.generate_key().decode()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return key, True
