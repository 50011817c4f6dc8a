"""Good news told as figures, absences of bad news and early catches, as cue patterns."""

from __future__ import annotations

import re

from bot.domain.sentiment.cue_patterns import BAD_THINGS, NUMBER, ORDINAL, UNIT, Pattern
from bot.domain.sentiment.figures import HIGHER_IS_BETTER, LOWER_IS_BETTER
from bot.domain.sentiment.lexicon import words

_SMALLER_IS_BETTER = "|".join(sorted(LOWER_IS_BETTER, key=len, reverse=True))

# A figure that can be compared with another: a count, a vague count before a unit, a
# bare unit ("from minutes to seconds"), "same day", "half a day".
_FIGURE = (
    rf"{NUMBER}%?,?|(?:several|a few|a dozen|dozens|same|a)(?= {UNIT})"
    r"|seconds|minutes|hours|days|weeks|months"
)
_UNITS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?)"

# "No update on the outage" is silence about a problem, not its absence.
_NOT_SILENCE = (
    r"(?!(?:\w+ ){0,2}?(?:reply|replies|response|responses|answer|answers|update|updates|"
    r"feedback|communication|word|news|eta|progress|action|owner|plan|fix|sign)\b)"
)

# A metric named by its own word (not a bare unit such as "minutes", which a wait names too).
_METRIC_WORDS = sorted(
    (HIGHER_IS_BETTER | LOWER_IS_BETTER)
    - words("minutes hours days weeks months seconds mins hrs time times calls call"),
    key=len,
    reverse=True,
)
_METRIC = r"(?:" + "|".join(re.escape(word) for word in _METRIC_WORDS) + r"|service levels?)"
# A metric said against its target or a threshold: "abandon rate 14%, way over target",
# "CSAT below 80% for the third week", "occupancy over 95 all week".
_ABOVE = r"(?:over|above|exceed(?:ed|ing|s)?|more than|higher than|beat|beating|beaten)"
_BELOW = r"(?:under|below|less than|lower than|short of)"
_TARGET = (
    r"(?:the |our |its |their |a |an )?(?:\w+ )?(?:target|targets|sla|threshold|goal|limit|plan)"
)
_AGAINST_TARGET = rf"(?:\b{_TARGET}\b|{NUMBER}\b(?! {UNIT}))"
# "..., way over target": with no metric before it in its clause, the one named in the
# clause before counts (see cues.py).
_DEGREE = r"(?:(?:way|well|far|just|slightly) )?"

# These claim their clause or match: in "defects down to six" or "zero breaches" the
# bad words are what went away, and must not be read as complaints.
GOOD_NEWS: tuple[Pattern, ...] = (
    Pattern(
        "improvement",
        2.0,
        r"\b(?:down|fell|dropped|shrank|shrunk|reduced|trimmed|"
        r"halved|lowered|decreased|cut|came down|coming down) (?:\w+ ){0,4}?(?:to|from|by) "
        rf"(?:{NUMBER}|almost|under|below)\b|\bhalved\b|\bhalf (?:of )?what\b"
        r"|\b(?:basically |all but |have |has )"
        r"(?:disappeared|vanished)\b|\bto almost nothing\b",
        "down fell dropped shrank shrunk reduced trimmed halved lowered decreased cut came "
        "coming disappeared vanished almost half",
        "clause",
        direction=-1,
    ),
    Pattern(
        "improvement",
        1.8,
        r"\b(?:up|rose|climbed|improved|increased|higher|jumped|grew) (?:\w+ )?"
        rf"(?:to|from|by|for) (?:{NUMBER}|the {ORDINAL})\b|\b(?:doubled|tripled)\b",
        "up rose climbed improved increased higher jumped grew doubled tripled",
        "clause",
        direction=1,
    ),
    Pattern(
        "improvement",
        2.0,
        rf"\bfrom {NUMBER}%?,? (?:\w+ ){{0,2}}?to {NUMBER}\b"
        rf"|\bfrom (?:a few )?{_UNITS} to (?:a few |a |under a |{NUMBER} )?{_UNITS}\b",
        "from",
        "clause",
        direction=2,
    ),
    # A level reached or a move by a count, judged by the metric named: "shrinkage hit
    # 38%", "AHT is down 25 seconds week on week", "CSAT up three points".
    Pattern(
        "improvement",
        1.8,
        rf"\b(?:hit|reached|peaked at|down|up) {NUMBER}%?(?! \w+ ago\b)"
        r"|\b(?:is|are|was|were|went|has gone|have gone) (?:\w+ )?down\b"
        r"(?! (?:again|for|since|today|now))",
        "hit reached peaked down up",
        "clause",
        direction=-1,
        needs_metric=True,
    ),
    # A reduction of something that is better smaller, without a figure: "has cut our
    # admin time", "removed most of the chasing", "reduced the manual effort".
    Pattern(
        "improvement",
        1.8,
        r"\b(?:reduced|cut|removed|eliminated|shortened|slashed|trimmed|halved|got rid of|"
        r"taken out|took out)(?: [^ ,.;:!?]+){0,4}? (?:" + _SMALLER_IS_BETTER + r")\b",
        "reduced cut removed eliminated shortened slashed trimmed halved got taken took",
        "clause",
        direction=-1,
        needs_metric=True,
    ),
    # A figure beside the one it replaced: "2 this sprint, before it was 9", "4 days, used
    # to be same day", "10 minutes instead of half a day", "used to be 25, now 4".
    Pattern(
        "improvement",
        2.0,
        rf"\b(?:{_FIGURE})(?: [^ ]+){{0,7}}? (?:instead of|used to (?:be|take|run|get)|earlier"
        r"(?: it)? (?:was|took)|before it was|previously|compared (?:with|to)|against"
        r"|last (?:week|month|sprint|quarter|year|cycle|time|release|run)|"
        r"(?:a|one) (?:year|month|quarter) ago|(?:the )?(?:contract|sla|target|agreement) "
        r"(?:says|requires|allows|specifies|is)|(?:a |the )?(?:contracted|agreed|committed)"
        r"),?(?: [^ ]+){0,3}? " + rf"(?:{_FIGURE})"
        r"|\b(?:used to (?:be|take)|was|(?:sla|contract|target) (?:says|is|requires)) "
        r"(?:[^ ]+ ){0,4}?(?:now|we had|we got|we achieved|actual)\b(?: [^ ]+){0,3}? "
        + rf"(?:{_FIGURE})",
        "instead used earlier before previously compared against last ago was contract sla "
        "target agreement contracted agreed committed",
        "clause",
        direction=3,
    ),
    Pattern(
        "improvement",
        1.8,
        rf"\b{_METRIC}\b(?: [^ ,]+){{0,4}}? {_DEGREE}{_ABOVE} {_AGAINST_TARGET}"
        rf"|\b{_DEGREE}{_ABOVE} {_TARGET}\b",
        "over above exceed exceeded exceeding exceeds more higher beat beating beaten",
        "clause",
        direction=1,
        needs_metric=True,
    ),
    Pattern(
        "improvement",
        1.8,
        rf"\b{_METRIC}\b(?: [^ ,]+){{0,4}}? {_DEGREE}{_BELOW} {_AGAINST_TARGET}"
        rf"|\b{_DEGREE}{_BELOW} {_TARGET}\b",
        "under below less lower short",
        "clause",
        direction=-1,
        needs_metric=True,
    ),
    Pattern(
        "improvement",
        1.6,
        r"\b(?:coming|going|trending|creeping) (?:down|up)\b|\b(?:falling|dropping|"
        r"shrinking|decreasing|declining|declined|reducing|rising|climbing|increasing|"
        r"growing|crept up|creeping up|(?<!would )(?<!could )(?<!might )(?:has|have|had) "
        r"(?:\w+ly )?(?:dropped|fallen)|"
        r"deteriorated|worsened)\b",
        "coming going trending creeping falling dropping shrinking decreasing declining "
        "declined reducing rising climbing increasing growing crept dropped fallen "
        "deteriorated worsened",
        "clause",
        direction=-1,
        needs_metric=True,
    ),
    Pattern(
        "no bad news",
        2.0,
        r"\b(?:backlogs?|queues?|inbox|" + BAD_THINGS[3:-1] + r")\b (?:\w+ ){0,2}?(?:is|are|"
        r"was|were|has|have|had) (?:\w+ )?(?:gone|empty|emptied|clear|cleared|zero|"
        r"disappeared|under control|back to normal|manageable)\b"
        r"|\b(?:for )?(?:the )?first time (?:in|since|this|all|ever)\b"
        r"|\b(?:haven't|have not|hasn't|has not|didn't|did not|never|not once) (?:\w+ )?"
        r"(?:had|needed) to "
        r"(?:escalate|chase|remind|call|step in|intervene|follow up|ask|fix|redo|complain|"
        r"raise|nudge|get involved)\b",
        "gone empty emptied clear cleared zero disappeared first had needed under normal "
        "manageable",
        "clause",
    ),
    Pattern(
        "no bad news",
        2.0,
        r"\b(?:(?:zero|no|not a single|not one|nothing|none|free of|clean)[- ]|without "
        r"(?:a |any )?(?:single )?)" + _NOT_SILENCE + r"(?:\w+ ){0,3}?" + BAD_THINGS + r"\b"
        r"|\b(?:nobody|no one) had to\b|\bno complaints\b",
        "zero no not nothing none without free clean nobody one",
        "match",
    ),
    Pattern(
        "no bad news",
        1.8,
        r"\bbefore (?:any|anyone|anybody|our|the|it|a|users?|"
        r"customers?)(?: \w+){0,3}? (?:noticed|saw|spotted|hit|left|felt|knew|complained|"
        r"affected)\b|\bahead of (?:plan|schedule|time|forecast)\b|\bunder (?:budget|"
        r"forecast)\b|\b(?:fewer|less) (?:\w+ ){0,2}?(?:" + BAD_THINGS[3:-1] + r"|tickets|"
        r"calls)\b",
        "before ahead under fewer less",
        "clause",
    ),
    Pattern(
        "no bad news",
        1.4,
        r"\bwithin (?:minutes|hours|the hour|the day|a day|days)\b|\bsame[- ]day\b"
        r"|\bfirst (?:\w+ ){0,3}?(?:without|with no|in a (?:year|while)|"
        r"this year)\b|\bfor the first time since\b|\b(?:under|below|within) "
        rf"(?:{NUMBER}|half a) (?:{UNIT}|percent|the hour|seconds?)\b|\bwithin the hour\b"
        r"|\bin a (?:single )?day\b(?! lat)|\b(?:all|every|everything) (?:\w+ ){0,3}?(?:green|"
        r"inside sla|within sla|closed on time|ready)\b",
        "first under below within day green sla time ready same same-day",
        "clause",
    ),
    Pattern(
        "no bad news",
        1.6,
        r"\b(?:handl\w+|fix\w*|resolv\w+|sort\w*|squash\w*|"
        r"clear\w*|catch\w*|caught|spott\w+|flagg\w+|dealt with|recover\w*|saved us) "
        r"(?:\w+ ){0,3}?" + BAD_THINGS + r"\b|\bsaved us\b|\bcouldn't have (?:asked|"
        r"wished|hoped) for\b",
        "handled handling handle fixed fixing fix resolved resolving resolve sorted sorting "
        "squashed clearing cleared caught catching spotted spotting flagged dealt "
        "recovered saved couldn't",
        "match",
    ),
)
