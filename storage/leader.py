"""Which clock is in charge: a PostgreSQL advisory lock held for the life of a connection."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, text

from storage.db import Database

logger = logging.getLogger(__name__)
# Any constant will do; it names the lock every clock process competes for.
CLOCK_LOCK = 7_271_772


class Leadership:
    """Leader election among clock processes, using a lock PostgreSQL already has.

    The leader holds a session-level advisory lock on its own connection; if the
    process dies, PostgreSQL drops the connection and with it the lock, and a standby
    takes over at its next tick. SQLite has no such lock: there every clock acts, and
    the row-level guarantees (unique slots, conditional updates, claimed deliveries)
    are what keep sends single.
    """

    def __init__(self, database: Database) -> None:
        self.database = database
        self._connection: Connection | None = None

    def is_leader(self) -> bool:
        """True if this process leads now, trying to become leader if it does not."""
        if not self.database.is_postgres:
            return True
        if self._connection is not None:
            try:
                self._connection.execute(text("SELECT 1"))
                return True
            except Exception:
                logger.warning("lost the clock's database connection; standing down")
                self.release()
        connection = self.database.engine.connect()
        won = bool(
            connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": CLOCK_LOCK}).scalar()
        )
        connection.commit()
        if won:
            logger.info("this clock is now the leader")
            self._connection = connection
        else:
            connection.close()
        return won

    def release(self) -> None:
        """Stand down: unlock, and drop the connection rather than pool it."""
        if self._connection is None:
            return
        try:
            self._connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": CLOCK_LOCK})
            self._connection.commit()
        except Exception:
            logger.debug("unlocking the clock lock failed; dropping the connection", exc_info=True)
        finally:
            # A pooled connection would keep a session lock alive; invalidate closes it.
            self._connection.invalidate()
            self._connection.close()
            self._connection = None
