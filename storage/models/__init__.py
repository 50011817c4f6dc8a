"""SQLAlchemy 2 typed models, one module per aggregate; import them from here."""

from storage.models.alert_messages import AlertMessage, AlertStep, LadderPost
from storage.models.alerts import Alert, SlaRecord
from storage.models.base import COMMENT_MAX, NAMING, ROLES, SIDES, Base
from storage.models.digests import DigestDelivery, DigestTime, PortfolioDigest
from storage.models.engagements import Engagement, Member
from storage.models.follow_up import Action, PublishedDriver, PublishedTheme
from storage.models.installations import InstallationGeneration, InstallationLock
from storage.models.pacing import SlackPace
from storage.models.pulses import Delivery, PublishedFigure, Pulse, Response
from storage.models.slack_events import SlackEvent

__all__ = [
    "COMMENT_MAX",
    "NAMING",
    "ROLES",
    "SIDES",
    "Action",
    "Alert",
    "AlertMessage",
    "AlertStep",
    "Base",
    "Delivery",
    "DigestDelivery",
    "DigestTime",
    "Engagement",
    "InstallationGeneration",
    "InstallationLock",
    "LadderPost",
    "Member",
    "PortfolioDigest",
    "PublishedDriver",
    "PublishedFigure",
    "PublishedTheme",
    "Pulse",
    "Response",
    "SlaRecord",
    "SlackEvent",
    "SlackPace",
]
