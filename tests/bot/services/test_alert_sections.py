"""The grouped alert message's extra sections: each source asked for each message."""

from __future__ import annotations

from bot.services.alert_sections import extra_sections
from bot.views.alert_sections import ExtraSection
from tests.support import models


def test_sources_of_extra_sections_are_asked_per_message() -> None:
    asked: list[int] = []

    def source(session: object, message: object) -> list[ExtraSection]:
        asked.append(message.id)  # type: ignore[attr-defined]
        return [ExtraSection("after_figures", [], "x")]

    message = models.alert(id=5)  # any object with an id stands for the message here
    found = extra_sections(None, message, (source,))  # type: ignore[arg-type]
    assert asked == [5] and [e.text for e in found] == ["x"]
