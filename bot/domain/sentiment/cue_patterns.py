"""Event and pattern vocabulary of account chat, as regular expressions over lower-cased words."""

from __future__ import annotations

from dataclasses import dataclass

# Building blocks. Patterns run on the comment's words joined by single spaces, with
# edge punctuation already stripped, so "Took them 11 days." is "took them 11 days".
NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|several|few|couple of|many|multiple|a couple of)"
)
# A count or an amount without the "a"/"few" of NUM: "down to six", "from R4.2m", "80k".
NUMBER = (
    r"(?:\d[\d,.]*(?:k|bn)?|(?:[$€£]|r|usd|eur|gbp)\d[\d,.]*(?:k|m|bn)?|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|fifteen|thirteen|fourteen|sixteen|seventeen|"
    r"eighteen|nineteen|sixty|seventy|eighty|ninety|hundred|twenty|thirty|forty|fifty|zero|"
    r"half|a third|two thirds|a quarter|a full \w+)"
)
ORDINAL = (
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|nth|umpteenth|"
    r"\d+(?:nd|rd|th))"
)
UNIT = (
    r"(?:minutes?|hours?|(?:working |business )?days?|weeks?|fortnights?|months?|"
    r"quarters?|years?|sprints?|cycles?)"
)
WHEN = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|last (?:week|month|year|quarter)|"
    r"(?:the )?(?:spring|summer|autumn|winter|easter|christmas|kick-off|kickoff)|"
    r"the \d{1,2}(?:st|nd|rd|th)|before (?:christmas|easter|the summer|the holidays))"
)
BAD_THINGS = (
    r"(?:breach\w*|sev ?[12]s?|p[12]s?|incidents?|outages?|downtime|errors?|corrections?|"
    r"findings?|complaints?|rollbacks?|failures?|failed|defects?|bugs?|surprises|issues?|"
    r"problems?|escalations?|duplicates?|duplicate|missed|late|reopened|broke|broken|lost|"
    r"write-offs?|penalt\w+|crash\w*|alerts?|misses|delays?|overtime|hitch(?:es)?|"
    r"glitch(?:es)?|hiccups?|drama|fuss|regressions?|vulnerabilit(?:y|ies))"
)
CHASE = (
    r"(?:chas(?:e|ed|es|ing)|chasers?|hound\w*|nudg\w+|(?<!on )(?<!in )(?<!the )(?<!from )prod"
    r"(?:ded|ding)?|pester\w*|bump(?:ing)?|remind(?:ed|ing)?(?! (?:\w+ )?of\b)|reminders|re-ask\w*|"
    r"badger\w*)"
)
# Short quoted words that a complaint puts in scare quotes: "a 'small' release".
# The unit words of UNIT and of "for ages", for gating patterns that end in one.
UNIT_WORDS = (
    "minute minutes hour hours day days week weeks fortnight fortnights month months "
    "quarter quarters year years sprint sprints cycle cycles ages ever"
)
MINIMISER_WORDS = (
    "small minor tiny quick simple temporary urgent priority high fixed "
    "resolved passed verification one-line next week month soon improvement improvements "
    "24/7 review discussion done tested minute quick-win additional"
)
MINIMISERS = frozenset(MINIMISER_WORDS.split())


@dataclass(frozen=True, slots=True)
class Pattern:
    """One cue: its family, valence, whether it claims its clause or only its words."""

    rule: str
    valence: float
    regex: str
    triggers: str  # any of these words must occur for the regex to be tried
    scope: str = "words"  # "words": claims nothing; "match" or "clause": claims that span
    requires: str = ""  # if set, one of these words must occur as well
    # Figures: +1 a rise, -1 a fall, 2 read from "from A to B", 3 from a figure and the
    # earlier one it replaced; the metric named in the clause then says whether that is
    # good news (see figures.py).
    direction: int = 0
    needs_metric: bool = False  # "coming down" is news only when a metric is named


PATTERNS: tuple[Pattern, ...] = (
    # Waiting and chasing.
    Pattern(
        "waiting",
        -1.4,
        rf"\b(?:for|over|after|nearly|almost|up to) (?:the (?:last|past) )?"
        rf"(?:{NUM} )?(?:more )?{UNIT}\b(?! \d)|\bfor (?:ages|ever|weeks|months|days)\b",
        "for over after nearly almost up",
        requires=UNIT_WORDS,
    ),
    Pattern(
        "waiting",
        -1.5,
        rf"\ba whole {NUM} {UNIT}\b|(?<!done on )(?<!closed on )(?<!finished on )"
        rf"(?:\b(?:day|month) (?:{NUMBER})\b(?! of)"
        # "for week 32", "in week 14": a calendar week, not a count of the wait.
        r"|(?<!for )(?<!in )(?<!from )(?<!by )(?<!until )(?<!of )"
        rf"\bweek (?:{NUMBER})\b(?! of))"
        rf"|\b{ORDINAL} (?:week|month|day|sprint|cycle|quarter)s? (?:running|in a row)\b",
        "whole day week month running row",
    ),
    Pattern("waiting", -1.2, rf"\bsince {WHEN}\b", "since"),
    Pattern(
        "waiting",
        -1.4,
        r"\b(?:sitting|sat|languishing|parked|stuck|gathering dust) (?:\w+ )?(?:with|in|on) "
        r"(?:their|the|our|his|her|someone's|a)\b",
        "sitting sat languishing parked stuck gathering",
    ),
    Pattern(
        "waiting",
        -1.5,
        r"\bstill (?:no|not|nothing|no one|nobody|waiting|missing|open|"
        r"there|pending|stuck|can't|cannot|don't|doesn't|haven't|hasn't|has not|have not|"
        r"the same|seeing|getting|running|leaking|emailing|asking|doing|failing|"
        r"chasing|breaking|crashing|struggling|trying|looking|hoping|using|unanswered|"
        r"unresolved|outstanding|unpaid|unsigned|unassigned)\b|\byet to\b"
        # "Still we did not receive it": the word order of German, Spanish, Indian English.
        r"|\bstill (?:we|i|they|you) (?:did not|didn't|do not|don't|have not|haven't|are not|"
        r"aren't|cannot|can't|are waiting|wait)\b"
        r"|\b(?:we|i) (?:still )?(?:did not|didn't) (?:receive|hear back)\b"
        r"|\buntil when\b|\buntil (?:now|today|this moment|date) (?:we |i |they )?(?:still )?"
        r"(?:don't|do not|didn't|did not|haven't|have not|hasn't|has not|no|nothing|nobody|"
        r"no one)\b"
        rf"|\b{NUM} {UNIT} already\b|\balready {NUM} {UNIT}\b",
        "still yet already we i until",
    ),
    Pattern(
        "waiting",
        -1.5,
        r"\b(?:hasn't|haven't|has not|have not|didn't|did not|never|not) "
        r"(?:yet |even |once |been )*(?:arrived|appeared|materiali[sz]ed|happened|come|"
        r"arrives?|appears?|happens?|comes|lands?|shows? up|turns? up|gets? (?:done|fixed)|"
        r"showed up|shown up|landed|reached|turned up|logged in|replied|responded|answered|"
        r"delivered|received|sent|closed|fixed|updated|touched|picked up|looked at|provided|"
        r"given|started|acknowledged|been (?:fixed|closed|done|resolved|sent|delivered))\b",
        "hasn't haven't has have didn't did never not",
    ),
    Pattern(
        "chasing",
        -1.6,
        # "will follow up", "I'll remind them": a promise, not a chase; "on prod": production.
        rf"(?<!car )(?<!police )(?<!will )(?<!'ll )(?<!going to )\b{CHASE}\b"
        r"|(?<!\ba )(?<!the )(?<!will )(?<!'ll )(?<!going to )\bfollow(?:ed)?[- ]ups?\b"
        r"(?! (?:call|meeting|session))",
        "chase chased chases chasing chaser chasers hounding hounded nudge nudged nudging "
        "nudges prod prodded prodding pestering bump bumping remind reminded reminding "
        "reminders follow-up follow-ups follow badgering re-ask re-asking",
    ),
    Pattern(
        "chasing",
        -1.7,
        rf"(?<!at the )\b(?:{ORDINAL}|another|yet another|one more|more|same) (?:\w+ )?"
        r"(?:reminders?|chasers?|nudges?|follow-ups?|emails?|pings?|requests?|times?|"
        r"asks?|questions?|standups?|escalations?)\b|\bumpteenth\b|\bnth\b",
        "second third fourth fifth sixth seventh eighth ninth tenth nth umpteenth another "
        "more same",
        requires="reminder reminders chaser chasers nudge nudges follow-up follow-ups email "
        "emails ping pings request requests time times ask asks question questions standup "
        "standups escalation escalations umpteenth nth",
    ),
    Pattern(
        "repeated",
        -1.6,
        r"\b(?:twice|three|four|five|six|seven|eight|nine|ten|\d+|"
        r"several|multiple|many|countless|how many) times\b|\blost count\b|\bhow many more\b"
        r"|\bover and over\b|\bagain and again\b|\bone more time\b|\brepeat(?:ing)? myself\b",
        "times count more over again one repeat repeating",
        requires="times count more over again myself",
    ),
    Pattern(
        "repeated",
        -1.3,
        r"\b(?:the )?same (?:\w+ ){0,2}?(?:question|story|answer|errors?|"
        r"issues?|problems?|alerts?|thing|mistakes?|non-answer|excuses?|bugs?|requests?|"
        r"invoice|ledger|licence|license|formula|findings?|defects?|gaps?|incidents?|"
        r"observations?)\b|\bevery (?:\w+ )?(?:month|week|sprint|"
        r"quarter|release|cycle|time) (?:the same|we have to|we|it's|another)\b"
        # "A repeat finding", "recurring outages": the same failure back again (the
        # failure's own word still counts).
        r"|\b(?:repeat|repeated|recurring|recurrent)(?= (?:\w+ )?" + BAD_THINGS + r"\b)"
        r"|\banother (?=(?:\w+ )?(?:p[12]|sev ?[12]|major incident)\b)"
        r"|\banother (?:\w+ ){0,2}?(?:week|month|monday|release|quarter-end|sprint|day)"
        r" another\b",
        "same every another repeat repeated recurring recurrent",
    ),
    # Doing the other side's job.
    Pattern(
        "own work",
        -3.0,
        r"\bourselves\b|\bby hand\b|\bin-house\b"
        # "Triaging their tickets for them", not "happy for them".
        r"|\b(?:do|does|did|done|doing|their)\b(?: \w+){0,5} for them\b"
        r"|\bour own (?:\w+ ){0,2}?(?:team|teams|people|staff|engineers?|dbas?|architects?|"
        r"controllers?|auditors?|analysts?|on-call|security|network|testers?|pm|developers?)\b"
        r"|\bnot (?:their|the vendor's|the provider's|theirs)\b",
        "ourselves hand in-house own not do does did done doing their",
    ),
    Pattern(
        "own work",
        -2.6,
        # "We ended up writing it", not "you end up smiling"; what we did, not what we
        # will do ("I'll have to check it out").
        r"\bwe (?:\w+ )?(?:ended|end|ending) up \w+ing\b"
        r"|(?<!n't )(?<!not )(?<!never )(?<!'ll )(?<!will )(?<!would )\b(?:had|have|having) to "
        r"(?:\w+ )?"
        r"(?:rewrite|redo|re-do|explain|remind|call|restart|rebuild|fix|write|do|repeat|"
        r"chase|escalate|check|document|translate|correct|retrain|reconcile|review)\b"
        r"|\b(?:rebuilt|rewrote|re-keying|rekeying|re-key|redoing|re-explain\w*)\b"
        r"|\b(?:running|doing|writing|checking|triaging|retraining|translating) "
        r"(?:their|the vendor's|every)\b",
        "ended end ending had have having rebuilt "
        "rewrote re-keying rekeying re-key redoing running doing writing checking triaging "
        "retraining translating re-explain re-explaining",
    ),
    # Decision paralysis.
    Pattern(
        "paralysis",
        -1.8,
        r"\b(?:no|zero|not many|without a?) ?(?:clear )?(?:decisions?|"
        r"owners?|actions|accountability|target date)\b|\b(?:nobody|no one|not one of "
        r"them) (?:on \w+ side |on the \w+ side )?(?:will|can|could|seems|is|wants|willing|"
        r"owns|accountable|knows|could tell|commit\w*)\b|\bround in circles\b"
        r"|\bgoing in circles\b|\bunder discussion\b|\b(?:parked|kicked) \b"
        r"|\bdecision meeting\b|\bno one (?:will )?say\b|\bneeds? (?:\w+ )?(?:approval|sign-off)"
        r"\b|\b(?:never|not) (?:on|in|at) the (?:call|meeting|bridge)\b",
        "no zero not without nobody one round going under discussion parked kicked "
        "decision who needs need never not",
        requires="decision decisions owner owners actions accountability date nobody one "
        "circles discussion parked kicked meeting approval sign-off call bridge",
    ),
    Pattern(
        "paralysis",
        -1.5,
        rf"\b{NUM} (?:people|attendees|participants|managers|of us) "
        r"(?:\w+ ){0,6}?(?:and|,)? ?(?:no|nobody|zero|not one|no one)\b|\bpushed to a "
        rf"follow-up\b|\b(?:{NUM}|every) (?:\w+ )?(?:approvals|managers)\b|\bevery "
        r"(?:decision|question) (?:gets|goes)\b|\bfor comments for the\b",
        "people attendees participants managers us pushed approvals gets goes comments",
    ),
    Pattern(
        "repeated",
        -1.3,
        r"\bkeeps? (?:on )?\w+ing\b|(?<!thanks )\bagain\b"
        rf"|\bback (?:up )?to {NUMBER}\b"
        # "Once more the report came late"; "we hope this time the date holds" says the
        # last times it did not.
        r"|^once more\b|\b(?:hope|hoping|hopefully|trust) (?:\w+ ){0,2}?this time\b",
        "keep keeps again back once hope hoping hopefully trust",
    ),
    Pattern(
        "waiting",
        -1.5,
        rf"\b{NUM} {UNIT} (?:after|later than)\b|\blater than "
        r"(?:agreed|planned|promised|expected|committed)\b|\b(?:it's|it has|has|have) been "
        rf"(?:over |nearly |almost )?{NUM} {UNIT}\b|\b(?:all|the whole) (?:morning|afternoon|"
        r"day|weekend|week)\b",
        "after later been all whole",
    ),
    Pattern(
        "waiting",
        -1.2,
        r"\b(?:hasn't|haven't|has not|have not|wasn't|weren't|isn't|aren't) "
        r"(?:been |yet |even )*\w+ (?:properly|correctly|yet|at all)\b|(?<!as )\bpromised\b"
        r"|\bsupposed to\b|\bstill (?:shows?|has|says|lists|contains|uses)\b"
        r"|\b(?:it's|it is|was|were|are|is) meant to (?:be|arrive|land|come|reach)\b",
        "hasn't haven't has have wasn't weren't isn't aren't promised supposed still it's it",
        requires="properly correctly yet all promised supposed shows show has says lists "
        "contains uses meant",
    ),
    Pattern(
        "careless",
        -1.4,
        r"\bwithout (?:anyone|anybody|reading|checking|telling|asking|"
        r"testing|warning|a word|looking)\b"
        # Controls skipped: "admin accounts without MFA", "deployed without a change ticket".
        r"|\bwithout (?:any |a |an |our |your )?(?:mfa|2fa|encryption|approval|approvals|sign-?off|"
        r"change (?:ticket|request|approval)|backups?|peer review|code review|a review)\b"
        r"|\bchanged (?:the )?(?:requirements|scope|priorities|plan)\b"
        r"|\binstead of (?:fixing|resolving|solving|addressing|closing|answering|testing|"
        r"investigating|remediating|patching)\b",
        "without changed instead",
        "clause",
    ),
    Pattern(
        "faint praise",
        -0.6,
        r"\b(?:nice|pleasant|helpful|friendly|polite|fine|okay|ok|"
        r"decent|lovely|charming|responsive|keen) enough\b|\b(?:fine|okay|ok|alright|good),? "
        r"i (?:suppose|guess)\b|\bmean well\b|\bgood intentions\b",
        "enough suppose guess mean intentions",
    ),
)
