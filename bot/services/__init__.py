"""Use cases: each takes a unit of work (a session) and the clock's time; no Slack listeners."""
