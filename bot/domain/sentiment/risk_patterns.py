"""Risks to the relationship and harm to the business, as cue patterns.

Contract threats and where a complaint goes next (a tender, other suppliers, an exit
plan, a review of the relationship, the CIO, the regulator), warnings ("this cannot
continue"), and the people the service is for unable to do their work. Their valences
sit where the rating rules put them: a threat is 3 of 4, a termination 4.
"""

from __future__ import annotations

from bot.domain.sentiment.cue_patterns import Pattern

RISKS: tuple[Pattern, ...] = (
    # Escalation and contract threats.
    Pattern(
        "threat",
        -3.0,
        r"(?<!since the )\b(?:other|alternative|different|new) (?:suppliers?|vendors?|"
        r"providers?|partners?|options)\b(?! (?:started|took over|came in))|\balternatives\b"
        r"|\brfp\b|\brfi\b|\bre-?tender\w*\b|\bout to tender\b|\btendering\b|\bmarket[- ]test\w*\b"
        r"|\bexit (?:plan|clause|strategy)\b|\bterminat(?:e|ed|es|ing|ion)\b|\binsourc\w+\b"
        r"|\bback in-house\b|\bplan b\b|\bour options\b|\bwhether (?:the|this|we|to) \w+ "
        r"(?:\w+ )?(?:continues?|works?|renews?|extends?)\b|\bquestion(?:ing)? whether\b"
        r"|\bnot a given\b|\bnot sure we'?l?l? (?:be )?(?:extend|renew)\w*\b",
        "other alternative different new alternatives rfp rfi tender re-tender retender "
        "tendering retendering re-tendering "
        "market-test market termination terminate terminating exit insourcing insource "
        "in-house plan options whether questioning question given sure",
    ),
    Pattern(
        "threat",
        -1.6,
        r"\bservice credits?\b|\brenegotiat\w+\b|\bbenchmarking\b"
        r"|\b(?:raise|raising|raised|escalate|escalating) (?:this |it )?formally\b"
        r"|\b(?:exec(?:utive)? sponsor|account director|regional director|their (?:vp|ceo|"
        r"cio|cfo|md))\b|\bcop(?:y|ied|ying) (?:\w+ )?in(?:to)?\b|\b(?:raise|raising|bring|"
        r"bringing|take|taking|escalate) (?:this |it )?(?:up )?(?:at|to|in) the qbr\b"
        r"|\bdocument every\b"
        r"|\bfee schedule\b",
        "service renegotiate renegotiating benchmarking benchmark "
        "formally sponsor director vp ceo cio cfo md copy copied copying qbr document fee",
    ),
    # The people the service is for cannot do their work: "users cannot log in", "the
    # stores were unable to process returns", "we cannot proceed further".
    Pattern(
        "impact",
        -1.8,
        r"\b(?:users?|agents?|staff|employees|colleagues|customers?|stores?|branches|"
        r"drivers?|nurses?|clinicians|doctors|engineers|developers|testers|the team|"
        r"the business|the floor|we) (?:still )?(?:cannot|can't|could not|couldn't|"
        r"(?:are|were|was|is|have been|has been) unable to|unable to) (?:\w+ )?(?:work|log ?in|"
        r"login|sign in|access|connect|print|ship|pick|invoice|bill|pay|book|sell|process|"
        r"scan|dispatch|test|deploy|release|proceed|go live|continue|use|submit|start)\b"
        r"|\b(?:affecting|impacting|disrupting|hurting|hitting) (?:our|the) (?:daily )?"
        r"(?:operations?|business|customers|users|clients|patients|production|close|payroll|"
        r"agents|stores|sales)\b",
        "users user agents agent staff employees colleagues customers customer stores store "
        "branches drivers driver nurses nurse clinicians doctors engineers developers testers "
        "team business floor we affecting impacting disrupting hurting hitting",
        requires="cannot can't could couldn't unable affecting impacting disrupting hurting "
        "hitting",
    ),
    # Risk signals: a tender, exit options, a renewal off the table, remediation.
    Pattern(
        "threat",
        -3.0,
        r"\b(?:run|running|issue|issuing|launch|launching|start|starting) (?:a |an )?"
        r"(?:tender|rfp)\b|\b(?:go|goes|going|went|put \w+|putting \w+) (?:out )?to tender\b"
        r"|\bexit options\b|\boff the table\b|\bformal remediation\b|\bremediation plan\b"
        r"|\b(?:on|into|under) remediation\b"
        r"|\brecommend (?:to )?(?:stop|stopping|end|ending|terminat\w+|pause|pausing|cancel\w*)\b"
        r"|\b(?:stop|pause|cancel|halt) the (?:\w+ )?(?:phase|programme|program|rollout|"
        r"contract|engagement)\b|\bback in-?house\b|\bin-?sourc\w+\b"
        r"|\blook(?:ing)? at the market\b|\bbenchmark (?:the|our|your) (?:service|price|prices|"
        r"contract)\b|\b(?:decision|contract|outsourcing) should be reversed\b"
        r"|\b(?:review|reviewing|reconsider|reconsidering|rethink|rethinking|revisit|"
        r"revisiting|re-evaluate|re-evaluating|reassess|reassessing)(?: of)? (?:the|our|this) "
        r"(?:engagement|contract|relationship|partnership|outsourcing|arrangement)\b"
        r"|\bcontract options\b"
        # Trust gone, a renewal refused, a breach notified: the relationship itself.
        r"|\blost (?:all |any |our |my )?(?:confidence|trust|faith)\b"
        r"|\b(?:will not|won't|not going to|do not intend to|cannot|can't) (?:\w+ )?"
        r"(?:renew|extend)\b|\b(?:material breach|notice of breach|breach notice)\b",
        "run running issue issuing launch launching start starting exit off remediation look "
        "go goes going went put putting "
        "looking benchmark reversed recommend stop pause cancel halt back in-house inhouse "
        "insourcing insource insourced in-sourcing review reviewing reconsider reconsidering "
        "rethink rethinking revisit revisiting re-evaluate re-evaluating reassess reassessing "
        "contract lost will won't not do cannot can't material notice breach",
    ),
    # Warnings: "this cannot become the norm", "something has to give", "I have raised it
    # with our VP".
    Pattern(
        "threat",
        -2.4,
        r"\b(?:cannot|can't|must not|mustn't|should not) (?:become|be) (?:the norm|normal|a habit|"
        r"the rule|business as usual)\b|\bsomething has to give\b|\b(?:cannot|can't) "
        r"(?:continue|go on) (?:like this|this way)\b"
        # "This cannot continue"; "it cannot be that we ask every week" (a German calque).
        r"|\b(?:this|that|it) (?:cannot|can't|can not) (?:continue|go on)\b"
        r"|\bit (?:cannot|can't|can not) be that\b|\b(?:have |has )?raised (?:it|this|the "
        r"(?:issue|matter|topic)) with (?:our|my|their|your) (?:vp|director|cio|cfo|ceo|coo|"
        r"management|leadership|boss|sponsor|head of \w+)\b",
        "cannot can't can must mustn't should something raised",
    ),
    # A warning of where it goes next: "will be raised at the next governance meeting".
    Pattern(
        "threat",
        -2.4,
        r"\bwill (?:be )?(?:raised?|escalated?|taken up|flag(?:ged)?) (?:at|with|to|in) "
        r"(?:the |our |your )?(?:next |monthly |quarterly )?(?:governance|steerco|steering|"
        r"qbr|board|exec\w*|management|cio|cfo|ceo|coo|leadership|sponsors?)\b"
        r"|\b(?:report|reported|reporting|notify|notified|notifying|disclose|disclosed|disclosing) "
        r"(?:it |this |them )?"
        r"(?:to )?(?:the |our )?(?:regulators?|audit committee)\b",
        "will report reported reporting notify notified notifying disclose disclosed disclosing",
        "match",
    ),
)
