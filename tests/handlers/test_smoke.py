from tests.conftest import RunningApp


def test_help_answers_ephemerally(rapport: RunningApp) -> None:
    reply = rapport.slack.command("help")
    assert reply.status == 200
    assert reply.ephemeral
    assert "/rapport setup" in reply.text
