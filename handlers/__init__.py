"""Slack listeners only: ack, decode, call one use case, render or refuse; wired in bot/wiring/."""
