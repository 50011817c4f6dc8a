"""Spanish words of account chat by kind, beyond the first lexicon: outages, delays,
careless work, anger, praise, relief; usage of Spain and of Latin America."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue

# Whole words on VADER's -4..+4 scale, masculine forms giving their feminine ones; the
# first lexicon's words override them.
WORDS = {
    # Outages, standstills and things that do not work.
    **dict.fromkeys(("interrupción", "interrupciones", "interrumpido", "colapso"), -2.0),
    **dict.fromkeys(("colapsado", "paralizado", "atascado", "estancado", "saturado"), -1.9),
    **dict.fromkeys(("fracaso", "fracasó", "fracasado", "inoperativo"), -2.2),
    # Delays and things that take long.
    **dict.fromkeys(("tardanza", "tardaron", "tardan", "tardó", "tardando"), -1.7),
    # Careless and poor work.
    **dict.fromkeys(("descuido", "descuidado", "desprolijo", "chambón", "trucho"), -2.0),
    **dict.fromkeys(("cutre", "chungo", "mamarracho", "embarrada", "cagada"), -2.3),
    **dict.fromkeys(("desactualizado", "obsoleto", "inconsistente", "descuadre"), -1.5),
    **dict.fromkeys(("negligencia", "negligente", "desorganizado", "improvisado"), -2.3),
    **dict.fromkeys(("contratiempo", "contratiempos", "inconveniente", "inconvenientes"), -1.5),
    **dict.fromkeys(("percance", "tropiezo", "imprevisto", "imprevistos", "multa"), -1.3),
    **dict.fromkeys(("penalización", "penalizaciones", "sanción", "grave", "graves"), -1.8),
    # Anger, disappointment and things that cannot go on.
    **dict.fromkeys(("disconforme", "inconforme", "indignado", "disgustado", "malestar"), -2.3),
    **dict.fromkeys(("desilusión", "desilusionado", "bronca", "lástima", "jodido"), -2.0),
    **dict.fromkeys(("inadmisible", "intolerable", "insostenible", "impresentable"), -2.8),
    **dict.fromkeys(("indignante", "vergonzoso", "deplorable", "penoso", "desmadre"), -2.8),
    # Praise of the work.
    **dict.fromkeys(("excepcional", "intachable", "admirable", "ejemplar"), 2.6),
    **dict.fromkeys(("destacado", "notable", "eficiencia", "dedicación", "esmero"), 1.9),
    **dict.fromkeys(("diligente", "oportuno", "oportunamente", "reconocimiento"), 1.7),
    **dict.fromkeys(("salvaron", "salvó", "salvaste", "salvasteis", "salvado"), 2.4),
    # Relief, and things that came back.
    **dict.fromkeys(("alivio", "aliviado", "restablecido", "estabilizado", "optimizado"), 1.8),
    # Verdicts a negation turns ("no sirve", "no jala").
    **dict.fromkeys(("sirve", "sirvió", "jala"), 1.0),
    # Latin America: "chévere", "bacano", "chimba" (Colombia, Venezuela, Peru), "chido"
    # (Mexico), "macanudo", "bárbaro", "joya" (River Plate), "pulento", "la raja"
    # (Chile), "mostro" (Peru); Spain: "guay", "currazo".
    **dict.fromkeys(("chévere", "bacano", "chimba", "chido", "macanudo", "joya"), 2.5),
    **dict.fromkeys(("bárbaro", "pulento", "raja", "mostro", "guay", "currazo"), 2.5),
    **dict.fromkeys(("buenazo", "lujo"), 2.2),
    # "No estamos conformes", "no responde": verdicts a negation turns.
    **dict.fromkeys(("conforme", "responde", "responden", "contesta", "contestan"), 0.9),
    # "Se lucieron", "un aplauso", "da gusto", "le pusieron ganas": praise.
    **dict.fromkeys(("lució", "lucieron", "luciste", "lucisteis", "aplauso"), 2.4),
    **dict.fromkeys(("gusto", "ganas"), 1.5),
    # Stood up ("nos dejaron plantados").
    **dict.fromkeys(("plantado", "plantados", "plantaron"), -2.0),
    # Left alone by the other side ("nos tienen abandonados"); not the metric "abandono".
    **dict.fromkeys(("abandonado", "abandonados"), -2.0),
}

# Word beginnings with the same valence in every form, with and without accents.
STEMS = {
    **dict.fromkeys(("interrump", "interrupc", "colaps", "paraliz", "atasc", "estanc"), -1.9),
    **dict.fromkeys(("fracas", "inoperativ", "satur", "desbord", "sobrecarg"), -2.0),
    **dict.fromkeys(("descuid", "desprolij", "negligen", "desorganiz", "reincid"), -2.1),
    **dict.fromkeys(("desactualiz", "obsolet", "inconsisten", "descuadr", "discrepan"), -1.5),
    **dict.fromkeys(("reproces",), -1.5),
    **dict.fromkeys(("penaliz", "disconform", "inconform", "disgust", "desilusion"), -2.0),
    **dict.fromkeys(("indign", "inadmis", "intolerab", "insostenib", "impresentab"), -2.7),
    **dict.fromkeys(("vergonz", "deplorab", "desmadr", "embarr", "cagaron"), -2.6),
    **dict.fromkeys(("excepcional", "intachab", "admirab", "ejemplar"), 2.6),
    **dict.fromkeys(("eficien", "diligen", "esmer", "dedicaci", "destacad"), 1.9),
    **dict.fromkeys(("aliviad", "restablec", "estabiliz", "optimiz"), 1.8),
    **dict.fromkeys(("chever", "chid", "macanud", "buenaz", "pulent"), 2.5),
}

# Idioms of a verdict with no opinion word: "deja mucho que desear", "por los suelos",
# "hasta la coronilla", "se fue de las manos", "patas arriba", "tomadura de pelo",
# "sin sistema", "no da la talla", "cuello de botella"; "se pusieron la camiseta", "nos
# echaron una mano", "de primera", "va como un tiro", "todo en orden".
UNMET_IDIOMS = (
    Cue(
        "unmet",
        re.compile(
            r"\bdej\w* (?:\w+ )?(?:mucho|bastante) que desear\b|\bpor los suelos\b|\bhasta (?:la "
            r"coronilla|el gorro|las narices|la madre)\b|\bse (?:les|nos|me|te) fue de las mano"
            r"s\b|\bpatas arriba\b|\btomadura de pelo\b|\bno da para más\b|\bno es lo que (?:"
            r"acordamos|pedimos|se acordó|se pidió)\b|\b(?:una semana|días|horas) sin (?:sistema"
            r"|servicio|acceso|red|internet)\b|\b(?:no ha cambiado|nada ha cambiado|no cambió) na"
            r"da\b|\bno (?:\w+ )?da(?:n|mos)? la talla\b|\bcuellos? de botella\b|\bse salt(?:a"
            r"ron|ó|an) (?:\w+ )?(?:las pruebas|los pasos|el proceso|la validación|el control)\b"
        ),
        -2.2,
    ),
)
EFFORT_IDIOMS = (
    Cue(
        "heroics",
        re.compile(
            r"\bse (?:pusieron|puso) la camiseta\b|\b(?:nos |me )?(?:echaron|dieron|ech"
            r"ó|dio) una mano\b|\bde primera\b|\bcomo un tiro\b|\btodo (?:está |sigue )?en orden\b"
        ),
        2.2,
    ),
)
