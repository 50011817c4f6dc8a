"""Spanish: the words of account chat and general opinion words, and the same cues."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bot.domain.sentiment.foreign import Cue, Figures, LanguageRules

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
    **dict.fromkeys(("tarde", "abierto", "abierta", "solución", "regular"), 0.0),
    **dict.fromkeys(("mejorable", "bah", "meh"), -1.0),
    **dict.fromkeys(("fatal", "nefasto", "chapuza"), -3.0),
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
    **dict.fromkeys(("perfect", "increíbl", "increibl", "encant", "agradec", "felic"), 2.5),
    **dict.fromkeys(("mejor", "resuel", "solucionad", "puntual", "fiabl", "proactiv"), 1.9),
    **dict.fromkeys(("rápid", "rapid", "ágil", "agil", "fluid", "estabilidad"), 1.8),
    **dict.fromkeys(("content", "satisfech", "constructiv", "profesional", "alegr"), 2.0),
    **dict.fromkeys(("amabl", "atent", "útil", "util", "confianz", "orgull", "valios"), 1.6),
    **dict.fromkeys(("arregl", "cumpl", "logr", "ahorr", "benefici", "acert", "aciert"), 1.4),
    **dict.fromkeys(("sólid", "solid", "tranquil", "seren", "fácil", "facil"), 1.2),
    **dict.fromkeys(("éxito", "exito", "exitos", "placer", "genia", "crack", "chapeau"), 2.6),
    **dict.fromkeys(("insatisfech", "inestabl", "inútil", "inutil"), -2.2),
}
_FIGURES = Figures(
    fall=re.compile(
        r"\b(?:baj(?:ó|aron|ado|ada|an|a)|redu(?:jo|jeron|cid[oa]s?|ce|cen)|cay(?:ó|eron)|"
        r"descend\w+|disminu\w+|a la mitad)\b"
    ),
    rise=re.compile(r"\b(?:sub(?:ió|ieron|e|en|ido)|aument\w+|crec(?:e|en|ió|ieron|iendo))\b"),
    more_is_better=re.compile(
        r"\b(?:satisfacci\w+|calidad|nivel de servicio|resoluci\w+|conversi\w+|cumplimiento|"
        r"disponibilidad|exactitud|precisi\w+|nps|csat|ventas|ahorros?|productividad)\b"
    ),
    amount=re.compile(
        r"\d|\b(?:mitad|mucho|bastante|claramente|notablemente|dos|tres|cuatro|cinco|"
        r"seis|diez|seguid[oa]s)\b"
    ),
)
_MORE_CUES = (
    Cue(
        "late",
        re.compile(r"\bno (?:\w+ )?(?:llegó|llegaron|se entregó|salió|estuvo) a tiempo\b"),
        -2.0,
    ),
    Cue(
        "late", re.compile(r"\b(?:lleg\w+|entreg\w+|sal(?:ió|e)) tarde\b|\bmás tarde de lo\b"), -2.0
    ),
    Cue(
        "late",
        re.compile(
            r"\bdespués de (?:la|el) (?:versión|release|cierre|entrega|fecha|plazo)\b|\bnos enteramos\b|\bnos informaron después\b"
        ),
        -1.5,
    ),
    Cue(
        "waiting",
        re.compile(
            r"\b(?:sigue|siguen|seguimos|sigo|todavía|aún)(?: \w+)? (?:abiert[oa]s?|igual|fallando|rot[oa]s?|caíd[oa]s?|sin)\b"
        ),
        -1.6,
    ),
    Cue(
        "waiting",
        re.compile(
            r"\bdesde el (?:lunes|martes|miércoles|jueves|viernes|día \d+|\d+)\b|\bya van \d+\b|\bsin (?:asignar|dueño|responsable)\b|\bdesde hace\b"
        ),
        -1.4,
    ),
    Cue(
        "chasing",
        re.compile(
            r"\b(?:segund|tercer|cuart|quint|sext|séptim)[oa]? (?:vez|día|recordatorio|correo|mail|ping|aviso|caída|go-live|intento|semana|mes|gerente)\b"
        ),
        -1.8,
    ),
    Cue(
        "repeated",
        re.compile(
            r"\b(?:dos|tres|cuatro|cinco|\d+) veces\b|\bvuelven? a (?:\w+ )?(?:empeorar|retrasar|fallar|caer|romper)\w*"
        ),
        -1.5,
    ),
    Cue(
        "careless",
        re.compile(
            r"\bno (?:cuadra|cuadran|coincide|coinciden|encaja)\b|\bsin revisar\b|\bsu arreglo rompió\b"
        ),
        -1.7,
    ),
    Cue(
        "paralysis",
        re.compile(
            r"\bnadie\b(?: \w+){0,3}? (?:cogió|coge|respond\w*|contest\w*|explic\w*|dice|de su|del|lee|revis\w*|prob\w*|se hace|asume|sabe)\b|\bno cambia nada\b"
        ),
        -1.7,
    ),
    Cue(
        "own work",
        re.compile(r"\b(?:a mano|manualmente|nos tocó|tuvimos que (?:\w+ )?\w+)\b"),
        -1.6,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:licit\w*|opciones de salida|comparando precio|comparación con el mercado|internaliz\w*|revertir la externalización|no habrá renovación|plan (?:formal )?de remediación|otro socio|buscar otro)\b"
        ),
        -2.2,
    ),
    Cue("value", re.compile(r"\bpagamos (?:por|un|una)\b"), -1.5),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:han dejado de|dejaron de) quejarse\b|\bya no (?:me preocupa|hay quejas|tenemos)\b|\bsin (?:una sola|ninguna) correcci\w+\b|\bni un solo recargo\b"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:según lo previsto|a tiempo|en plazo|en fecha|antes de (?:tiempo|plazo|lo previsto)|por fin|justo lo que necesitábamos|diferencia visible|mucha confianza|todo en verde)\b"
        ),
        1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\btod[oa]s (?:l[oa]s )?(?:\w+ ){0,3}?(?:cerrad[oa]s|cumplid[oa]s|en verde|resuelt[oa]s|parchead[oa]s|complet[oa]s|a tiempo)\b"
        ),
        1.6,
    ),
)
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
        cues=_MORE_CUES[:2] + _CUES + _MORE_CUES[2:],
        ask=_ASK,
        announce=_ANNOUNCE,
        stems=_STEMS,
        figures=_FIGURES,
    )
