"""Pure domain rules: no Slack, no database, no clock of their own."""
