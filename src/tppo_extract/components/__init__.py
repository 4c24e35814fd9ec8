"""The pipeline stages, one module each; importing this package registers every ``tppo_*`` factory."""

from . import (  # noqa: F401
    actions,
    agencies,
    dateline,
    dates,
    model_entities,
    persons,
    places,
    quotes,
    sentences,
    stanza_syntax,
    upos,
    zoning,
)
