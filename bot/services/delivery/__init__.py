"""Senders of posts that must land exactly once: pulse DMs, alert posts, the ladder's posts,
thread reminders and digests, each an item of one loop over the `Messenger` port (its
state machine in docs/failures.md)."""
