"""The public pages' words: the operator's contact is the only thing filled in."""

from __future__ import annotations

from bot.domain import site_text
from bot.wiring.pages import Site, render
from tests.bot.domain.text_uses import module_sentences, placeholders


def test_the_contact_is_the_only_placeholder_and_support_names_it() -> None:
    asked = {
        name: placeholders(text) for name, text in module_sentences(site_text.__name__).items()
    }
    assert set().union(*asked.values()) == {"contact"}
    assert any("contact" in asked[f"SUPPORT.{i}"] for i in range(len(site_text.SUPPORT)))


def test_every_page_has_a_title_and_paragraphs_that_fill_with_a_contact() -> None:
    pages = {
        site_text.LANDING_TITLE: site_text.LANDING,
        site_text.PRIVACY_TITLE: site_text.PRIVACY,
        site_text.SUPPORT_TITLE: site_text.SUPPORT,
    }
    for title, paragraphs in pages.items():
        assert title.strip() and "\n" not in title
        for paragraph in paragraphs:
            filled = paragraph.format(contact=site_text.NO_CONTACT)
            assert filled.strip() and "{" not in filled and "\n" not in filled


def test_the_footer_links_each_served_page_once() -> None:
    paths = [path for path, _ in site_text.FOOTER_LINKS]
    assert len(set(paths)) == len(paths)
    assert all(render(path, Site()) is not None for path in paths)
