"""German words of account chat by kind, beyond the first lexicon: outages, delays,
careless work, anger, praise, relief; Austrian and Swiss usage; compound heads."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue

# Whole words on VADER's -4..+4 scale. They override the general lexicon, and the
# first domain words override them.
WORDS = {
    # A disaster said plainly, and the fun that "macht keinen Spaß mehr" takes away.
    **dict.fromkeys(("desaster", "fiasko"), -2.8),
    **dict.fromkeys(("spaß", "spass"), 1.6),
    # Outages, breakdowns and standstills.
    **dict.fromkeys(("panne", "pannen", "lahmgelegt", "stillstand", "stillstände"), -2.0),
    **dict.fromkeys(("eingefroren", "unterbrüche"), -1.8),
    **dict.fromkeys(("abgebrochen", "unterbrochen", "unterbruch", "datenverlust"), -1.8),
    **dict.fromkeys(("gescheitert", "sicherheitslücke"), -2.2),
    # Missed and broken commitments, things left lying.
    **dict.fromkeys(("versäumt", "versäumnis", "überschritten", "verstoß"), -1.8),
    **dict.fromkeys(("vertröstet", "hingehalten", "verschleppt", "unerledigt"), -2.0),
    **dict.fromkeys(("ausstehend", "ausständig", "unbearbeitet", "liegengelassen"), -1.4),
    # Careless and poor work.
    **dict.fromkeys(("lückenhaft",), -2.2),
    **dict.fromkeys(("ungenau", "widersprüchlich", "intransparent", "unbrauchbar"), -1.8),
    **dict.fromkeys(("pfusch", "murks", "saumäßig"), -2.6),
    **dict.fromkeys(("mängel", "beanstandung", "beanstandet", "bemängelt"), -1.8),
    **dict.fromkeys(("reklamation", "reklamiert", "rückschlag"), -1.8),
    # Anger, weariness and things that cannot go on.
    **dict.fromkeys(("mühsam", "holprig"), -1.6),
    **dict.fromkeys(("skandal", "desaströs", "fiasko", "debakel"), -2.8),
    # Austria ("zach" tedious, "grauslich" awful, "sekkant" tiresome, "Pallawatsch"
    # a mess) and Switzerland ("harzig" sluggish).
    **dict.fromkeys(("zach", "sekkant", "harzig", "patschert"), -1.6),
    **dict.fromkeys(("grauslich", "pallawatsch"), -2.4),
    # Praise of the work.
    **dict.fromkeys(("einwandfrei", "tadellos", "gratulation", "gratuliere", "glückwunsch"), 2.5),
    **dict.fromkeys(("lösungsorientiert", "kulant", "termintreu"), 2.0),
    **dict.fromkeys(("prompt", "rasch", "transparent"), 1.6),
    **dict.fromkeys(("wertschätzung", "gerettet", "bravourös", "glückwünsche"), 2.4),
    # Relief, and things that came back.
    **dict.fromkeys(("entlastet", "entlastung"), 1.8),
    **dict.fromkeys(("wiederhergestellt", "aufgeholt", "optimiert"), 1.6),
    # Verdicts a negation turns ("nicht eingehalten", "kaum tragbar", "nicht erreicht").
    **dict.fromkeys(("eingehalten", "erreicht", "zumutbar", "vertretbar"), 1.2),
    **dict.fromkeys(("eingetroffen", "angekommen", "vollständig", "beschleunigt"), 1.0),
    # Austria ("leiwand", "bärig" great) and Switzerland ("tipptopp", "speditiv"
    # prompt, "gäbig" handy).
    **dict.fromkeys(("leiwand", "bärig", "tipptopp"), 2.5),
    **dict.fromkeys(("speditiv", "gäbig"), 1.8),
    # Names of things the general lexicon judges: an approval, IT security, an update
    # are topics; "dickes Lob" is praise, not weight.
    **dict.fromkeys(("freigabe", "freigaben", "sicherheit", "update", "dickes", "dicken"), 0.0),
    # "gut" declined: its stem is too short for the endings to reach; "guten" is no
    # verdict, "Guten Morgen" greets.
    **dict.fromkeys(("gute", "guter", "gutes", "gutem"), 2.0),
    **dict.fromkeys(("guten",), 0.0),
    # Colloquial: "im Keller" at rock bottom, stuck "in der Warteschleife"; "reagiert"
    # a negation turns ("reagiert nicht"); "reingehängt", "reingekniet": real effort.
    **dict.fromkeys(("keller", "warteschleife", "flaschenhals"), -1.5),
    **dict.fromkeys(("reagiert", "reagieren", "reagierte"), 0.8),
    **dict.fromkeys(("reingehängt", "reingekniet"), 2.2),
}

# Word beginnings with one valence in every form ("scheiter": scheitern, scheiterte).
STEMS = {
    **dict.fromkeys(("scheiter", "versäum", "vertröst", "verschlepp", "überlast"), -2.0),
    **dict.fromkeys(("schlamp", "unprofession", "verärger", "ungenüg", "unzureich"), -2.2),
    **dict.fromkeys(("lückenh", "unterbruch", "unterbroch", "unterbrech", "abgebroch"), -1.8),
    **dict.fromkeys(("stillstand", "lahmgeleg", "beanstand", "reklamier", "bemängel"), -1.8),
    **dict.fromkeys(("unbrauchbar", "unerledigt", "unbearbeit", "intranspar"), -1.8),
    **dict.fromkeys(("pfusch", "skandal", "desaströs", "miserab"), -2.6),
    **dict.fromkeys(("mühsam", "umständl", "widersprüch", "holpr"), -1.6),
    **dict.fromkeys(("einwandfrei", "tadellos", "mustergült", "gratul", "glückwunsch"), 2.5),
    **dict.fromkeys(("lösungsorient", "engagier", "termintreu", "effizien", "kulant"), 2.0),
    **dict.fromkeys(("erleichter", "wertschätz", "wiederhergestell", "glückwünsch"), 1.8),
    **dict.fromkeys(("entlast", "optimier", "beschleunig"), 1.5),
}

# Heads of compounds: German puts the thing last ("Systemausfall", "Serverabstürze",
# "Lieferverzögerungen"), so a word ending in one of these, after a first part of
# three letters or more, carries its valence when nothing else matched.
HEADS = {
    **dict.fromkeys(("ausfall", "ausfälle", "absturz", "abstürze", "panne", "pannen"), -2.0),
    **dict.fromkeys(("störung", "störungen", "unterbruch", "unterbrechung"), -1.8),
    **dict.fromkeys(("unterbrechungen", "stillstand", "verlust", "verluste"), -1.8),
    **dict.fromkeys(("verzug", "verzögerung", "verzögerungen", "verspätung"), -1.8),
    **dict.fromkeys(("verspätungen", "rückstand", "rückstände", "engpass", "engpässe"), -1.6),
    **dict.fromkeys(("fehler", "problem", "probleme", "mangel", "mängel", "chaos"), -1.5),
    **dict.fromkeys(("beschwerde", "beschwerden", "reklamation", "reklamationen"), -1.6),
    **dict.fromkeys(("lücke", "lücken", "desaster", "fiasko", "ärger"), -1.8),
    **dict.fromkeys(("verbesserung", "verbesserungen"), 1.8),
}

# Idioms of a verdict with no opinion word: "lässt zu wünschen übrig", "die Nase voll",
# "aus dem Ruder gelaufen", "auf der Strecke geblieben"; "sich ins Zeug gelegt", "erste
# Sahne", "läuft wie geschmiert".
UNMET_IDIOMS = (
    Cue(
        "unmet",
        re.compile(
            r"\blässt (?:\w+ )?(?:zu )?wünschen übrig\b|\bnase (?:\w+ )?voll\b|\baus dem rude"
            r"r\b|\bunter aller (?:sau|kanone)\b|\bgeht gar nicht\b|\bauf der strecke geblieben\b"
        ),
        -2.2,
    ),
)
EFFORT_IDIOMS = (
    Cue(
        "heroics",
        re.compile(
            r"\bins zeug gelegt\b|\bvoll (?:\w+ )?eingesetzt\b|\berste sahne\b|\bwie geschmier"
            r"t\b"
        ),
        2.2,
    ),
)
