"""Spanish: the words of account chat and general opinion words, and the same cues."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bot.domain.sentiment.foreign import LanguageRules, degree_words
from bot.domain.sentiment.spanish_cues import CUES
from bot.domain.sentiment.spanish_figures import FIGURES
from bot.domain.sentiment.spanish_words import STEMS, WORDS

# Words on VADER's -4..+4 scale. A masculine form ending in -o also gives its -a form,
# and every entry is reachable without its accents ("rapido", "día").
_WORDS = {
    **dict.fromkeys(("retraso", "retrasado", "atrasado", "tarde", "vencido", "roto"), -2.0),
    **dict.fromkeys(("lento", "bloqueado", "escalado", "escalar", "caído", "demora"), -1.8),
    **dict.fromkeys(("caída", "fallo", "incidencia", "queja", "error", "errores"), -1.6),
    **dict.fromkeys(("problema", "bug", "retrabajo", "pendiente", "confuso", "flojo"), -1.3),
    **dict.fromkeys(("mal", "malo", "peor", "desastre", "inaceptable", "caos"), -2.6),
    **dict.fromkeys(("decepcionado", "decepcionante", "frustrante", "frustrado"), -2.5),
    **dict.fromkeys(("harto", "cansado", "molesto", "enfadado", "preocupado", "ignorado"), -2.2),
    **dict.fromkeys(("lamentable", "pésimo", "terrible", "horrible", "vergüenza"), -3.0),
    **dict.fromkeys(("desgraciadamente", "lamentablemente", "desafortunadamente"), -1.2),
    **dict.fromkeys(("olvidado", "perdido", "incompleto", "insuficiente", "deficiente"), -1.8),
    **dict.fromkeys(("rápido", "ágil", "estable", "resuelto", "solucionado", "puntual"), 2.0),
    **dict.fromkeys(("fiable", "proactivo", "atento", "amable", "eficaz", "eficiente"), 2.2),
    **dict.fromkeys(("bien", "bueno", "contento", "satisfecho", "mejor", "mejora"), 1.9),
    **dict.fromkeys(("genial", "excelente", "estupendo", "fantástico", "increíble"), 3.0),
    **dict.fromkeys(("perfecto", "gracias", "encantado", "agradecido", "impecable"), 2.5),
    **dict.fromkeys(("buenísimo", "maravilloso", "brillante", "espectacular"), 3.0),
    **dict.fromkeys(("mejorado", "avance", "avances", "progreso", "cumplido", "entregado"), 1.5),
    **dict.fromkeys(("correcto", "funciona", "tranquilo", "claro", "útil", "limpio"), 1.2),
    **dict.fromkeys(("top", "crack", "cracks", "felicidades", "enhorabuena", "bravo"), 2.5),
    **dict.fromkeys(("ok", "vale", "normal", "aceptable"), 0.5),
    **dict.fromkeys(("tarde", "abierto", "abierta", "solución", "regular"), 0.0),
    **dict.fromkeys(("mejorable", "bah", "meh"), -1.0),
    **dict.fromkeys(("fatal", "nefasto", "chapuza"), -3.0),
    **dict.fromkeys(("buen", "bacán", "bacan"), 1.9),
    **dict.fromkeys(("fome",), -1.5),  # Chile: dull, a letdown
    **dict.fromkeys(("desorden", "imposible"), -2.0),
    **dict.fromkeys(("majo", "majísimo"), 2.2),  # Spain: kind, likeable
    **dict.fromkeys(("cae", "caen", "cayó", "cayeron"), -1.6),  # a system going down
    # Thanks promised in a request are a courtesy, not praise ("agradeceré me confirmen").
    **dict.fromkeys(("agradeceré", "agradecería", "agradeceríamos", "agradeceremos"), 0.0),
}
# Word beginnings with the same valence in every form: "retras" is retraso, retrasado,
# retrasamos. Checked only when no whole word matched, longest first.
_STEMS = {
    **dict.fromkeys(("retras", "atras", "demor", "romp", "empeor", "incumpl"), -2.0),
    **dict.fromkeys(("fall", "caíd", "caid", "equivoc", "incorrect", "preocup"), -1.8),
    **dict.fromkeys(("olvid", "perd", "bloque", "rehac", "incomplet", "deficien"), -1.6),
    **dict.fromkeys(("quej", "reclam", "escal", "duplic", "confus", "falt", "rebot"), -1.4),
    **dict.fromkeys(("frustr", "decepcion", "desastr", "caótic", "caotic", "inacept"), -2.6),
    **dict.fromkeys(("molest", "enfad", "hart", "lamentabl", "pésim", "pesim"), -2.4),
    **dict.fromkeys(("terribl", "horribl", "vergüenz", "verguenz", "furios"), -2.8),
    **dict.fromkeys(("problem", "incidenc", "error", "lent", "difícil", "dificil"), -1.3),
    **dict.fromkeys(("excelent", "estupend", "fantástic", "fantastic", "brillant"), 3.0),
    **dict.fromkeys(("magnífic", "magnific", "maravill", "impecabl", "sobresalient"), 3.0),
    **dict.fromkeys(
        ("perfect", "increíbl", "increibl", "encant", "agradec", "agradez", "felic"), 2.5
    ),
    **dict.fromkeys(
        ("mejor", "resuel", "resolv", "solucionad", "puntual", "fiabl", "proactiv"), 1.9
    ),
    **dict.fromkeys(("rápid", "rapid", "ágil", "agil", "fluid", "estabilidad"), 1.8),
    **dict.fromkeys(("content", "satisfech", "constructiv", "profesional", "alegr"), 2.0),
    **dict.fromkeys(("amabl", "atent", "útil", "util", "confianz", "orgull", "valios"), 1.6),
    **dict.fromkeys(("arregl", "cumpl", "logr", "ahorr", "benefici", "acert", "aciert"), 1.4),
    **dict.fromkeys(("sólid", "solid", "tranquil", "seren", "fácil", "facil"), 1.2),
    **dict.fromkeys(("éxito", "exito", "exitos", "placer", "genia", "crack", "chapeau"), 2.6),
    **dict.fromkeys(("insatisfech", "inestabl", "inútil", "inutil"), -2.2),
}
_NEGATORS = frozenset(
    [
        "no",
        "nunca",
        "jamás",
        "jamas",
        "sin",
        "nada",
        "ni",
        "tampoco",
        "ningún",
        "ninguna",
        "ninguno",
        "nadie",
    ]
)
_BOOSTERS = degree_words(
    "muy super súper bastante realmente totalmente tan demasiado increíblemente "
    "extremadamente sumamente",
    "algo poco ligeramente",
)

# A question or an announcement: a status note, not a verdict (the neutral zone).
ASK = re.compile(
    r"\?\s*$|¿|^(?:por favor|porfa|recordatorio|aviso|nota|fyi|info|pregunta|"
    r"podéis|podeis|puedes|podrían|podrian|pueden|alguien|quién|quien|cuándo|cuando)\b"
)

ANNOUNCE = re.compile(
    r"\b(?:programad[oa]|previst[oa]|planificad[oa]|a partir del? (?:lunes|martes|miércoles|"
    r"jueves|viernes|mañana|próxima semana)|el (?:lunes|martes|miércoles|jueves|viernes)|"
    r"a las \d{1,2}(?::\d{2})?|la próxima semana|de vacaciones|de baja|fuera de la oficina|"
    r"me sustituye|estado:|actualización:)"
)


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


@cache
def _lexicon() -> dict[str, float]:
    lexicon: dict[str, float] = {}
    for word, valence in (WORDS | _WORDS).items():
        forms = [word] + ([word[:-1] + "a"] if word.endswith("o") else [])
        for form in forms:
            lexicon[form] = valence
            lexicon.setdefault(_plain(form), valence)
    return lexicon


@cache
def spanish() -> LanguageRules:
    """The Spanish reader's rules, built once per process."""
    return LanguageRules(
        code="es",
        lexicon=_lexicon(),
        suffixes=("mente", "es", "s"),
        negators=_NEGATORS,
        boosters=_BOOSTERS,
        contrast=frozenset({"pero", "aunque", "sin embargo", "embargo", "sino"}),
        repetition=frozenset({"siempre", "sigue", "siguen", "seguimos", "nuevamente"}),
        cues=CUES,
        ask=ASK,
        announce=ANNOUNCE,
        stems=STEMS | _STEMS,
        figures=FIGURES,
        concession=re.compile(r"\s*(?:aunque|a pesar de|pese a)\b"),
        excess=frozenset({"demasiado", "demasiada", "demasiados", "demasiadas"}),
    )
