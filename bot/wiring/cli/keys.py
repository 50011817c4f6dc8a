"""`rapport rotate-key`: re-seal every stored comment and Slack token with a new key."""

from __future__ import annotations

import argparse
import os

from bot.domain import operator_text as text
from bot.domain.i18n import counted
from bot.wiring.cli.common import command_database
from bot.wiring.settings import ConfigError, database_url_from_env
from storage.secrets import fernet_key_ok, key_list


def cmd_rotate_key(_args: argparse.Namespace) -> int:
    """With RAPPORT_SECRET_KEY="new,old": seal everything with the new key, then say so.

    Every stored value is opened with any of the keys and sealed again with the first, in
    committed batches; run it again after an interruption. Afterwards the old keys can be
    dropped from RAPPORT_SECRET_KEY (the processes read them at start).
    """
    from storage.migrate import require_current
    from storage.sealing import check_keys, reseal
    from storage.secrets import KeyMismatch

    keys = os.environ.get("RAPPORT_SECRET_KEY", "").strip()
    if len(key_list(keys)) < 2:
        raise ConfigError(text.ROTATE_NEEDS_KEYS)
    if not fernet_key_ok(keys):
        raise ConfigError(text.BAD_SECRET_KEY)
    with command_database(database_url_from_env(), keys) as database:
        try:
            require_current(database)
            check_keys(database)
            done = reseal(database, everything=True)
        except KeyMismatch as error:
            raise ConfigError(text.KEY_MISMATCH.format(reason=str(error))) from error
    print(
        text.ROTATED.format(
            comments=counted(text.SEALED_COMMENTS, done.comments),
            tokens=counted(text.SEALED_TOKENS, done.tokens),
        )
    )
    return 0
