"""Stored Slack tokens, encrypted at rest with a Fernet key when the operator gives one."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

# Fernet tokens start with this (version byte 0x80, base64url-encoded).
_MARK = "gAAAAA"


def fernet_key_ok(key: str) -> bool:
    """Whether `key` is a usable Fernet key."""
    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return False
    return True


class TokenCipher:
    """Encrypts tokens for the database and decrypts them on the way out.

    Without a key it passes tokens through unchanged (the process warns at start). A
    value that is not a Fernet token is read as plaintext, so tokens stored before a
    key was set keep working and are encrypted at their next save or rotation.
    """

    def __init__(self, key: str = "") -> None:
        self._fernet = Fernet(key.encode()) if key else None

    @property
    def encrypts(self) -> bool:
        return self._fernet is not None

    def seal(self, token: str | None) -> str | None:
        """The token encrypted; one already sealed is left as it is."""
        if token is None or self._fernet is None or token.startswith(_MARK):
            return token
        return self._fernet.encrypt(token.encode()).decode()

    def open(self, stored: str | None) -> str | None:
        if stored is None or self._fernet is None or not stored.startswith(_MARK):
            return stored
        try:
            return self._fernet.decrypt(stored.encode()).decode()
        except InvalidToken as error:
            raise InvalidToken(
                "a stored Slack token cannot be read with RAPPORT_SECRET_KEY"
            ) from error
