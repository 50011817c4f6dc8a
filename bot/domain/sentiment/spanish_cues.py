"""Spanish cues of account chat: waiting, chasing, threats, quiet good news, figures."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue, Figures

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

FIGURES = Figures(
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

CUES = (
    Cue(
        "late",
        re.compile(r"\bno (?:\w+ )?(?:llegó|llegaron|se entregó|salió|estuvo) a tiempo\b"),
        -2.0,
    ),
    Cue(
        "late", re.compile(r"\b(?:lleg\w+|entreg\w+|sal(?:ió|e)) tarde\b|\bmás tarde de lo\b"), -2.0
    ),
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
    Cue(
        "late",
        re.compile(
            r"\bdespués de (?:la|el) (?:versión|release|cierre|entrega|fecha|plazo)\b"
            r"|\bnos enteramos\b|\bnos informaron después\b"
        ),
        -1.5,
    ),
    Cue(
        "waiting",
        re.compile(
            r"\b(?:sigue|siguen|seguimos|sigo|todavía|aún)(?: \w+)? (?:abiert[oa]s?|"
            r"igual|fallando|rot[oa]s?|caíd[oa]s?|sin)\b"
        ),
        -1.6,
    ),
    Cue(
        "waiting",
        re.compile(
            r"\bdesde el (?:lunes|martes|miércoles|jueves|viernes|día \d+|\d+)\b|\by"
            r"a van \d+\b|\bsin (?:asignar|dueño|responsable)\b|\bdesde hace\b"
        ),
        -1.4,
    ),
    Cue(
        "chasing",
        re.compile(
            r"\b(?:segund|tercer|cuart|quint|sext|séptim)[oa]? (?:vez|día|recordator"
            r"io|correo|mail|ping|aviso|caída|go-live|intento|semana|mes|gerente)\b"
        ),
        -1.8,
    ),
    Cue(
        "repeated",
        re.compile(
            r"\b(?:dos|tres|cuatro|cinco|\d+) veces\b|\bvuelven? a (?:\w+ )?(?:empeo"
            r"rar|retrasar|fallar|caer|romper)\w*"
        ),
        -1.5,
    ),
    Cue(
        "careless",
        re.compile(
            r"\bno (?:cuadra|cuadran|coincide|coinciden|encaja)\b|\bsin revisar\b|\b"
            r"su arreglo rompió\b"
        ),
        -1.7,
    ),
    Cue(
        "paralysis",
        re.compile(
            r"\bnadie\b(?: \w+){0,3}? (?:cogió|coge|respond\w*|contest\w*|explic\w*|"
            r"dice|de su|del|lee|revis\w*|prob\w*|se hace|asume|sabe)\b|\bno cambia "
            r"nada\b"
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
            r"\b(?:licit\w*|opciones de salida|comparando precio|comparación con el "
            r"mercado|internaliz\w*|revertir la externalización|no habrá renovación|"
            r"plan (?:formal )?de remediación|otro socio|buscar otro)\b"
        ),
        -2.2,
    ),
    Cue("value", re.compile(r"\bpagamos (?:por|un|una)\b"), -1.5),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:han dejado de|dejaron de) quejarse\b|\bya no (?:me preocupa|hay q"
            r"uejas|tenemos)\b|\bsin (?:una sola|ninguna) correcci\w+\b|\bni un solo"
            r" recargo\b"
        ),
        1.8,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:según lo previsto|a tiempo|en plazo|en fecha|antes de (?:tiempo|p"
            r"lazo|lo previsto)|por fin|justo lo que necesitábamos|diferencia visibl"
            r"e|mucha confianza|todo en verde)\b"
        ),
        1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\btod[oa]s (?:l[oa]s )?(?:\w+ ){0,3}?(?:cerrad[oa]s|cumplid[oa]s|en ve"
            r"rde|resuelt[oa]s|parchead[oa]s|complet[oa]s|a tiempo)\b"
        ),
        1.6,
    ),
)

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
