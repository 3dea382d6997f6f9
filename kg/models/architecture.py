"""The network of the cue model, registered with spaCy so a config can name it.

It reads what the pipeline has already computed instead of computing it again: the frozen
``tok2vec`` output that ``en_core_web_sm`` leaves in ``doc.tensor``, and hashed embeddings of the
attributes its tagger, parser, lemmatizer and recogniser set (lemma, tag, dependency label, entity
type). A small window encoder on top lets a token see a few words beyond what the tensor holds.
"""
from __future__ import annotations

from spacy.ml.models.tok2vec import MaxoutWindowEncoder, MultiHashEmbed
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d


@registry.layers("kg.doc_tensor.v1")
def doc_tensor(width: int) -> Model[list[Doc], list[Floats2d]]:
    """``doc.tensor`` as the layer's output: the upstream ``tok2vec`` is frozen, so nothing flows back."""

    def forward(model: Model, docs: list[Doc], is_train: bool):
        out = [model.ops.asarray2f(doc.tensor) if doc.tensor.shape == (len(doc), width)
               else model.ops.alloc2f(len(doc), width) for doc in docs]
        return out, lambda d_out: []

    return Model("doc_tensor", forward, dims={"nO": width})


@registry.architectures("kg.CueTok2Vec.v1")
def cue_tok2vec(tensor_width: int, width: int, attrs: list[str], rows: list[int], depth: int,
                window_size: int) -> Model[list[Doc], list[Floats2d]]:
    """The pipeline's token vectors next to embeddings of the parse, mixed and widened by a window encoder."""
    embed = MultiHashEmbed(width=width, attrs=attrs, rows=rows, include_static_vectors=False)
    mix = Maxout(nO=width, nI=tensor_width + width, nP=3, normalize=True)
    encode = MaxoutWindowEncoder(width=width, window_size=window_size, maxout_pieces=3, depth=depth)
    model: Model = chain(concatenate(doc_tensor(tensor_width), embed), with_array(chain(mix, encode)))
    model.set_dim("nO", width)
    return model
