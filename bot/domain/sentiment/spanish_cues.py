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
    r"incumplimientos?|tickets? abiertos?|reclamos?|observaci\w+|discrepancias?|descuadres?|"
    r"hallazgos?|recargos?|multas?|diferencias|faltantes?)"
)

_NUMBER = r"(?<![\w.,])(?:\d+(?:[.,']\d+)*|un[oa]?|dos|tres|cuatro|cinco|seis|diez|doce)"
_FIGURE_UNIT = r"(?:%|(?:por ciento|minutos?|min|horas?|h|días?|dias?|semanas?|mes(?:es)?)(?!\w))"
_MINUTES = {
    **dict.fromkeys(("minuto", "minutos", "min"), 1.0),
    **dict.fromkeys(("hora", "horas", "h"), 60.0),
    **dict.fromkeys(("día", "días", "dia", "dias"), 1440.0),
    **dict.fromkeys(("semana", "semanas"), 10080.0),
    **dict.fromkeys(("mes", "meses"), 43200.0),
}
_NUMBERS = {
    **dict.fromkeys(("un", "uno", "una"), 1.0),
    **{"dos": 2.0, "tres": 3.0, "cuatro": 4.0, "cinco": 5.0, "seis": 6.0, "diez": 10.0},
    "doce": 12.0,
}

FIGURES = Figures(
    fall=re.compile(
        r"\b(?:(?<!de )baj(?:ó|aron|ado|ada|an|a)|más baj[oa]|mínimo|"
        r"redu(?:jo|jeron|cid[oa]s?|ce|cen)|cay(?:ó|eron)|"
        r"descend\w+|disminu\w+|a la mitad(?! de))\b"
    ),
    rise=re.compile(
        r"\b(?:sub(?:ió|ieron|e|en|ido)|aument\w+|crec(?:e|en|ió|ieron|iendo)|dispar\w+|"
        r"más alt[oa]|máximo|récord)\b"
    ),
    # "tiempo de resolución" is a time: shorter is better.
    more_is_better=re.compile(
        r"\b(?:satisfacci\w+|calidad|nivel de servicio|(?<!tiempo de )(?<!tiempos de )"
        r"resoluci\w+|conversi\w+|cumplimiento|"
        r"disponibilidad|exactitud|precisi\w+|nps|csat|otif|ventas|ahorros?|productividad)\b"
    ),
    amount=re.compile(
        r"\d|\b(?:mitad|mucho|bastante|claramente|notablemente|dos|tres|cuatro|cinco|"
        r"seis|diez|seguid[oa]s)\b"
    ),
    compared=re.compile(
        rf"(?P<now>{_NUMBER}) ?(?P<now_unit>{_FIGURE_UNIT})?,? (?:en lugar de|en vez de|frente a|"
        rf"contra|(?:el |la )?(?:objetivo|meta)(?: es| era| está en)?|antes|el mes pasado|"
        rf"el anterior):? (?:en |de |el |del )?(?P<then>{_NUMBER}) ?(?P<then_unit>{_FIGURE_UNIT})?"
    ),
    less_is_better=re.compile(
        rf"\b(?:{_BAD_THING}|abandono|rotación|rotacion|tmo|aht|espera|costes?|costos?|backlog|"
        rf"tiempos?)\b"
    ),
    minutes=_MINUTES,
    numbers=_NUMBERS,
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
            r"\b(?:licitación|licitacion|otros (?:\w+ )?proveedores|otro proveedor|rescindir|"
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
            r"\b(?:reducid[oa]s?|bajad[oa]s?|ha bajado|han bajado|a la mitad(?! de)|recorta"
            r"d[oa]|menos (?:incidencias|errores|tickets|quejas))\b"
        ),
        1.6,
    ),
    # Thanks beside what it cost them claim the sentence: what they fixed is no complaint.
    Cue(
        "heroics",
        re.compile(
            r"\b(?:gracias|agradec\w*)\b[^.!?]{0,60}?\b(?:esfuerzo|fin de semana|noche|"
            r"medianoche|horas extra|madrugada|sábado|domingo|feriado|festivo)\b[^.!?]*"
        ),
        3.0,
    ),
    Cue("thanks", re.compile(r"\b(?:muchas|mil) gracias\b"), 2.5),
    Cue(
        "late",
        re.compile(
            r"\bdespués de (?:la|el) (?:versión|release|cierre|entrega|fecha|plazo)\b"
            r"|\bnos enter(?:amos|emos|aron)\b|\bnos informaron después\b"
        ),
        -1.5,
    ),
    Cue(
        "waiting",
        re.compile(
            r"\b(?:sigue|siguen|seguimos|sigo|todavía|aún)(?: \w+){0,3}? (?:abiert[oa]s?|"
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
        "careless",
        re.compile(
            r"\bcambi\w+ (?:\w+ ){0,2}?(?:requisitos|requerimientos|alcance|especificaci\w+|cr"
            r"iterios)\b|\b(?:horas|cargos|conceptos|partidas|servicios) que (?:nunca|no) (?:\w"
            r"+ )?(?:aprobamos|autorizamos|pedimos|solicitamos|contratamos)\b"
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
        "careless",
        re.compile(r"\bsin (?:avisar(?:nos)?|consultar(?:nos)?|decirnos nada|preguntar(?:nos)?)\b"),
        -1.7,
    ),
    Cue(
        "shortfall",
        re.compile(
            r"\bsolo (?:la mitad|un tercio|una parte|\d+ de \d+)\b|\bde (?:los |las )?\d+\b"
            r"[^.!?]{0,40}\b(?:solo|solamente|apenas) \d+\b[^.!?]*"
        ),
        -1.6,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:detect\w+|encontr\w+|corrigi\w+|resolvi\w+) (?:\w+ ){0,2}?antes (?:de )?que\b"
            r"[^.!?]*|\bdentro del plazo\b"
        ),
        1.8,
    ),
    Cue(
        "waiting",
        re.compile(r"\besper\w+ (?:todavía|aún)\b|\b(?:todavía|aún) esper\w+"),
        -1.6,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:de no|si no)\b[^.!?]{0,60}\b(?:elevad\w+|escal\w+|aplicaremos|comité|direcc"
            r"ión|penalizaci\w+)\b[^.!?]*|\belev\w+ al? (?:comité|dirección|gerencia|cio)\b"
        ),
        -2.2,
    ),
    Cue(
        "careless",
        re.compile(r"\bsin (?:la |una )?(?:aprobación|autorización|validación|aprobar)\b"),
        -1.7,
    ),
    Cue(
        "faint praise",
        re.compile(r"\bhay (?:mucho|bastante) (?:que|por) (?:pulir|mejorar|corregir|hacer)\b"),
        -1.2,
    ),
    Cue(
        "value",
        re.compile(
            r"\b(?:senior\w*|expert[oa]s?|experimentad[oa]s?)\b[^.!?]{0,60}\b(?:practicantes?|b"
            r"ecari[oa]s?|juniors?|trainees?)\b"
        ),
        -1.8,
    ),
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
    Cue(
        "no bad news",
        re.compile(
            r"\bsin que (?:nadie |nosotros )?(?:tuviéramos|tengamos|hayamos tenido|hubiéramos t"
            r"enido) que \w+|\bsin tener que (?:pedir|reclamar|insistir|recordar|perseguir)\w*"
        ),
        1.8,
    ),
    Cue(
        "waiting",
        re.compile(
            r"\b(?:prometi\w+|nos comprometieron|se comprometieron)\b|\b(?:solicitud|petición|p"
            r"edido|consulta|caso)\w* (?:es|está|data) (?:del|desde el) \d"
        ),
        -1.4,
    ),
    Cue(
        "silence",
        re.compile(
            r"\bno (?:\w+ )?(?:recib\w+|ha llegado|han llegado|llegó|llegaron|tenemos noticias)\b"
        ),
        -1.5,
    ),
    Cue(
        "threat",
        re.compile(
            r"\b(?:abr\w+|lanz\w+|convoc\w+) (?:un |una |el |la )?concurso\b|\brevis\w+ (?:el"
            r"|del) contrato\b|\bcambiar de (?:proveedor|operador|consultora|empresa|socio)\b|"
            r"\botr[oa]s? (?:\w+ )?(?:consultoras?|operador(?:es)?|empresas)\b|\bsi (?:esto|es"
            r"ta situación) sigue así\b"
        ),
        -2.2,
    ),
    Cue(
        "no bad news",
        re.compile(
            r"\b(?:quejas?|reclam\w+|incidencias?|errores|problemas?|alertas?|alarmas?)\b"
            r"[^.!?]{0,40}\bdesaparec\w+|\b(?:ning[uú]n[oa]?|cero|sin) (?:alertas?|alarmas?)\b"
        ),
        1.8,
    ),
    Cue(
        "silence",
        re.compile(
            r"\bsin (?:ninguna |ningún |previo )?(?:explicación|justificación|aviso)\b|\b(?:casi"
            r" )?nunca (?:contestan|responden|resuelven|cumplen)\b|\brara vez (?:contestan|respon"
            r"den|resuelven|cumplen)\b"
        ),
        -1.7,
    ),
    Cue(
        "worry",
        re.compile(
            r"\b(?:me|nos) preocupa\w*[^.!?]*|\bperd\w+ (?:la |toda la )?(?:confianza|fe|pacie"
            r"ncia)\b[^.!?]*"
        ),
        -2.0,
    ),
    Cue(
        "unmet",
        re.compile(
            r"\besperaba(?:mos)? (?:\w+ )?más\b[^.!?]*|\bno debería (?:hacer falta|ser necesari"
            r"[oa])\b[^.!?]*"
        ),
        -1.6,
    ),
    Cue(
        "repeated",
        re.compile(
            r"\b(?:tres|cuatro|cinco|seis|\d+) (?:gerentes|responsables|jefes|interlocutores|a"
            r"ccount managers)\b[^.!?]{0,30}\ben (?:\w+ )?(?:meses|años|semanas)\b"
        ),
        -1.6,
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
