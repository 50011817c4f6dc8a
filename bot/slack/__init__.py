"""Slack I/O and rendering: Block Kit views, fan-out, publishing, deliveries, pacing, clients."""
