"""Senders of posts that must land exactly once: pulse DMs, alert posts, the ladder's posts,
thread reminders and digests, each over the `Messenger` port (state machines in
docs/failures.md)."""
