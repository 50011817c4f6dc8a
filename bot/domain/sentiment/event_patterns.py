"""More events of account chat: late hand-offs, churn, value, hearsay, threats, carelessness."""

from __future__ import annotations

from bot.domain.sentiment.cue_patterns import ORDINAL, Pattern

# Words for the other side's output that a complaint says someone had to redo.
_WORK = (
    r"(?:their|the vendor's|the provider's|the client's|every|all (?:of )?their|"
    r"each of their)"
)

EVENTS: tuple[Pattern, ...] = (
    # Doing the other side's job: "reworking every journal they post", "fixing their recs".
    Pattern(
        "own work",
        -2.6,
        r"\b(?:reworking|reworked|correcting|corrected|redoing|re-checking|rechecking|"
        r"cleaning up|cleaned up|fixing|re-running|rerunning|babysitting|hand-holding) "
        rf"(?:up )?(?:after )?{_WORK}\b|\b(?:do|doing|did) (?:their|the vendor's) "
        r"(?:job|work|jobs)\b",
        "reworking reworked correcting corrected redoing re-checking rechecking cleaning "
        "cleaned fixing re-running rerunning babysitting hand-holding do doing did",
    ),
    # Churn of the people who should know the account: "on our fourth service manager".
    Pattern(
        "repeated",
        -1.6,
        rf"\bon (?:our|their|the|my) {ORDINAL} (?:\w+ )?(?:manager|lead|contact|pm|"
        r"architect|owner|engineer|analyst|team|provider|vendor|supplier|consultant|"
        r"controller|coordinator|person)s?\b|\bthe same (?:\w+ ){0,2}?as (?:last|before|"
        r"the last|previous|every)\b|\bin circles\b",
        "on same circles",
    ),
    # Value: paying for one thing and getting another.
    Pattern(
        "value",
        -2.0,
        r"\bpaying (?:\w+ ){0,3}?(?:for|rates|prices|fees)\b(?: \S+){0,6}? (?:and getting|"
        r"getting|mostly|only|just|and get)\b|\b(?:asked|paid|signed up|contracted|ordered) "
        r"for (?:\w+ ){1,4}?and (?:got|get|getting|received)\b",
        "paying asked paid signed contracted ordered",
    ),
    # Hearsay: learning of a change from a side channel.
    Pattern(
        "careless",
        -1.6,
        r"\b(?:find|found|finding|hear|heard|hearing|learn|learned|learnt|learning) out\b"
        r"(?: \w+){0,5}? (?:from|via|through|on) (?:the |a |an |our )?(?:\w+ )?(?:invoice|"
        r"news|customers?|users?|comments|linkedin|press|ticket|business|bill|audit|"
        r"grapevine|twitter|social)",
        "find found finding hear heard hearing learn learned learnt learning",
    ),
    # Carelessness: steps skipped, work handed over at the last minute.
    Pattern(
        "careless",
        -1.5,
        r"\b(?:not|never|nothing) (?:been )?(?:run|tested|checked|reviewed|executed|"
        r"followed|documented|onboarded|trained|read)\b|\b(?:the (?:day|night|evening|"
        r"morning|hour)|an hour|hours|minutes) before (?:the )?(?:deadline|go-live|"
        r"sprint|release|cutover|close|cut-off|audit|demo|meeting|call|\w+ (?:ended|closed|"
        r"started|began))\b|\bno (?:one|body) (?:noticed|checked|caught|spotted)\b",
        "not never nothing before no",
    ),
    # Moved goalposts: what was agreed changed once the work was done, and what was due
    # came on another day than agreed ("criteria changed after we demoed", "came in on
    # Friday instead of Monday").
    Pattern(
        "careless",
        -1.6,
        r"\b(?:acceptance )?(?:requirements?|criteria|scope|specs?|specifications?|design|"
        r"estimates?|estimation|priorities|quote|price)\b(?: [^ ,.;:!?]+){0,5}? (?:changed|"
        r"changes|changing|multiplied|doubled|rewritten|reopened)(?: [^ ,.;:!?]+){0,3}? after "
        r"(?:we|the|development|sign-?off|validation|approval|it|they|our|testing|delivery)\b"
        r"|\b(?:came in|arrived|landed|delivered|sent|went out|published|shipped) (?:on |at )?"
        r"(?:\w+ )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|afternoon|"
        r"evening|night)(?: \w+)? instead of\b",
        "requirements requirement criteria scope spec specs specification specifications design "
        "estimate estimates estimation priorities quote price came arrived landed delivered sent "
        "went published shipped",
        requires="after instead",
    ),
    # A warning with its condition, and answers that do not agree: "if the numbers don't
    # improve we'll be taking this to the board", "three different answers".
    Pattern(
        "threat",
        -3.0,
        r"\bif (?:[^ ,.;:!?]+ ){0,6}?(?:don't|doesn't|do not|does not|can't|cannot|won't|"
        r"isn't|aren't) (?:improve|change|get better|turn around|stabili[sz]e|settle)\b"
        r"|\b(?:taking|take|escalating|escalate) (?:this|it) to (?:the |our )?(?:board|ceo|cio|"
        r"cfo|coo|exec\w*|steering|audit committee)",
        "if taking take escalating escalate",
        "match",
    ),
    Pattern(
        "careless",
        -1.6,
        r"\b(?:two|three|four|five|several) different (?:answers|versions|priorities|stories|"
        r"figures|numbers|dates|instructions)\b|\b(?:goes|went|go|going) (?:straight )?to "
        r"voicemail\b",
        "different voicemail",
    ),
    # Threats in their mild and strong forms.
    Pattern(
        "threat",
        -3.0,
        r"\bif this (?:continues|carries on|goes on|happens again|keeps happening)\b"
        r"|\b(?:look|looking) (?:again )?at (?:the|our) (?:contract|options|agreement)\b"
        r"|\b(?:review|reviewing) (?:the|our) (?:contract|relationship|agreement)\b",
        "if look looking review reviewing",
    ),
    Pattern(
        "threat",
        -4.0,
        r"\b(?:intent|intention|notice|decision|plan|planning|going) (?:\w+ )?to "
        r"(?:terminate|exit|end the (?:contract|agreement)|replace (?:you|them|the vendor))\b"
        r"|\bnotice of termination\b|\btermination (?:notice|clause)\b",
        "intent intention notice decision plan planning going termination",
        "clause",  # "giving notice", "in line with the agreement": procedure, not praise
    ),
    # People from one side missing where they were due.
    Pattern(
        "paralysis",
        -1.8,
        r"\b(?:nobody|no one|none of them) (?:from|on|at) (?:\w+ ){0,3}?(?:joined|attended|"
        r"showed|turned|came|responded|replied|answered|picked|bothered|dialled|dialed)\b",
        "nobody none no",
    ),
)
