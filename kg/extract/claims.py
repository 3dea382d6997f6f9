"""Nominal claims: a reporting noun whose owner is the speaker and whose *that* clause is the content.

*The union's claim that the ferry was unsafe*, *Brenn's warning that fares would rise*, *claims by the
pilots that …*: the owner (a possessive, also when the parse lost it, or a *by* phrase) speaks; the
reporting nouns are data (``reporting_nouns`` in :mod:`kg.lexicon`). A call, plea or appeal *for*
something (*Hale's call for an inquiry*) reports what was asked for.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.extract.sentences import sent_of
from kg.extract.statement import Statement, clause_span, trim


CALL_NOUNS = frozenset({"call", "plea", "appeal"})  # nouns whose owner asked for something
# nouns of blame and praise: with a plain noun phrase after them, an event (as the verbs of blame are)
BLAME_NOUNS = frozenset({"attack", "criticism", "praise", "condemnation", "rebuke", "denunciation", "blame", "thanks",
                         "commendation", "swipe", "broadside", "tirade", "insult"})
# nouns whose owner said they would do something: the infinitive after them is what they said
INTENT_NOUNS = frozenset({"promise", "pledge", "vow", "threat", "claim"}) | CALL_NOUNS


class ClaimNouns:
    """The nominal-claim rule; needs ``doc``, ``text``, ``quoted`` and ``paragraph_of`` from the class it is
    mixed into."""

    def _claim_noun(self, noun: Token) -> Statement | None:
        """*Tulsa police's earlier claim that Crutcher had refused …*, *his warning that …*."""
        owner = self._owner_of(noun)
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > noun.i
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
        if clause is None and noun.lemma_.lower() in CALL_NOUNS:
            # "Hale's call for a public inquiry": what was called for. Not "his call to ban cars": the small
            # parser seldom finds the verb after such an infinitive, and the content would run on into it.
            clause = next((g for p in noun.rights if p.dep_ == "prep" and p.lower_ == "for" and p.i == noun.i + 1
                           for g in p.children if g.dep_ == "pobj"), None)
        if clause is None and noun.lemma_.lower() in INTENT_NOUNS:
            # "Reid's promise to close the depot", "his pledge to cut fares": what the owner promised
            clause = next((c for c in noun.children if c.dep_ == "acl" and c.left_edge.i == noun.i + 1
                           and c.left_edge.lower_ == "to"), None)
        if owner is None or clause is None:
            return None
        start, end = trim(self.text, *clause_span(clause))
        if end - start < 8:
            return None
        return self._nominal(noun, owner, start, end, "claim")

    def _nominal(self, noun: Token, owner: Token, start: int, end: int, rule: str) -> Statement:
        """The statement a noun cue makes: mixed when it quotes."""
        quoted = any(start <= s < end for s, _ in self.quoted)
        return Statement([(start, end)], "mixed" if quoted else "indirect", noun, owner, sent_of(noun),
                         self.paragraph_of(start), rule=rule)

    def _owner_of(self, noun: Token) -> Token | None:
        """Whose claim: the possessive (also when the parse lost it), or the object of a *by* right after."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            # "police’s earlier claim" misparsed: the word before the possessive ending left of the noun.
            left = noun.i - 1
            while left > 0 and self.doc[left].dep_ in ("amod", "compound", "advmod"):
                left -= 1
            if left > 0 and self.doc[left].lower_ in ("'s", "’s"):
                owner = self.doc[left - 1]
        if owner is None:  # "claims by intelligence agencies that …"
            owner = next((g for p in noun.rights if p.dep_ == "prep" and p.lower_ == "by" and p.i == noun.i + 1
                          for g in p.children if g.dep_ == "pobj"), None)
        return owner

    def _what_follows_noun(self, noun: Token) -> Statement | None:
        """*Hale's attacks on the council's handling of the flood*, *Reid's criticism of the plan*: a noun the cue
        model is sure reports speech, with its owner, and the phrases after it as what was said; a last resort
        for the sieve to judge, like :meth:`_what_follows` for verbs."""
        owner = self._owner_of(noun)
        right = [c for c in noun.rights if c.dep_ in ("prep", "acl") and c.lower_ != "by"]
        if owner is None or not right or right[0].left_edge.i != noun.i + 1:
            return None
        first, last = right[0].left_edge, right[0].right_edge
        if first.dep_ == "prep":
            first = self.doc[first.i + 1]  # "attacks on the plan": the plan, not "on"
        if first.i > last.i:
            return None
        phrase = self.doc[first.i:last.i + 1]
        if noun.lemma_.lower() in BLAME_NOUNS and len(phrase) <= 3 \
                and not any(t.pos_ in ("ADP", "VERB", "AUX") or t.dep_ in ("relcl", "acl") for t in phrase):
            return None  # "Hale's attacks on Reid", "her praise for the staff": an event, as the verbs' are
        start, end = trim(self.text, first.idx, last.idx + len(last.text))
        if end - start < 3 or self._holds_cue([(start, end)]):
            return None
        return self._nominal(noun, owner, start, end, "noun_follows")
