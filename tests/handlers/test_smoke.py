from tests.support.running import RunningApp


def test_help_answers_ephemerally(rapport_http: RunningApp) -> None:
    reply = rapport_http.slack.command("help")
    assert reply.status == 200
    assert reply.ephemeral
    assert "/rapport setup" in reply.text
