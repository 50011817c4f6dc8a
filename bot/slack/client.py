"""The Slack Web API client every process uses: retries transient failures, waits out 429s."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.services.messenger import after_paced_wait
from bot.slack.pacing import PerWorkspace

TIMEOUT_SECONDS = 15
# The bot token of the installation the current request (or clock job) acts through.
_ACTING: ContextVar[str | None] = ContextVar("rapport_acting_token", default=None)


SHORT_WAIT_SECONDS = 2.0
"""The longest Retry-After a call waits out in place; a longer one fails the call as a 429."""


class ShortRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Retry a 429 only when Slack asks for a short wait.

    slack_sdk's own handler sleeps out any Retry-After in the calling thread; a 55 s wait
    inside a clock tick skips the ticks after it. A longer wait is the caller's to record
    (each sender keeps its item's retry time), so the thread moves on.
    """

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = next((v for k, v in response.headers.items() if k.lower() == "retry-after"), ["1"])
        try:
            seconds = float(wait[0] if isinstance(wait, list) else wait)
        except ValueError:
            return False
        return seconds <= SHORT_WAIT_SECONDS


def _retry_handlers() -> list[Any]:
    return [
        ConnectionErrorRetryHandler(max_retry_count=3),
        ShortRateLimitRetryHandler(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=3),
    ]


def make_client(token: str | None, base_url: str, timeout: int = TIMEOUT_SECONDS) -> WebClient:
    """A Web API client aimed at `base_url` that retries resets, 429s and 5xx a few times."""
    return WebClient(
        token=token,
        base_url=base_url,
        timeout=timeout,
        retry_handlers=_retry_handlers(),
    )


# A call's arguments → (the workspace it goes to, that installation's token), or None.
Route = Callable[[Mapping[str, Any]], tuple[str, str] | None]
# Calls that send a message, paced per workspace.
PACED = frozenset({"chat.postMessage", "chat.postEphemeral"})


def posting_client(client: WebClient) -> WebClient:
    """The same client without blind retries, for posts that must not land twice.

    A post retried after a timeout, a reset or a 5xx may already have taken effect;
    senders of new messages (pulse DMs, alert posts, digests) decide for themselves
    instead (`bot/slack/outcomes.py`), after looking for the message.
    """
    if isinstance(client, InstallationClient):
        posting = InstallationClient(
            token=None, base_url=client.base_url, timeout=client.timeout, retry_handlers=[]
        )
        posting.route, posting.pacers = client.route, client.pacers
        return posting
    return WebClient(
        token=client.token, base_url=client.base_url, timeout=client.timeout, retry_handlers=[]
    )


class InstallationClient(WebClient):
    """Distributed mode's client: each call picks its installation's token.

    A call addressed to a person or channel Rapport knows goes where `route` says
    (`bot/slack/routing.py`); any other call carries the token of the installation the
    current request came through (set by `acting_as`), so a use case written for one
    workspace acts for whichever workspace asked. Otherwise it has no token.
    """

    route: Route | None = None
    pacers: PerWorkspace | None = None

    @property
    def token(self) -> str | None:
        return _ACTING.get() or self._own_token

    @token.setter
    def token(self, value: str | None) -> None:
        self._own_token = value

    def api_call(self, api_method: str, **kwargs: Any) -> Any:
        if self.route is None or kwargs.get("auth") is not None:
            return super().api_call(api_method, **kwargs)
        args: dict[str, Any] = {}
        for part in ("params", "data", "json"):
            if isinstance(kwargs.get(part), dict):
                args.update(kwargs[part])
        routed = self._routed(args)
        if routed is None:
            # A call about no one: the installation of the request it serves; for a file
            # upload's first step outside a request, that of the call just before it in
            # this thread (the DM the file goes to).
            token = _ACTING.get() or (_LAST.get() if api_method in _FOLLOWS else None)
            with acting_as(token):
                response = super().api_call(api_method, **kwargs)
        else:
            workspace, token = routed
            _LAST.set(token)
            response = self._paced(workspace, token, api_method, kwargs)
        if api_method == "conversations.open" and isinstance(args.get("users"), str):
            opened = (response.get("channel") or {}).get("id")
            if opened:
                _DM_OWNERS[str(opened)] = args["users"]
        return response

    def _routed(self, args: dict[str, Any]) -> tuple[str, str] | None:
        """The workspace and token for a call with these arguments (None: no route)."""
        if self.route is None:
            return None
        channel = str(args.get("channel") or args.get("channel_id") or "")
        if channel in _DM_OWNERS:
            # A DM opened in this process: route it as the person it is with.
            args["channel"] = _DM_OWNERS[channel]
        return self.route(args)

    def workspace_of(self, channel: str) -> str | None:
        """The workspace a call about `channel` goes to, or None when no route knows it."""
        routed = self._routed({"channel": channel})
        return routed[0] if routed is not None else None

    def _paced(self, workspace: str, token: str, api_method: str, kwargs: dict[str, Any]) -> Any:
        pacer = self.pacers.of(workspace) if self.pacers and api_method in PACED else None
        if pacer is not None:
            after_paced_wait(pacer.acquire())
        try:
            with acting_as(token):
                return super().api_call(api_method, **kwargs)
        except SlackApiError as error:
            if pacer is not None and error.response.status_code == 429:
                pacer.backoff(float(error.response.headers.get("Retry-After", 1) or 1))
            raise


# Calls that name no one and belong to the call made just before them.
_FOLLOWS = frozenset({"files.getUploadURLExternal"})
# DM conversation id → the person it is with, learnt from conversations.open.
_DM_OWNERS: dict[str, str] = {}
_LAST: ContextVar[str | None] = ContextVar("rapport_last_routed_token", default=None)


@contextmanager
def acting_as(token: str | None) -> Iterator[None]:
    """Calls made in this block (and in work it hands to a context-copying pool) use `token`."""
    mark = _ACTING.set(token)
    try:
        yield
    finally:
        _ACTING.reset(mark)


def act_for_rest_of_request(token: str | None) -> None:
    """From here to the end of the request (see `acting_as`), calls use `token`; Bolt runs
    a request's middleware one after another and its listeners after them all, so a
    middleware cannot wrap the listeners in a `with` block."""
    _ACTING.set(token)


def make_installation_client(base_url: str, timeout: int = TIMEOUT_SECONDS) -> InstallationClient:
    """Like `make_client`, for distributed mode: the token comes from `acting_as`."""
    return InstallationClient(
        token=None,
        base_url=base_url,
        timeout=timeout,
        retry_handlers=_retry_handlers(),
    )
