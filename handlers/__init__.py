"""Slack listeners only: parse, authorise, call a service, render; wired in bot/wiring/."""
