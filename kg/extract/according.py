"""*According to X* and *as reported by X*: the rest of the sentence is what X said.

*The ferry will stop running in May, according to the harbour office*, *As reported by the Island Post,
the pier is closing*, *As stated in the council's letter, …*: the source is the object of *to*, *by* or
*in*; the content is the sentence without the cue phrase.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.sentences import sent_of
from kg.extract.statement import Statement, token_runs, trim


# Whose words these are not: *“…,” she said, according to a translation* is still hers.
GO_BETWEENS = {"translation", "transcript", "interpreter", "interpretation", "translator"}


class AccordingTo:
    """The *according to* and *as reported* rules; need ``text``, ``inside_quote``, ``paragraph_of`` and
    ``named_in_apposition`` from the class they are mixed into."""

    def _according_to(self, according: Token) -> Statement | None:
        to = next(c for c in according.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() in GO_BETWEENS or self.inside_quote(according):
            return None  # not "“Patients are seen according to clinical need,” the board said": its words
        return self._rest_of_sentence(according, self.named_in_apposition(objs[0]) or objs[0])

    def _as_reported(self, cue: Token) -> Statement | None:
        """*As stated in Davis' commentary, there are conflicting stories …*, *As reported by the Times, …*:
        the source is the object of *in*/*by*, the content the rest of the sentence (as *according to*)."""
        source = next((g for p in cue.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by")
                       for g in p.children if g.dep_ == "pobj"), None)
        if source is None or cue.dep_ != "advcl" or self.inside_quote(cue):
            return None
        return self._rest_of_sentence(cue, source)

    def _rest_of_sentence(self, cue: Token, source: Token) -> Statement | None:
        """The sentence without the cue phrase (*according to X*, *as reported by X*) is what ``source`` said:
        the runs of what is left, each without the punctuation at its ends."""
        sent = sent_of(cue)
        skip = {t.i for t in cue.subtree}
        tokens = [t for t in sent if t.i not in skip]
        phrase_end = cue.doc[max(skip)]
        spans: list[tuple[int, int]] = []
        for run in token_runs(tokens):
            if spans and run[0].i == phrase_end.i + 1 and not phrase_end.is_punct and not run[0].is_punct:
                continue  # "…, according to the average kept by the Gazette": the parse cut the source's phrase
            while run and run[-1].is_punct and run[-1].text not in ("”", '"', "’", "»"):
                run = run[:-1]
            while run and run[0].is_punct and run[0].text not in ("“", '"', "‘", "«"):
                run = run[1:]
            if run:
                spans.append(trim(self.text, run[0].idx, run[-1].idx + len(run[-1].text)))
        if len(tokens) < 4 or not spans:
            return None
        return Statement(spans, "indirect", cue, source, sent, self.paragraph_of(spans[0][0]), rule="according")
