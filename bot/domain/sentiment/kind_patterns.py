"""Verdicts told without an opinion word: heroics, polite complaints, facts, quiet good news.

Each is a class of words in a pattern, not a sentence: thanks next to what it cost the
other side (late, the weekend, at short notice); a courteous request that carries how
long something has been pending; a fix that broke something, figures that do not tie, a
report after the event; nobody turning up; good news told as a problem that stopped or
as everything met. Gaps never reach across a comma (clause ends stay in as commas).
"""

from __future__ import annotations

from bot.domain.sentiment.cue_patterns import NUM, NUMBER, ORDINAL, UNIT, Pattern

_GAP = r"(?: [^ ,.;:!?]+)"
_THANKS = (
    r"(?:thanks?|thank you|thx|cheers|kudos|shout-?out|grateful|appreciate[ds]?|hats off|"
    r"props|big thanks|huge thanks|respect)"
)
_COST = (
    r"(?:staying|stayed|stay|working|worked|jumping|jumped|stepping|stepped|covering|"
    r"covered|pulling|pulled|late|overnight|all-nighter|weekend|night|\d{1,2}(?:am|pm)|"
    r"midnight|holiday|extra|short notice|so fast|so quickly|quick|sundays?|saturdays?|"
    r"off-cycle|above and beyond)"
)
_PENDING = (
    r"(?:pending|waiting|awaiting|sitting idle|idle|at the earliest|expedite|not received|"
    r"no response|no update|getting delayed|delayed unnecessarily)"
)
_ABSENT = (
    r"(?:pages|call-?outs|service credits?|audit points|open points|open items|findings|"
    r"repeat \w+|tickets breached|surprises|fire drills?|firefighting|manual corrections?|"
    r"adjustments|sla breaches|breach(?:es)?|escalations?|complaints?|misses|no-shows|chasers)"
)

KINDS: tuple[Pattern, ...] = (
    # Verdicts in a set phrase: "nailed it", "below expectations", "stretched too thin".
    Pattern(
        "phrase",
        1.8,
        r"\b(?:nailed|crushed|smashed|aced) it\b|\bhit (?:their|its|our|his|her) stride\b"
        r"|\bgetting there\b"
        r"|\b(?:above|exceeded|beyond) (?:\w+ )?expectations\b|\bsmooth(?:er|est)\b"
        r"|\bkept us (?:informed|posted|in the loop|updated)\b|\bproven wrong\b"
        r"|\bown(?:s|ed|ing)? (?:the )?(?:problems?|issues?|mistakes?|it)\b"
        r"|\b(?:worked|works|passed) (?:in|within|at|first time|perfectly|flawlessly|first)\b"
        r"|\b(?:made|makes|making) a (?:real |big |huge |visible )?difference\b"
        r"|\bin half the time\b|\bfound (?:a )?ways? to (?:deliver|keep|hit|meet|make|get)\b"
        r"|\beverything we (?:needed|asked for|wanted)\b",
        "nailed crushed smashed aced hit getting above exceeded beyond smoother smoothest kept "
        "proven own owns owned owning worked works passed made makes making half found everything",
        "match",
    ),
    Pattern(
        "phrase",
        -1.8,
        r"\bbelow (?:\w+ )?expectations\b|\bway off\b|\bfar from (?:what|the|it|good)\b"
        r"|\b(?:stretched|spread) (?:far |way )?too thin\b|\bnot a compliment\b"
        r"|\bshort of what\b|\bfewer assurances\b|\b(?:three|four|five|several) attempts\b"
        # Nothing coming out, and no point any more: "nothing ships on the date promised".
        r"|\bnothing (?:ships|shipped|lands|landed|arrives|arrived|gets (?:done|delivered|"
        r"shipped|fixed)|got (?:done|delivered|shipped|fixed))\b"
        r"|\b(?:do not|don't|does not|doesn't|can't|cannot) see (?:the |any |much )?point\b"
        r"|\bwhat(?:'s| is) the point\b|\bno point (?:in|anymore|any more)\b",
        "below way far stretched spread compliment short fewer attempts nothing see point",
        "match",
    ),
    # Worry and its polite forms: "I am concerned that", "it is observed that", "the team
    # is stretched", "productivity is getting impacted", "instead of the agreed".
    Pattern(
        "phrase",
        -1.7,
        r"\b(?:i am|i'm|we are|we're|i remain|getting|increasingly|really) (?:\w+ )?"
        r"(?:concerned|worried|uneasy|nervous)\b"
        r"|\blosing (?:\w+ )?(?:confidence|patience|trust|faith)\b|\blost (?:\w+ )?patience\b"
        r"|\bdrifting back\b|\bit is (?:observed|noticed|seen) that\b"
        r"|\b(?:is|are) (?:getting |being )?(?:impacted|stretched)\b"
        r"|\binstead of the (?:agreed|promised|planned|contracted|expected)\b"
        r"|\bhad to (?:bring in|rerun|re-run|restart|hire|call in|pay for)\b"
        r"|\bmanually by (?:our|my) (?:team|side)\b",
        "am i'm we are we're remain getting increasingly really losing lost drifting it is "
        "instead had manually",
        requires="concerned worried uneasy nervous confidence patience trust faith back observed "
        "noticed seen impacted stretched agreed promised planned contracted expected bring "
        "rerun re-run restart hire call pay team side",
    ),
    # Thanks for what it cost them: "huge thanks for staying on till 2am".
    Pattern(
        "heroics",
        3.0,
        rf"\b{_THANKS}\b{_GAP}{{0,8}}? {_COST}\b",
        "thanks thank thx cheers kudos shout-out shoutout grateful appreciate appreciated "
        "appreciates hats props big huge respect",
        # The clause names what they took on: in "for jumping on the outage at 2am" the
        # outage is what they fixed, not a complaint.
        "clause",
    ),
    # Warm thanks in a set phrase: "we could not have done it without you".
    Pattern(
        "heroics",
        3.0,
        r"\b(?:could not|couldn't|would not|wouldn't) have (?:done|managed|made|pulled) "
        r"(?:it|this|that)(?: off)?(?: \w+)? without (?:you|your|the|them|their|him|her)\b",
        "could couldn't would wouldn't",
        "match",
    ),
    # Courteous requests that say how long it has waited: "kindly share, pending since".
    Pattern(
        "polite complaint",
        -1.8,
        rf"\b(?:kindly|please|pls|request you|requesting|gentle reminder|humble request)\b"
        rf"(?: [^ ]+){{0,10}}? {_PENDING}\b|(?<!time )\bsince long(?: time)?\b|\bfrom long\b"
        rf"|\bfrom (?:last )?\w+ itself\b|\bstill awaiting\b|\b(?:please|kindly) expedite\b"
        rf"|\b(?:even after|despite) (?:repeated|multiple|many|several|{NUMBER}) \w+\b"
        rf"|\bmultiple times (?:we )?(?:requested|asked|followed)\b|\bdo the needful\b"
        rf"|\b(?:is|are|it is) pending (?:since|from|with)\b",
        "kindly please pls request requesting gentle humble since from still expedite even "
        "despite multiple needful pending",
    ),
    # A wish that says what was missing, an expectation not met, a duty that should not
    # have fallen to the writer: "we'd appreciate earlier notice", "I expected more".
    Pattern(
        "polite complaint",
        -1.6,
        r"\b(?:would|'d) (?:really |much |greatly )?appreciate (?:it )?if (?:we|i|our \w+) "
        r"(?:were|was|got|had|could get)\b|\b(?:would|'d) (?:really |much |greatly )?"
        r"appreciate (?:fewer|more|earlier|better|faster|less|quicker|timely|proper)\b"
        r"|(?<!than )(?<!as )\b(?:i|we) (?:had |really |honestly )?expected (?:more|better|"
        r"a|an|the|to|some|at least|something|much)\b|\b(?:we|i) (?:were|was) expecting "
        r"(?:more|better|something)\b|\b(?:should not|shouldn't) (?:need|have to|require)\b",
        "appreciate expected expecting should shouldn't",
        "match",
    ),
    # Waiting counted in the writer's own words: "since two weeks", "the 4th day",
    # "waited 5h", "waiting on their network team".
    Pattern(
        "waiting",
        -1.4,
        r"\b(?:waited|waiting|waits|wait|stuck|pending|open) (?:for |over |almost |nearly )?"
        r"\d+(?:h|hrs?|d|wks?|mins?)\b|\b(?:still )?waiting (?:for|on) (?:their|your|them|you|"
        r"the (?:client|vendor|supplier|provider)(?:'s)?)\b"
        rf"|\bsince (?:{NUM} )?{UNIT}\b|\b(?:the |a )?{ORDINAL} day\b(?! of)"
        r"|\b(?:only|just) (?:told|informed|heard|learned|found out)\b"
        r"|\b(?:after|past) (?:the )?(?:release|deadline|go-live|cut-?off|lock|event|fact)\b"
        r"|\bonly afterwards\b|\bthe day after\b",
        "since day only just after past afterwards waited waiting waits wait stuck pending open",
    ),
    # Facts that carry the verdict: a fix that broke something, figures that do not tie.
    Pattern(
        "careless",
        -1.8,
        r"\b(?:fix|fixes|patch|change|release|update|deploy|hotfix)\b(?: \w+){0,2}? "
        r"(?:broke|breaks|broken|took down|brought down|didn't hold|did not hold|failed)\b"
        r"|\b(?:don't|doesn't|do not|does not|didn't|did not|never) (?:\w+ )?(?:match|tie|add "
        r"up|reconcile|balance|agree)\b|\b(?:skipped|missed|forgot|left out) (?:\w+ )?"
        rf"(?:{NUM} )?(?:steps?|checks?|tests?|files?|items?|the \w+)\b"
        r"|\bmarked (?:as )?(?:resolved|done|closed|fixed) (?:when|but|although|while)\b"
        r"|\b(?:please|pls|kindly) stop\b"
        r"|\bwithout (?:any |a )?(?:handover|hand-over|transfer of knowledge|knowledge "
        r"transfer|documentation|notice period)\b"
        r"|\b(?:says?|said|claims?|claimed|promised|shows?|lists?) \d[\d,.]*%? \w+,?"
        r"(?: [^ ]+){0,6}? only \d[\d,.]*\b"
        r"|\b(?:we |i )?(?:never|did not|didn't|have not|haven't) (?:approved|agreed to|"
        r"signed off|authori[sz]ed|ordered)\b"
        r"|\bnothing (?:changed|changes|happens|happened|moves|moved)\b"
        r"|\bwithout (?:\w+ )?(?:running|testing|reviewing|asking|consulting|warning|notice)\b"
        r"|\bkindly (?:be advised|note|be informed)\b(?: [^.;]*)? still\b",
        "fix fixes patch change release update deploy hotfix don't doesn't do does didn't "
        "did never skipped missed forgot left marked nothing without say says said claim "
        "claims claimed promised show shows list lists please pls kindly",
    ),
    # Nobody turning up or owning it: "nobody from their side on the bridge".
    Pattern(
        "paralysis",
        -1.7,
        rf"\b(?:nobody|no one|noone|none of them)\b{_GAP}{{0,4}}? (?:picked up|answered|"
        r"answers|joined|joins|reads|read|showed|turned up|responded|replied|called|on the|"
        r"deployed|updated|informed|reviewed|documented|fixed|monitored|followed up|acted|"
        r"from their|from your|in the|at the|feels|owns|took|takes|told|seems|cares|"
        r"checked|tested|bothered)\b",
        "nobody no noone none",
    ),
    # Quiet good news: a problem that stopped, everything met, a plan that held.
    Pattern(
        "no bad news",
        1.8,
        rf"\b(?:no|zero|0|not a single|not one|without a single|without any|without)"
        rf"{_GAP}{{0,2}}? {_ABSENT}\b"
        r"|\bstopped (?:complaining|worrying|chasing|escalating|calling|asking)\b"
        r"|\bwithout (?:any )?(?:support|help|intervention|hand-holding|input) from us\b"
        r"|\bwithout (?:us|me|anyone|anybody|our team) (?:having|needing) to(?: \w+)?\b"
        r"|\bnothing (?:serious|critical|worrying|significant|alarming)\b"
        r"|\b(?:went|going|goes|ran|run|running) (?:exactly )?(?:to|according to|as) plan"
        r"(?:ned)?\b|\bby the book\b|\b(?:levels?|slas?|fix|numbers|figures|service) held\b",
        "no zero 0 not without stopped went going goes ran run running book held nothing",
        "match",
    ),
    Pattern(
        "no bad news",
        1.6,
        r"\b(?:all|every)\b(?: [^ ,.;:!?]+){5,8}? (?:are|were|have been|has been) (?:closed|met|"
        r"completed|done|applied|remediated)\b"
        r"|\b(?:all|every)\b(?: [^ ,.;:!?]+){0,5}? (?:met|closed|passed|green|applied|"
        r"patched|remediated|on time|on "
        r"schedule|achieved|hit|complete|completed|up to date)\b"
        r"|\bfinally(?: [^ ,.;:!?]+){0,4}? (?:up to date|stable|fixed|closed|working|works|"
        r"behaving|behaves|consistent|reliable|in sync|passing|"
        r"inside sla|within sla|on target|green|"
        r"in place|done|proper|a root cause|got)\b"
        r"|\b(?:fixed|resolved|closed|sorted|working|live|done|delivered|signed off|green|stable|"
        r"passing|merged|shipped)\b"
        r"(?: [^ ,.;:!?]+){0,4}? finally\b"
        rf"|\b{NUM} {UNIT} (?:before|ahead of|earlier than)(?: the)? (?:plan|planned date|"
        r"schedule|deadline|due date|target|target date)\b"
        r"|\bahead of (?:the )?(?:agreed |committed )?(?:business case|target|forecast|"
        r"budget|plan)\b"
        r"|\bactually (?:answers|answer|explains|works|listened|delivered|gets? \w+ closed|"
        r"get made|getting \w+)\b|\b(?:to be fair|credit where due)\b",
        "all every finally actually fair credit before ahead earlier",
        "match",
    ),
    # A problem that did not reach anyone: "customers did not feel it", "no user impact",
    # "no manual scaling needed".
    Pattern(
        "no bad news",
        1.6,
        r"\b(?:customers?|users?|clients?|the business|staff|agents|stores|sites|callers|"
        r"patients|nobody|no one) (?:did not|didn't|never|barely|hardly|won't|will not) "
        r"(?:feel|felt|notice|noticed|see|saw)(?: (?:it|a thing|anything|any \w+|the \w+))?\b"
        r"|\b(?:no|zero|without|with no|without any) (?:customer|user|client|business|service)"
        r"[- ]impact\b|\bno (?:manual|extra) [^ ,.;:!?]+ (?:needed|required)\b"
        r"|\bno (?:intervention|workarounds?|restarts?|babysitting|hand-holding|chasing|"
        r"reminders?|follow-ups?) (?:needed|required)\b",
        "customers customer users user clients client business staff agents stores sites "
        "callers patients nobody no zero without",
        "match",
    ),
    # Incidents counted by their ordinal: "fourth P1 this month", "the third outage".
    Pattern(
        "repeated",
        -2.6,
        rf"\b{ORDINAL} (?:[^ ,.;:!?]+ )?(?:p[1-3]s?|sev ?[1-3]s?|incidents?|outages?|"
        r"escalations?|breach(?:es)?|failures?|rollbacks?|crash(?:es)?|regressions?)\b",
        "p1 p2 p3 p1s p2s sev1 sev2 sev incident incidents outage outages escalation "
        "escalations breach breaches failure failures rollback rollbacks crash crashes "
        "regression regressions",
    ),
    # The same point made again: "flagged it twice", "raised this three times".
    Pattern(
        "chasing",
        -1.6,
        r"\b(?:flagged|raised|reported|mentioned|highlighted|escalated) (?:it |this |that |"
        r"them )?(?:twice|again|repeatedly|(?:three|four|five|several|multiple|many|\d+) "
        r"times)\b",
        "flagged raised reported mentioned highlighted escalated",
    ),
)
