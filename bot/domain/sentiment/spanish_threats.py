"""Spanish threats of account chat: tenders, exit clauses, escalation to the top."""

from __future__ import annotations

import re

from bot.domain.sentiment.foreign import Cue

THREATS = (
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
        "threat",
        re.compile(
            r"\b(?:licit\w*|opciones de salida|comparando precio|comparación con el "
            r"mercado|internaliz\w*|revertir la externalización|no habrá renovación|"
            r"plan (?:formal )?de remediación|otro socio|buscar otro)\b"
        ),
        -2.2,
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
        "threat",
        re.compile(
            r"\b(?:abr\w+|lanz\w+|convoc\w+) (?:un |una |el |la )?concurso\b|\brevis\w+ (?:el"
            r"|del) contrato\b|\bcambiar de (?:proveedor|operador|consultora|empresa|socio)\b|"
            r"\botr[oa]s? (?:\w+ )?(?:consultoras?|operador(?:es)?|empresas)\b|\bsi (?:esto|es"
            r"ta situación) sigue así\b"
        ),
        -2.2,
    ),
)
