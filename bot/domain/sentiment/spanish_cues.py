"""Spanish cues of account chat: waiting, chasing, careless work, faint praise; with the
threats and the good news, every cue the reader looks for."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue
from bot.domain.sentiment.spanish_figures import DURATION, ORDINAL, UNIT
from bot.domain.sentiment.spanish_good_news import GOOD_NEWS
from bot.domain.sentiment.spanish_threats import THREATS
from bot.domain.sentiment.spanish_words import UNMET_IDIOMS

COMPLAINTS = (
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
        re.compile(rf"\b(?:desde hace|hace|llevamos|lleva|más de|casi) {DURATION} {UNIT}\b"),
        -1.2,
    ),
    Cue(
        "waiting",
        re.compile(
            rf"\b(?:tard(?:a|an|ó|aron|ado)|tardando)\b[^.,;!?]{{0,20}}\b(?:una etern"
            rf"idad|demasiado|{DURATION} {UNIT})\b"
        ),
        -1.6,
    ),
    Cue(
        "late",
        re.compile(rf"\b{DURATION} {UNIT} (?:tarde|de retraso|de demora|vencid[oa]s?)\b"),
        -2.2,
    ),
    Cue("late", re.compile(r"\b(?:demasiado|muy) (?:tarde|lent[oa]s?)\b|\bfuera de plazo\b"), -2.0),
    Cue(
        "chasing",
        re.compile(
            rf"\b(?:por {ORDINAL} vez|{ORDINAL} (?:recordatorio|correo|mail|aviso|v"
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
        "waiting",
        re.compile(r"\besper\w+ (?:todavía|aún)\b|\b(?:todavía|aún) esper\w+"),
        -1.6,
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
            r"(?<!ya no )\b(?:me|nos) preocupa\w*[^.!?]*"
            r"|\bperd\w+ (?:la |toda la )?(?:confianza|fe|paciencia)\b[^.!?]*"
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
    # Not arrived to this day: "hasta hoy no tenemos", "a la fecha nadie", "no ha llegado".
    Cue(
        "waiting",
        re.compile(
            r"\b(?:hasta (?:hoy|ahora|el momento|la fecha)|a la fecha|a estas alturas),? (?:no|n"
            r"adie|nada|ningún|ninguna|sin)\b[^.;!?]*|\bno (?:nos |me )?(?:ha|han)? ?(?:llegado|"
            r"recibido|entregado|enviado|mandado|contestado|respondido)\b"
        ),
        -1.5,
    ),
    *UNMET_IDIOMS,
)

CUES = (*COMPLAINTS, *THREATS, *GOOD_NEWS)
