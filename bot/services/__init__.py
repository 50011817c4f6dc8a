"""Use cases: each runs with what `runtime.Runtime` names (a unit of work, the clock, Slack
through the `Messenger` port) and never imports the Slack adapter."""
