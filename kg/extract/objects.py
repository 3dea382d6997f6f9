"""What an object is called or blamed for, and passives with *by*: a verb whose object is what was said.

*Brenn called the new timetable “a disgrace”*: the object and what it is called; *Brenn spoke about the
crossing* and *called for a review*: the object of the cue's preposition (the prepositions per verb are
data, ``object_cues`` in :mod:`kg.lexicon`); *The timetable was called a disgrace by the union*: the
subject and what it was called, the agent speaks. A person alone (*praised Brenn*) is no statement, nor
is a verb of blame or praise with a plain noun phrase as its object (*criticised the plan*): that is an event
(:mod:`kg.extract.events`).
"""
from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extract.statement import clause_span, end_before, trailing_participle, trim


class ObjectContent:
    """The rules for a cue's object as its content; need ``doc`` and ``index`` from the class they are
    mixed into."""

    def _object_content(self, cue: Token, preps: frozenset[str], generous: bool = False) -> list[tuple[int, int]] | None:
        """*called Obamacare a “crazy system”*, *called for the repeal*, *spoke about her ties*.

        ``generous``: a single word or a person will do too (*said it*, *thanked the mayor*), for the sieve
        (:mod:`kg.extract.sieve`) to judge; a verb of blame with a plain noun phrase still is no statement."""
        least = 1 if generous else 2
        passive = self._passive_object(cue, preps)
        if passive is not None:
            return passive
        for child in cue.rights:
            if child.dep_ == "prep" and child.lower_ in preps - {"as"}:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs and len(list(objs[0].subtree)) >= least and not _only_when(objs[0]):
                    start, end = clause_span(objs[0])
                    # "called for the minister to resign", the infinitive hung on the cue: both are what was called for
                    more = next((c for c in cue.rights if c.dep_ in ("advcl", "xcomp") and c.left_edge.lower_ == "to"
                                 and c.left_edge.i == objs[0].right_edge.i + 1), None) if child.lower_ == "for" else None
                    return [(start, clause_span(more)[1] if more is not None else end)]
            if child.dep_ == "advcl" and "for" in preps and child.left_edge.i == cue.i + 1 \
                    and child.left_edge.dep_ == "mark" and child.left_edge.lower_ == "for":
                # "called for the election to be held": the parse makes the for-clause an adverbial one
                return [(self.doc[cue.i + 2].idx, clause_span(child)[1])]
        for child in cue.rights:
            # What the object is called or taken for ("called Burma a success", "described Clinton as a
            # disgrace") makes even a name or a single word a statement; without it, a person is not one.
            predicated = any(more.i > child.i and (more.dep_ in ("oprd", "xcomp", "ccomp")
                                                   or more.dep_ == "prep" and more.lower_ == "as" and "as" in preps
                                                   or more.dep_ == "prep" and more.lower_ == "for"
                                                   and cue.lemma_.lower() in lexicon.cue_class("blame"))
                             for more in cue.rights)
            gerund = child.dep_ in ("xcomp", "dobj") and child.tag_ == "VBG"  # "reported spending $1.8 million"
            if generous and child.dep_ == "dobj" and not predicated and not gerund \
                    and cue.lemma_.lower() in lexicon.cue_class("addressee"):
                continue  # "addressed the union", "told reporters": whom it was said to, not what
            if (child.dep_ in ("dobj", "ccomp") or gerund) and child.pos_ in ("NOUN", "PROPN", "VERB", "NUM", "PRON") \
                    and (predicated or len(list(child.subtree)) >= least and (generous or not self._is_person(child))
                         and not self._plain_object_of_blame(cue, child)):
                # The object and what follows it without a break: "a hoax perpetrated by China",
                # "his irritation regarding speculation …" (a comma ends it).
                first, last = child.left_edge, child.right_edge
                for inner in child.rights:  # "the launch as Pyongyang fired …", however the parse hung it
                    if inner.dep_ == "advcl" and any(c.dep_ == "mark" for c in inner.children if c.i < inner.i):
                        last = self.doc[max(first.i, inner.left_edge.i - 1)]
                        break
                for more in cue.rights:
                    if more.i > last.i and more.left_edge.i == last.i + 1 and \
                            more.dep_ in ("oprd", "xcomp", "ccomp", "prep", "advcl") and \
                            not any(c.dep_ == "mark" for c in more.children if c.i < more.i):
                        last = more.right_edge  # not "… as Pyongyang fired three missiles": another event
                last = _without_trailing_punctuation(first, last)
                comment = trailing_participle(first, last)
                if comment is not None:
                    return [trim(self.text, first.idx, end_before(comment))]
                return [(first.idx, last.idx + len(last.text))]
        return None

    def _what_follows(self, cue: Token) -> list[tuple[int, int]] | None:
        """The phrases the parse hung on the cue after it (its objects, complements and adverbials, not its
        subject, its agent, whom it was told to, or a conjoined verb): a last resort when no rule knows the
        construction. Not a person alone, nor a plain noun phrase after a verb of blame (an event,
        :mod:`kg.extract.events`)."""
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
            return None  # a passive ("residents were urged to check"): its subject was told, and told nothing
        # "told reporters": whom it was told, not what ("told reporters a different story", "told a story": the story)
        addressee = cue.lemma_.lower() in lexicon.cue_class("addressee") \
            and not any(c.dep_ == "dative" for c in cue.children)
        right: list[Token] = []
        reached = None  # the last word of what was read after the cue, a time skipped included
        for child in cue.rights:
            if child.dep_ in FOLLOWS_SKIPPED or child.dep_ == "dative" or addressee and child.dep_ == "dobj" and (
                    self._is_person(child) or child.pos_ == "PRON" or child.tag_ in ("NNS", "NNPS")
                    or child.lemma_.lower() in lexicon.speaker_nouns()):
                continue
            if reached is not None and child.left_edge.i != reached + 1:
                break  # a comma or another phrase between: what follows is no longer the cue's
            reached = child.right_edge.i
            if child.dep_ == "prep" and _only_when(child):
                continue  # "described on Tuesday night …": when it was said
            right.append(child)
        if not right:
            return None
        first = right[0].left_edge
        last = _without_trailing_punctuation(first, right[-1].right_edge)
        if len(right) == 1 and (self._is_person(right[0]) or self._plain_object_of_blame(cue, right[0])):
            return None
        if all(t.is_punct or t.pos_ in ("ADP", "DET") or t.ent_type_ in ("DATE", "TIME") for t in self.doc[first.i:last.i + 1]):
            return None  # "told the residents on Monday": when, not what
        span = (first.idx, last.idx + len(last.text))
        if all(_where_it_was_said(child) for child in right) and not any(0 <= s - span[1] <= 4 for s, _ in self.quoted):
            return None  # "told reporters at a news conference": where, not what (unless a quotation follows)
        if self._holds_cue([span]):
            return None  # another cue inside reports it
        return [span]

    @staticmethod
    def _plain_object_of_blame(cue: Token, obj: Token) -> bool:
        """*criticised the plan*, *praised the new staff*: a verb of blame or praise with a plain noun phrase
        as its object is an event between the two (kg/extract/events.py), not a statement; *criticised the
        council's handling of the flood* says something of what was said."""
        return cue.lemma_.lower() in lexicon.cue_class("blame") and obj.pos_ in ("NOUN", "PROPN") \
            and len(list(obj.subtree)) <= 3 \
            and not any(t.pos_ in ("ADP", "VERB", "AUX") or t.dep_ in ("relcl", "acl") for t in obj.subtree)

    def _passive_object(self, cue: Token, preps: frozenset[str]) -> list[tuple[int, int]] | None:
        """*Oz has been called a charlatan by fellow physicians*: the subject and what it was called; the
        speaker is the agent. Only with a *by* phrase: without one there is nobody to quote."""
        subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
        if subject is None or not any(c.dep_ == "agent" for c in cue.children):
            return None
        said = [c for c in cue.rights if c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"
                                                                          and "as" in preps)]
        if not said and (self._is_person(subject) or len(list(subject.subtree)) < 2):
            return None  # "Oz was attacked by doctors": a person alone is no statement
        spans = [(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))]
        for part in said:
            spans.append((part.left_edge.idx, part.right_edge.idx + len(part.right_edge.text)))
        return spans

    def _is_person(self, token: Token) -> bool:
        key = self.index.entity_of(token)
        return bool(key) and self.index.entities[key].kind == "PERSON" and len(list(token.subtree)) <= 3


# what does not belong to what a cue reports: its subject, a verb conjoined to it, words around the clause
FOLLOWS_SKIPPED = frozenset({"punct", "cc", "conj", "nsubj", "advmod", "npadvmod", "mark", "aux", "neg", "prt",
                             "agent"})
# where something is said, after "at", "during", "in" or "on": never what was said
OCCASIONS = frozenset({"conference", "briefing", "rally", "debate", "meeting", "hearing", "interview", "statement",
                       "show", "event", "appearance", "session", "court", "trial", "speech", "tweet", "post"})


def _without_trailing_punctuation(first: Token, last: Token) -> Token:
    """The last word of a phrase, a closing quotation mark kept (*a “crazy system”*)."""
    while last.is_punct and last.i > first.i and last.text not in ("”", '"', "’", "»"):
        last = last.doc[last.i - 1]
    return last


def _only_when(phrase: Token) -> bool:
    """*spoke on Monday*, *wrote in March 2019*: the preposition's object is a time, not a topic."""
    words = [t for t in phrase.subtree if not t.is_punct]
    return all(t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("DET", "ADP") for t in words)


def _where_it_was_said(phrase: Token) -> bool:
    """*at a news conference*, *during the trial*, *in a statement*: a phrase that sets the scene."""
    if phrase.dep_ != "prep":
        return False
    place = next((c for c in phrase.children if c.dep_ == "pobj"), None)
    if place is None or place.lemma_.lower() == "length" or any(t.pos_ in ("VERB", "AUX") for t in phrase.subtree):
        return False  # "spoke at length about …"; "said in an interview I'm starting to …" (the parse hung it there)
    return phrase.lower_ in ("at", "during") or phrase.lower_ in ("in", "on") and place.lemma_.lower() in OCCASIONS
