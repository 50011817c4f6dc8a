"""The Slack adapter: the Web API client, routing per installation, pacing, history reads,
event ids, request authorisation and the /rapport grammar; `messenger.py` implements the
services' `Messenger` port."""
