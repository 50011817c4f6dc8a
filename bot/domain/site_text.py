"""The words of Rapport's public pages: `/` (what it is), `/privacy` and `/support`.

Each page is a title and paragraphs (a paragraph starting "- " is a list item). `{contact}`
is the operator's support contact (RAPPORT_SUPPORT_CONTACT) or, when unset, `NO_CONTACT`.
"""

from __future__ import annotations

NO_CONTACT = "the administrator of your Slack workspace, who installed Rapport"
ADD_TO_SLACK = "Add to Slack"
FOOTER_LINKS = (("/", "Rapport"), ("/privacy", "Privacy policy"), ("/support", "Support"))

LANDING_TITLE = "Rapport: two-sided satisfaction pulses for outsourcing relationships"
LANDING = (
    "Rapport is a Slack app for the two sides of an outsourcing deal: the client's "
    "team and the provider's team. On a schedule it asks everyone one short question "
    "by direct message, reads the optional comments, and tells the shared channel when "
    "the two sides stop seeing the relationship the same way.",
    "Account leads run it with the /rapport command and App Home; sponsors get a weekly "
    "digest with both sides' scores, the gap and the trend. Nobody's individual answer "
    "is ever shown to anyone: a side's figure appears only once enough people answered.",
    "It works in one workspace, or across the client's and the provider's workspaces "
    "joined by a Slack Connect channel, each company installing Rapport in its own.",
)

PRIVACY_TITLE = "Rapport privacy policy"
PRIVACY = (
    "This policy says what Rapport keeps, who sees it, for how long, and how it is deleted.",
    "What is stored. For each person on an engagement: their Slack workspace and user id, "
    "their side (client or provider) and role. For each pulse: each person's answer (a "
    "rating from 1 to 5, optionally a guess of how the other side would rate, optionally "
    "a comment), when their message was sent, and the figures of each side once the "
    "pulse closes. Comments are encrypted with a key the database does not hold. Alerts, "
    "the SLA status leads record, and each workspace's bot token (encrypted) are kept too.",
    "What is not stored. Rapport reads no channel or conversation other than its own "
    "messages: it looks in a channel or a direct message only for a message it posted "
    "itself, to avoid posting it twice. It never stores messages people write to each other.",
    "Who sees what.",
    "- Each person sees their own answers, and nobody else's.",
    "- Leads and sponsors see each side's figures for closed pulses, and only when at least "
    "the engagement's anonymity minimum answered (never fewer than 3). A figure below it is "
    "withheld, not estimated.",
    "- Nobody, leads and the operator's logs included, sees another person's rating, guess "
    "or comment. Comments are never shown; only themes several people raised reach the digest.",
    "- Everyone in the shared channel sees the alerts Rapport posts there.",
    "Retention. Comments are deleted after the engagement's retention period (365 days "
    "unless a lead sets between 30 and 3,650). Ratings and published figures are kept for "
    "the life of the engagement.",
    "Deletion on request. A person can erase themselves with the Forget me button in "
    "Rapport's App Home; a lead can erase a person with /rapport forget; an operator can "
    "erase a person or a whole engagement from the command line. To ask for any deletion, "
    "write to {contact}.",
    "Deletion on uninstall. When a workspace uninstalls Rapport, its token is deleted at "
    "once and never used again. When no workspace that can reach an engagement still has "
    "Rapport installed, the engagement is archived at once and deleted, with every answer "
    "and comment, 30 days later; if one of its workspaces installs Rapport again before "
    "then, it is restored.",
    "No sub-processors. Rapport runs on its operator's own servers and database. It sends "
    "data only to Slack, to deliver its messages; no other company receives any of it.",
    "No training. Answers and comments are never used to train machine-learning models. "
    "The mood of a comment is read on Rapport's own server with a fixed word list.",
    "Questions about this policy: {contact}.",
)

SUPPORT_TITLE = "Rapport support"
SUPPORT = (
    "In Slack, type /rapport help for every command, with an example of each.",
    "For help, to report a problem, or to ask for your data to be deleted, write to "
    "{contact}. Say which workspace and engagement it is about and when it happened; never "
    "send anyone's answers or comments.",
    'Security issues: write to {contact} with "security" in the subject. Reports are '
    "answered within two working days.",
    "Installing: a workspace admin adds Rapport with the Add to Slack button on the home "
    "page (an Enterprise Grid admin may add it for the whole organisation); removing it "
    "from the workspace's app settings stops every use of its token at once.",
)
