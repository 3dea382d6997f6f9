"""Reported clauses: *Ada Brenn said the ferry would run again in May.*

A reporting verb with a clausal complement is indirect speech, whatever the parse made of *that*
(:meth:`ReportedClauses._complement`). What the clause holds and where it ends:

- a cue set off by commas splits its clause, and what was said is both sides (*The ferry, Brenn added,
  will need a new crew*), as is a clause an *as* cue hangs on (*As Brenn told the council, the pier is
  unsafe*);
- the clause stops before a conjoined clause that reports speech of its own (*Brenn said the pier was
  unsafe and the mayor replied that …*), before a participle or *with* phrase the writer adds (*…, leaving
  the island cut off*), and before a relative clause on a comma at its end (*…, which opened in 1990*);
- it goes on through a second *that* clause (*said that fares would rise, but that service would
  improve*), a *because* reason hung on the cue, a quotation opened inside it, and a next sentence that
  carries on in reported speech (*… But it would also …*);
- requests name their addressee (*urged the council to act*); *asked not to be named* reports nothing;
- a cue ending a paragraph with a colon (*The mayor added:*) reports the next paragraph.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extract.sentences import sent_of, sentences
from kg.extract.speakers import ADDRESSEE_FIRST
from kg.extract.statement import (Statement, clause_span, end_before, token_runs, trailing_comment,
                                  trailing_participle, trim)

COMPLEMENT_DEPS = ("ccomp",)
CONTRASTING = {"while", "whereas", "although", "though", "but"}
QUESTIONING = {"ask", "wonder", "inquire", "enquire", "question"}  # verbs whose if/whether clause is the question
# "As the Courier reported, …": verbs whose "as" clause attributes the clause it hangs on ("as she spoke" does not).
AS_REPORTED = {"say", "report", "note", "write", "point", "explain", "state", "tell", "claim", "argue", "predict",
               "acknowledge", "admit", "concede", "warn"}
RELATIVES = {"who", "whom", "whose", "which", "that", "what", "where", "when"}
ANONYMITY = {"name", "identify", "quote"}  # "asked not to be named/identified/quoted"
WHEN = ("DATE", "TIME")  # "called on Friday to say …": a time, not whom the call was made to


def withholds_name(verb: Token) -> bool:
    """*not to be named*, *that his name not be used / published*: a source's wish to stay unnamed."""
    negated = any(c.dep_ == "neg" for c in verb.children) and any(c.dep_ == "auxpass" for c in verb.children)
    return negated and (verb.lemma_.lower() in ANONYMITY or any(
        c.dep_ == "nsubjpass" and c.lower_ == "name" and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
        for c in verb.children))


class ReportedClauses:
    """The reported-clause rules; need ``doc``, ``text``, ``index``, ``verbs``, ``quotations``, ``quoted``,
    ``token_at``, ``is_cue``, ``resolver``, ``_object_content`` and ``_description_hung_elsewhere`` from the
    class they are mixed into."""

    def _complement(self, cue: Token) -> list[tuple[int, int]] | None:
        """Character spans of what a cue reports (several when a parenthetical cue splits the clause)."""
        lemma = cue.lemma_.lower()
        that = self._that_after(cue)
        parenthetical = self._between_commas(cue)
        for child in cue.children:
            if child.dep_ in COMPLEMENT_DEPS and child.i > cue.i and not parenthetical:
                subject = self._object_as_subject(cue, child)
                if subject is not None:
                    # "has said single people and families - … - would qualify": the parse made the
                    # clause's subject the verb's object.
                    return [(subject.left_edge.idx, self._reported_clause(child)[1])]
                if not self._near(cue, child):
                    continue
                if that is not None and child.left_edge.i > that.i + 1:
                    break  # the parse lost the clause's start: take the rest of the sentence below
                return [self._reported_clause(child)]
        if that is not None and not parenthetical:
            # "X said that …" whatever the parse: the rest of the sentence.
            end = sent_of(cue)[-1]
            while end.i > that.i and (end.is_punct and end.text not in ("”", '"', "’", "»")):
                end = self.doc[end.i - 1]
            if end.i > that.i + 2:
                return [(self.doc[that.i + 1].idx, end.idx + len(end.text))]
        # "…, contending that …" parsed as the complement of the verb before it.
        for child in cue.head.children if cue.head is not cue else []:
            if child.dep_ in COMPLEMENT_DEPS and child.left_edge.i > cue.i and self._near(cue, child) \
                    and not any(t.i in range(cue.i + 1, child.left_edge.i) and t.pos_ == "VERB" for t in cue.head.subtree):
                return [clause_span(child)]
        for child in cue.children:
            if child.dep_ in COMPLEMENT_DEPS and child.i < cue.i:
                # "The economy is strong, he said." : the clause before the cue.
                return [clause_span(child), *self._reason_after(cue)] if parenthetical else [clause_span(child)]
        before = self._clause_before_conjoined_cue(cue)
        if before is not None:
            return [before]
        if parenthetical:
            # "Though the transition was seamless, he said, replacing her would be hard": two clauses, one
            # on each side of the cue, however the parse hung them; what was said is both.
            sent = sent_of(cue)
            subject = next(c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i)
            left = [t for t in self.doc[sent.start:subject.left_edge.i - 1]]
            end = cue.i + 1
            while self.doc[end].text != ",":
                end += 1
            right = [t for t in self.doc[end + 1:sent.end] if not (t.is_punct and t.i == sent.end - 1)]
            if len(left) >= 3 and len(right) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in left) \
                    and any(t.pos_ in ("VERB", "AUX") for t in right):
                return [(left[0].idx, left[-1].idx + len(left[-1].text)),
                        (right[0].idx, right[-1].idx + len(right[-1].text))]
        if cue.dep_ in ("parataxis", "advcl", "ccomp") and cue.head.i != cue.i and cue.i > cue.head.left_edge.i \
                and any(c.dep_ == "nsubj" for c in cue.children) and cue.head.pos_ in ("VERB", "AUX") \
                and (cue.dep_ == "parataxis" or self.doc[cue.i - 1].text in (",", "—", "–", "(")
                     or any(t.is_punct for t in cue.lefts)
                     or cue.dep_ == "advcl" and lemma in AS_REPORTED and cue.tag_ != "VBG"
                     and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.lefts)):
            # "As the Courier reported, the singer gave …", "The plan, as Ruiz has said, will cost …": the
            # clause the "as" cue hangs on is what was reported.
            # Parenthetical: "The emphasis, he noted, should be on …"; a clause the parse hung on the
            # cue before it ("If this fails, Mr. Castañeda argues, there are …") stays in the content.
            skip = {cue.i}
            for child in cue.children:
                if not (child.i < cue.i and child.dep_ in ("advcl", "ccomp", "xcomp", "prep") and not child.is_punct):
                    skip.update(t.i for t in child.subtree)
            tokens = [t for t in cue.head.subtree if t.i not in skip and not (t.is_punct and t.i + 1 in skip)]
            if len(tokens) >= 4:
                return [(run[0].idx, run[-1].idx + len(run[-1].text)) for run in token_runs(tokens)]
        if lemma in lexicon.cue_class("xcomp"):
            for child in cue.children:
                if child.i > cue.i and (child.dep_ == "xcomp" or child.dep_ == "advcl" and self._to_after_on(cue, child)):
                    if withholds_name(child):
                        return None  # "who asked not to be named": about the reporting, not a statement
                    if cue.tag_ in ("VBD", "VBN") and child.left_edge.i == cue.i + 1 and self.resolver.in_headline(cue):
                        return None  # a headline's passive: "Savers urged to check rates" (savers were urged)
                    start, end = clause_span(child)
                    comment = trailing_participle(child.left_edge, child.right_edge)
                    if comment is not None:
                        end = min(end, trim(self.text, start, end_before(comment))[1])
                    # "urged the administration to act", "called on Obama to act": whom, and what.
                    addressee = next((o for o in cue.rights if o.i < child.i and o.dep_ == "dobj"), None) or next(
                        (g for p in cue.rights if p.i < child.i and p.dep_ == "prep" and p.lower_ in ("on", "upon")
                         for g in p.children if g.dep_ == "pobj" and g.ent_type_ not in WHEN), None)
                    if addressee is not None and lemma in lexicon.cue_class("request"):
                        start = addressee.left_edge.idx
                    elif lemma in lexicon.cue_class("addressed"):
                        break  # "called to say": no addressee, no request
                    return [(start, end)]
        clause = self._clause_hung_on_addressee(cue)
        if clause is not None:
            return [self._reported_clause(clause)]
        if lemma in QUESTIONING:
            # "Asked by Jo Morgan if he would stand again, …": the parse makes the question an adverbial clause
            question = next((c for c in cue.rights if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") and m.i == c.left_edge.i for m in c.children)), None)
            if question is not None:
                return [clause_span(question)]
        frame = lexicon.object_cues().get(lemma)
        if frame is not None:
            return self._object_content(cue, frame)
        answer = next((c for c in cue.rights if c.lower_ in ("yes", "no") and c.i == cue.i + 1), None)
        if answer is not None and lemma in self.verbs:
            return [(answer.idx, answer.idx + len(answer.text))]  # "46 percent of voters said yes": the answer
        return None

    def _clause_before_conjoined_cue(self, cue: Token) -> tuple[int, int] | None:
        """*The plan includes a new bridge, Ann Lee told MPs*: the parse made the cue after the comma a
        conjunct of the clause it reports. Only a cue with its subject right after the comma (not *, and
        Lee said*) and no clause of its own."""
        clause = cue.head
        subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None) or self._description_hung_elsewhere(cue)
        if cue.dep_ != "conj" or clause.i >= cue.i or subject is None or clause.pos_ not in ("VERB", "AUX") \
                or self.doc[subject.left_edge.i - 1].text != "," \
                or any(c.dep_ in ("cc", "ccomp", "xcomp") for c in cue.children) \
                or cue.lemma_.lower() not in self.verbs or cue.tag_ not in ("VBD", "VBZ", "VBP") \
                or any(c.dep_ == "dobj" for c in cue.children) and cue.lemma_.lower() not in ADDRESSEE_FIRST:
            return None  # "cited it as proof": the cue's own object is what was said
        tokens = [t for t in clause.subtree if t.i < subject.left_edge.i - 1]
        if any(self.is_cue(t) for t in tokens if t.pos_ == "VERB"):
            return None  # "fans chanted X, referring to Y, the Tribune reports": the clause reports its own speech
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "mark" and tokens[0].lower_ == "that"):
            tokens = tokens[1:]
        if len(tokens) < 4:
            return None
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    @staticmethod
    def _to_after_on(cue: Token, clause: Token) -> bool:
        """*called on the governor to resign*: the parse may hang the infinitive on the cue as an adverbial
        clause; it is what was asked when it follows the object of *on* or *upon* straight away."""
        return clause.left_edge.lower_ == "to" and any(
            p.dep_ == "prep" and p.lower_ in ("on", "upon") and p.i == cue.i + 1 and p.right_edge.i + 1 == clause.left_edge.i
            and not any(g.ent_type_ in WHEN for g in p.children) for p in cue.rights)

    @staticmethod
    def _clause_hung_on_addressee(cue: Token) -> Token | None:
        """*Hart told the jury he had repaid the money*: the parse made the reported clause a relative clause
        of whoever was told. A clause with a subject of its own (not *who*, *that*, *which*) right after the
        addressee of *tell*, *inform*, *assure* or *remind* is what was told."""
        if cue.lemma_.lower() not in ADDRESSEE_FIRST:
            return None
        for addressee in cue.rights:
            if addressee.dep_ not in ("dobj", "dative"):
                continue
            for clause in addressee.rights:
                subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if clause.dep_ == "relcl" and subject is not None and subject.left_edge.i == clause.left_edge.i \
                        and subject.lower_ not in RELATIVES:
                    return clause
        return None

    def _that_after(self, cue: Token) -> Token | None:
        """The *that* opening a reported clause within a few words after the cue."""
        for token in self.doc[cue.i + 1:min(cue.i + 8, sent_of(cue).end)]:
            if token.lower_ == "that" and token.dep_ in ("nsubj", "dobj") and token.head.dep_ == "relcl":
                return None  # "attacked loopholes that benefit others": a relative pronoun
            if token.lower_ == "that" and token.dep_ in ("mark", "det", "nsubj", "dobj"):
                return token if token.dep_ == "mark" or token.i == cue.i + 1 or self.doc[token.i - 1].pos_ in ("NOUN", "PROPN", "PRON", "ADV", "NUM") else None
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.head.i != cue.i) or token.text in (".", ";", "“", '"'):
                return None
        return None

    def _between_commas(self, cue: Token) -> bool:
        """*…, he added, …*: a cue clause set off by commas inside the clause it reports."""
        subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
        if not subjects:
            return False
        start = subjects[0].left_edge.i
        end = cue.i + 1
        while end < len(self.doc) and self.doc[end].dep_ in ("advmod", "npadvmod") and self.doc[end].head.i == cue.i:
            end += 1
        return start > 0 and self.doc[start - 1].text == "," and end < len(self.doc) and self.doc[end].text == "," \
            and start - 1 > sent_of(cue).start

    def _object_as_subject(self, cue: Token, clause: Token) -> Token | None:
        """The cue's object when it is really the subject of the clause after it (the clause has none)."""
        if cue.lemma_.lower() in lexicon.cue_class("addressee") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                       for c in clause.children):
            return None
        obj = next((o for o in cue.children if o.dep_ == "dobj" and cue.i < o.i < clause.i), None)
        if obj is None or obj.right_edge.i + 1 < clause.left_edge.i - 1 or not self._near(cue, obj):
            return None
        return obj

    def _near(self, cue: Token, clause: Token) -> bool:
        """A complement starts close after its cue (*said on Monday that*, *told reporters that*), or
        after nothing but the cue's own object and adverbials (*told an invited crowd at the Union
        League club that*)."""
        between = [t for t in self.doc[cue.i + 1:clause.left_edge.i] if not t.is_punct]
        if len(between) <= 8:
            return True
        attached = {t.i for c in cue.children if c.dep_ in ("dobj", "dative", "iobj", "prep", "npadvmod", "advmod")
                    and cue.i < c.i < clause.i for t in c.subtree}
        return len(between) <= 20 and all(t.i in attached for t in between)

    def _reported_clause(self, head: Token) -> tuple[int, int]:
        """A complement clause, up to a clause joined to it that reports speech of its own: in *She said
        A, and when pressed, the mother replied B*, B is another statement."""
        start, end = clause_span(head)
        comment = trailing_comment(head)
        if comment is not None:
            end = min(end, trim(self.text, start, end_before(comment))[1])
        for conj in head.rights:
            if self._another_statement(conj):
                last = self.doc[conj.left_edge.i - 1]
                while last.i > head.left_edge.i and (last.is_punct or last.dep_ in ("cc", "advmod", "mark")):
                    last = self.doc[last.i - 1]
                end = min(end, last.idx + len(last.text))
                break
        else:
            # "said that claim smacked of hypocrisy, because Democrats have …": the reason the parse hung
            # on the cue is part of the claim.
            cue = head.head
            second = self._second_that_clause(head)
            if second is not None:
                end = max(end, clause_span(second)[1])
            reason = next((c for c in cue.rights if c.dep_ == "advcl" and c.i > head.right_edge.i and any(
                m.dep_ == "mark" and m.lower_ == "because" for m in c.children)), None)
            if reason is not None and reason.left_edge.i - head.right_edge.i <= 3:
                last = reason.right_edge
                while last.is_punct and last.i > reason.i:
                    last = self.doc[last.i - 1]
                end = max(end, last.idx + len(last.text))
        return start, end

    def _another_statement(self, part: Token) -> bool:
        """A clause hung on a reported clause that reports speech of its own: a conjoined clause with
        its own subject and reporting verb, a *while*/*though* clause with its own speaker, or a
        reporting verb, a verb of thanks or blame, or a participle that belongs with the cue."""
        if part.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in part.children) \
                and not any(c.dep_ == "mark" and c.lower_ == "that" for c in part.children) \
                and any(t.pos_ == "VERB" and t.lemma_.lower() in self.verbs and _in_clause_of(t, part)
                        for t in part.subtree):
            return True  # not "said A and that engineers would assess it once the site was declared safe"
        if part.dep_ == "advcl" and part.lemma_.lower() in self.verbs and any(c.dep_ == "nsubj" for c in part.children) \
                and any(c.dep_ == "mark" and c.lower_ in CONTRASTING for c in part.children):
            return True  # "…, while Hale said the council had failed": another speaker's statement
        if part.dep_ == "conj" and (part.lemma_.lower() in self.verbs or part.lemma_.lower() in lexicon.object_cues()
                                    or part.lemma_.lower() in lexicon.cue_class("blame")) \
                and part.tag_ in ("VBD", "VBZ") \
                and part.tag_ == part.head.head.tag_ and part.head.dep_ == "ccomp" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in part.children) \
                and (any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in part.head.children)
                     or _in_another_form(part)):
            # "She said she regretted the remarks and promised to stay out of it", "says she respects X and
            # calls her Y": a reporting verb (or a verb whose object is what was said) in the cue's own
            # tense, with no subject of its own, after a clause about the speaker (a pronoun) or in another
            # form than the clause's verb (*said the council had given too little warning, and called on
            # the Government to act*), is the speaker's next statement. Not "X announced that Y contacted
            # Z and reiterated …": Y did both.
            return True
        reports = part.lemma_.lower() in self.verbs or part.lemma_.lower() in lexicon.object_cues() \
            and any(c.dep_ == "dobj" for c in part.children)  # "… would drive away the ferries, and called him Y"
        return (part.dep_ == "conj" or part.dep_ == "advcl" and part.tag_ == "VBG") \
            and reports and self._conjoined_with_reported_clause(part)

    def _conjoined_with_reported_clause(self, verb: Token) -> bool:
        """A reporting verb the parse conjoined to a reported clause whose subject cannot speak
        (*the gaps remained "very wide" and warned …*, *the reforms were fair, telling MPs …*): it
        belongs with the cue above that clause."""
        clause = verb.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in self.verbs:
            return False
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or self.index.entity_of(subject) or subject.pos_ in ("PRON", "PROPN"):
            return False
        return subject.lower_ not in lexicon.speaker_nouns() and subject.lemma_.lower() not in lexicon.speaker_nouns() \
            and subject.lemma_.lower() not in lexicon.title_words()

    def _second_that_clause(self, head: Token) -> Token | None:
        """*predicted that rents would rise, but that wages would rise more*: a second *that* clause the
        parse conjoined to the cue instead of to the first one is the same report going on."""
        cue = head.head
        for conj in cue.rights:
            if conj.dep_ != "conj" or conj.i <= head.right_edge.i or conj.left_edge.lower_ != "that":
                continue
            between = self.doc[head.right_edge.i + 1:conj.left_edge.i]
            if len(between) <= 3 and all(t.is_punct or t.dep_ == "cc" for t in between):
                return conj
        return None

    def _reason_after(self, cue: Token) -> list[tuple[int, int]]:
        """*She was not surprised that X, her aides said, because Y*: a cue set off by commas inside the
        sentence it reports; the reason after it, which the parse hung on the cue, is the rest of the report."""
        for child in cue.rights:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("because", "since", "although", "though")
                                             for m in child.children):
                return [clause_span(child)]
        return []

    def _without_aside(self, start: int, end: int) -> tuple[int, int]:
        """*said he backs the bill, which includes new funds*: a relative clause set off by a comma at the
        end of the content describes a person or thing for the reader; the writer adds it, the speaker
        did not say it. (An apposition is kept: after a comma it is as often the next item of a list.)"""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 6:
            return start, end
        last = span[-1]
        for token in span[3:]:
            if token.dep_ == "relcl" and token.left_edge.i > span.start + 2 \
                    and self.doc[token.left_edge.i - 1].text == "," and token.right_edge.i >= last.i - 1 \
                    and token.left_edge.lower_ in ("who", "which", "where", "when", "whose"):
                return trim(self.text, start, self.doc[token.left_edge.i - 1].idx)
        return start, end

    def _through_quotation(self, start: int, end: int) -> tuple[int, int]:
        """*said he would “bomb them into oblivion. I don't know if …”*: a quotation opened inside the
        reported clause is the speaker's words to its close (within the paragraph), past the sentence
        end where the parse stopped the clause."""
        for quotation in self.quotations:
            first_start, first_end = quotation.segments[0]
            if start < first_start < end < first_end:
                return start, first_end
        return start, end

    def _block_after_colon(self, cue: Token) -> list[tuple[int, int]] | None:
        """*The governor added:* ending a paragraph: the next paragraph is what was said."""
        sent = sent_of(cue)
        tail = [t for t in sent if t.i > cue.i and not t.is_space]
        if not tail or tail[-1].text != ":" or len(tail) > 3:
            return None
        end_of_line = self.text.find("\n", tail[-1].idx)
        if end_of_line < 0 or self.text[tail[-1].idx + 1:end_of_line].strip():
            return None
        start = end_of_line
        while start < len(self.text) and self.text[start].isspace():
            start += 1
        if start >= len(self.text) or self.text[start] in lexicon.quote_marks():
            return None  # a quotation: the direct-quote pass takes it
        end = self.text.find("\n", start)
        end = len(self.text) if end < 0 else end
        return [(start, end)] if end - start > 10 else None

    def _continue_reported(self, found: list[Statement]) -> None:
        """*The museum, Mr. Obama said, would make visitors face hard truths. But it would also capture …*:
        a next sentence in the paragraph that goes on in reported speech (a conjunction, a pronoun, a
        modal, no cue and no quotation of its own) is the same statement."""
        sents, number = sentences(self.doc)
        taken = [(s, e) for st in found for s, e in st.content_spans]
        for statement in found:
            if statement.kind == "direct" or statement.cue is None:
                continue
            end = statement.content_spans[-1][1]
            last = self.token_at(max(0, end - 1))
            if last is None or number[last.i] + 1 >= len(sents):
                continue
            sent, after = sents[number[last.i]], sents[number[last.i] + 1]
            if self.text[end:sent.end_char].strip(" .\"”’'") or "\n" in self.text[sent.end_char:after.start_char] \
                    or "\n" in sent.text_with_ws[-1:]:
                continue
            words = [t for t in after if not t.is_punct]
            if len(words) < 5 or words[0].lower_ not in ("but", "and", "yet", "still") \
                    or words[1].lower_ not in ("it", "he", "she", "they", "that", "this", "we") \
                    or not any(t.lower_ in ("would", "could", "might", "will", "should", "must") for t in words[1:4]) \
                    or any(self.is_cue(t) for t in after) \
                    or any(s < after.end_char and after.start_char < e for s, e in self.quoted + taken):
                continue
            stop = after[-1] if not after[-1].is_punct else self.doc[after[-1].i - 1]
            statement.content_spans.append((after.start_char, stop.idx + len(stop.text)))
            taken.append(statement.content_spans[-1])


def _in_another_form(verb: Token) -> bool:
    """*said Budapest was holding the union hostage and called on …*, *said the council had given too little
    warning, and called on …*: a verb conjoined to a reported clause in another form than the clause's verb;
    after a perfect (*had lied … and claimed*) only when a comma or *but* sets it off."""
    clause = verb.head
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children)
    conjunction = next((c for c in clause.children if c.dep_ == "cc" and c.i < verb.i), None)
    set_off = conjunction is not None and (verb.doc[conjunction.i - 1].text == "," or conjunction.lower_ == "but")
    return verb.tag_ != clause.tag_ and (set_off or not perfect)


def _in_clause_of(verb: Token, clause: Token) -> bool:
    """``verb`` is the clause's own verb, or one it goes on with (*and the mother went on to say*), not a verb
    of a clause inside it (*once the site was declared safe*, *when the company reports*)."""
    while verb.i != clause.i:
        if verb.dep_ not in ("xcomp", "conj", "aux") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return True
