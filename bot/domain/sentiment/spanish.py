"""Spanish: the words of account chat and general opinion words, and the same cues."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bot.domain.sentiment.foreign import Cue, LanguageRules

_DURATION = (
    r"(?:\d+|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|varios|varias|muchos|muchas)"
)
_UNIT = r"(?:minutos|horas|días|dias|semanas|meses|h)"
_ORDINAL = r"(?:segund|tercer|cuart|quint|sext|enésim)[oa]?"
_BAD_THING = (
    r"(?:p1|p2|incidencias?|incidentes?|caídas?|caidas?|errores|fallos?|escalados?|"
    r"escalaciones|quejas?|reclamaciones|retrasos?|rechazos|bugs?|penalizaciones|"
    r"incumplimientos?|tickets? abiertos?)"
)
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
_BOOSTERS = {
    **dict.fromkeys(
        ["muy", "super", "súper", "bastante", "realmente", "totalmente", "tan", "demasiado"], 0.293
    ),
    **dict.fromkeys(["increíblemente", "extremadamente", "sumamente"], 0.293),
    **dict.fromkeys(["algo", "poco", "ligeramente"], -0.293),
}
_CUES = (
    Cue(
        "waiting",
        re.compile(
            r"\b(?:seguimos|sigo|seguimos sin|todavía|aún|aun) (?:esperando|sin|pend"
            r"ientes?|no)\b[^.,;!?]*"
        ),
        -1.6,
    ),
    Cue(
        "waiting",
        re.compile(rf"\b(?:desde hace|hace|llevamos|lleva|más de|casi) {_DURATION} {_UNIT}\b"),
        -1.2,
    ),
    Cue(
        "waiting",
        re.compile(
            rf"\b(?:tard(?:a|an|ó|aron|ado)|tardando)\b[^.,;!?]{{0,20}}\b(?:una etern"
            rf"idad|demasiado|{_DURATION} {_UNIT})\b"
        ),
        -1.6,
    ),
    Cue(
        "late",
        re.compile(rf"\b{_DURATION} {_UNIT} (?:tarde|de retraso|de demora|vencid[oa]s?)\b"),
        -2.2,
    ),
    Cue("late", re.compile(r"\b(?:demasiado|muy) (?:tarde|lent[oa]s?)\b|\bfuera de plazo\b"), -2.0),
    Cue(
        "chasing",
        re.compile(
            rf"\b(?:por {_ORDINAL} vez|{_ORDINAL} (?:recordatorio|correo|mail|aviso|v"
            rf"ez)|insistir|perseguir|persiguiendo|reclamando)\b"
        ),
        -1.8,
    ),
    Cue(
        "repeated",
        re.compile(
            r"\b(?:otra vez|de nuevo|una vez más|cada semana|cada mes|siempre lo mis"
            r"mo|como siempre)\b"
        ),
        -1.4,
    ),
    Cue(
        "own work",
        re.compile(
            r"\b(?:nosotros mismos|lo hicimos nosotros|por nuestra cuenta|internamen"
            r"te|tuvimos que (?:hacerlo|rehacer|corregir|arreglar|explicar)\w*)\b"
        ),
        -2.0,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:licitación|licitacion|otros proveedores|otro proveedor|rescindir|"
            r"rescisión|penalización\w*|penalizacion\w*|cláusula de salida|alternati"
            r"vas|insourcing|cancelar el contrato)\b"
        ),
        -2.2,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:escalar\w*|escalado al?|dirección general|comité de dirección|cio"
            r"|benchmark\w*|créditos? de servicio)\b"
        ),
        -1.6,
    ),
    Cue(
        "silence",
        re.compile(
            r"\b(?:sin|ninguna|ni una) (?:respuesta|contestación|noticias|feedback|a"
            r"ctualización|novedad(?:es)?|decisión|responsable)\b|\bnadie (?:respond"
            r"e|contesta|dice nada)\b"
        ),
        -1.7,
    ),
    Cue(
        "paralysis",
        re.compile(r"\bnadie (?:se hace cargo|asume|sabe|decide|se responsabiliza)\b"),
        -1.7,
    ),
    Cue(
        "sarcasm",
        re.compile(
            r"\b(?:qué bien|genial,? otra vez|muy bonito|de maravilla,|como siempre,? genial)\b"
        ),
        -2.0,
    ),
    Cue(
        "faint praise",
        re.compile(r"\b(?:más o menos|regular|ahí vamos|mejorable|podría ser mejor)\b"),
        -0.7,
    ),
    Cue(
        "no bad news",
        re.compile(
            rf"\b(?:ning[uú]n[oa]?|cero|0|sin|ni un[oa]?) (?:sol[oa] )?(?:nuev[oa]s? )?{_BAD_THING}"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:por primera vez en|antes de plazo|antes de lo previsto|por debajo"
            r" del presupuesto|todo en verde)\b"
        ),
        1.6,
    ),
    Cue(
        "improvement",
        re.compile(
            r"\b(?:reducid[oa]s?|bajad[oa]s?|ha bajado|han bajado|a la mitad|recorta"
            r"d[oa]|menos (?:incidencias|errores|tickets|quejas))\b"
        ),
        1.6,
    ),
    Cue(
        "heroics",
        re.compile(
            r"\bgracias (?:\w+ ){0,3}(?:esfuerzo|fin de semana|noche|horas extra|madrugada)\b"
        ),
        3.0,
    ),
    Cue("thanks", re.compile(r"\b(?:muchas|mil) gracias\b"), 2.5),
)
_ASK = re.compile(
    r"\?\s*$|¿|^(?:por favor|porfa|recordatorio|aviso|nota|fyi|info|pregunta|"
    r"podéis|podeis|puedes|podrían|podrian|pueden|alguien|quién|quien|cuándo|cuando)\b"
)
_ANNOUNCE = re.compile(
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
    for word, valence in _WORDS.items():
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
        repetition=frozenset({"siempre", "sigue", "siguen", "seguimos"}),
        cues=_CUES,
        ask=_ASK,
        announce=_ANNOUNCE,
    )
