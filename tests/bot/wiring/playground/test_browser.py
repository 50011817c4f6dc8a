"""`rapport playground` as a person uses it: a real process, a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

CHROMEDRIVER = shutil.which("chromedriver")
WAIT_SECONDS = 15


def _browser_missing() -> None:
    reason = "Chromium and chromium-driver are not installed (.ci/run installs them)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    """Headless Chromium on the page of a running `rapport playground --no-browser`.

    The browser starts while the playground seeds its demo, so the two waits overlap.
    """
    if CHROMEDRIVER is None:
        _browser_missing()
    command = ["playground", "--no-browser", "--port", "0", "--folder", str(tmp_path)]
    # A suite started in the background ignores Ctrl+C, and the processes it starts would
    # inherit that: the playground gets Ctrl+C as from a person's terminal.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    with (tmp_path / "log.txt").open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", *command],
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            # A playground that does not stop dumps its threads (below) for the failure.
            env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        )
    signal.signal(signal.SIGINT, previous)
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        assert process.stdout is not None
        url = None
        for line in process.stdout:
            found = re.search(r"Rapport playground: (http://127\.0\.0\.1:\d+/)", line)
            if found:
                url = found.group(1)
                break
        assert url, (tmp_path / "log.txt").read_text()
        driver.get(url)
        yield driver
    finally:
        driver.quit()
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)
            process.wait(timeout=10)
            raise AssertionError(
                "the playground did not stop on Ctrl+C:\n" + (tmp_path / "log.txt").read_text()
            ) from None
    assert code == 0, (tmp_path / "log.txt").read_text()
    # --folder keeps the database.
    assert (tmp_path / "playground.db").exists()


def wait(driver: WebDriver) -> WebDriverWait[WebDriver]:
    """Waits that look again when the page redraws an element under them (it redraws on
    every change the app makes, as Slack does)."""
    return WebDriverWait(
        driver,
        WAIT_SECONDS,
        poll_frequency=0.1,
        ignored_exceptions=(StaleElementReferenceException,),
    )


def click(driver: WebDriver, css: str) -> None:
    """Click the element `css` finds, finding it again if a redraw replaced it meanwhile."""

    def clicked(d: WebDriver) -> bool:
        d.find_element(By.CSS_SELECTOR, css).click()
        return True

    wait(driver).until(clicked)


def classes(driver: WebDriver, css: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, css).get_attribute("class") or ""


def open_place(driver: WebDriver, nav: str) -> None:
    driver.find_element(By.ID, nav).click()
    wait(driver).until(
        lambda d: "current" in (d.find_element(By.ID, nav).get_attribute("class") or "")
    )


def a_rating_clicked_in_the_dm_goes_to_the_app_and_the_dm_redraws(browser: WebDriver) -> None:
    open_place(browser, "nav-dm")
    four = "button[data-action-id='pulse.rate.4']"
    wait(browser).until(lambda d: "primary" not in classes(d, four))
    click(browser, four)
    wait(browser).until(lambda d: "primary" in classes(d, four))
    wait(browser).until(lambda d: "You answered 4" in d.find_element(By.ID, "messages").text)
    # After a rating the app asks what drives it; a pick goes to the app and comes back.
    click(browser, "[data-action-id='pulse.drivers'] input[value='responsiveness']")
    wait(browser).until(
        lambda d: "Driving it most: responsiveness" in d.find_element(By.ID, "messages").text
    )


def a_typed_command_reaches_the_app_and_its_reply_is_shown(browser: WebDriver) -> None:
    open_place(browser, "nav-channel")
    box = browser.find_element(By.ID, "command")
    box.send_keys("/rapport status")
    box.submit()
    wait(browser).until(
        lambda d: any(
            "Only visible to you" in m.text and "Acme deal" in m.text
            for m in d.find_elements(By.CSS_SELECTOR, "#messages .msg.ephemeral")
        )
    )


def app_home_shows_the_persons_engagement(browser: WebDriver) -> None:
    open_place(browser, "nav-home")
    home = wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "#messages .home"))
    assert "Acme deal" in home.text
    assert home.find_elements(By.CSS_SELECTOR, "button[data-kind='button']")


def the_digest_asked_for_on_home_arrives_in_the_dm_with_its_chart(browser: WebDriver) -> None:
    open_place(browser, "nav-home")
    click(browser, "#messages .home button[data-action-id='home.digest']")
    open_place(browser, "nav-dm")
    chart = wait(browser).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#messages figure.file img")
    )
    assert wait(browser).until(lambda d: chart.get_attribute("naturalWidth") not in (None, "0"))


def the_shared_channel_holds_the_alert_messages_and_their_threads(browser: WebDriver) -> None:
    open_place(browser, "nav-channel")
    channel = browser.find_element(By.ID, "messages")
    assert "Acme deal" in channel.text
    assert browser.find_elements(By.CSS_SELECTOR, "#messages a.replies"), "re-raises in threads"
    click(browser, "#messages a.replies")
    thread = wait(browser).until(lambda d: d.find_element(By.ID, "thread-messages"))
    wait(browser).until(lambda d: len(thread.find_elements(By.CSS_SELECTOR, ".msg")) >= 2)


def the_comment_modal_opens_and_its_submission_reaches_the_app(
    browser: WebDriver,
) -> None:
    open_place(browser, "nav-dm")
    click(browser, "button[data-action-id='pulse.comment']")
    box = wait(browser).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#modal:not([hidden]) textarea")
    )
    assert "comment" in browser.find_element(By.ID, "modal-title").text.lower()
    # The app's refusal of an empty form comes back as Slack shows it: under the input.
    click(browser, "#modal-submit")
    wait(browser).until(
        lambda d: "Write something" in d.find_element(By.CSS_SELECTOR, "#modal .error").text
    )
    box.send_keys("Handover notes went missing again.")
    click(browser, "#modal-submit")
    wait(browser).until(lambda d: d.find_element(By.ID, "modal").get_attribute("hidden"))
    wait(browser).until(lambda d: "Comment saved" in d.find_element(By.ID, "messages").text)


def test_a_person_uses_the_playground_in_a_real_browser(browser: WebDriver) -> None:
    """One page, then each thing a person does, in order: one playground and one browser
    (as separate tests, pytest-xdist could start one of each per worker)."""
    for step in (
        a_rating_clicked_in_the_dm_goes_to_the_app_and_the_dm_redraws,
        a_typed_command_reaches_the_app_and_its_reply_is_shown,
        app_home_shows_the_persons_engagement,
        the_digest_asked_for_on_home_arrives_in_the_dm_with_its_chart,
        the_shared_channel_holds_the_alert_messages_and_their_threads,
        the_comment_modal_opens_and_its_submission_reaches_the_app,
    ):
        step(browser)
