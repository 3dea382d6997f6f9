"""The trained parts of the pipeline, shipped inside the package and loaded once with spaCy.

Two models, each with its model card beside its weights: ``cues``, a span categorizer over single tokens
that scores whether a word reports speech where it stands (*said*, *vowed*, *told*; not *told to
wait*), and ``statements``, the sieve of :mod:`kg.extract.sieve`, a logistic model that says whether a
candidate statement the rules propose is one. The statement rules (:mod:`kg.extract.quotes`) read the
cue scores through :mod:`kg.extract.cues`. The cue model was trained on ``en_core_web_sm``'s own token
vectors, so it is added only to that pipeline, and the sieve works only with it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from spacy.language import Language

from kg.extract.cues import CUE_SPANS
from kg.extract.sieve import SieveFileError, sieve_for
from kg.nlp import ModelError

CUE_MODEL = Path(__file__).parent / "cues"
RULES_ONLY_ENV = "KG_RULES_ONLY"  # set to 1: statements from the rules alone, without the cue model
MODEL_DIR_ENV = "KG_CUE_MODEL"  # another directory of cue model weights (``make train --out``)


class ModelFileError(ModelError):
    """A shipped model's files are missing or unreadable."""


def read_meta(path: Path) -> dict:
    try:
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelFileError(f"cue model {path}: cannot read meta.json ({err.__class__.__name__}); "
                             f"rebuild it with `make train` or run with {RULES_ONLY_ENV}=1") from None


def add_cue_model(nlp: Language, pipeline: str, path: Path | None = None) -> bool:
    """Add the cue model to ``nlp`` when it was trained on this pipeline; False when it does not apply.

    A missing or damaged model directory is one :class:`ModelFileError` naming it, never a traceback."""
    if os.environ.get(RULES_ONLY_ENV, "") not in ("", "0") or not nlp.has_pipe("tok2vec"):
        return False
    path = path or Path(os.environ.get(MODEL_DIR_ENV) or CUE_MODEL)
    meta = read_meta(path)
    if meta.get("pipeline") != pipeline:
        return False  # trained on another pipeline's token vectors: they mean nothing to it
    import kg.models.architecture  # noqa: F401  (registers the network with spaCy)
    try:
        pipe = nlp.add_pipe("spancat", name=CUE_SPANS, config=meta["component"])  # the spancat settings it was trained with
        pipe.from_disk(path / "spancat", exclude=["vocab"])
    except Exception as err:  # spaCy and thinc raise many kinds on a damaged file
        if nlp.has_pipe(CUE_SPANS):
            nlp.remove_pipe(CUE_SPANS)
        raise ModelFileError(f"cue model {path}: cannot load its weights ({err.__class__.__name__}); "
                             f"rebuild it with `make train` or run with {RULES_ONLY_ENV}=1") from None
    try:
        sieve_for({})  # the statement sieve goes with the cue model: read it now, not mid-build
    except SieveFileError as err:
        nlp.remove_pipe(CUE_SPANS)
        raise ModelFileError(str(err)) from None
    return True
