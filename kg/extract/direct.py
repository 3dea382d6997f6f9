"""Direct quotations: *“We are not finished,” said Mara Lind, the club's coach.*

A quotation is tied to the reporting verb next to it, after it (*“…,” she said*, *said Ms. Lind*) or
before it (*Lind said: “…”*): :meth:`DirectQuotations.cue_near`. With a cue, a word or two in quotation
marks is a statement only as a whole utterance (*“No,” she said*), not as a label; without one, a
quotation is a statement when it opens its paragraph and has four words or more; a short title in
title case (*“The Long Winter”*) is none (:meth:`~DirectQuotations.is_statement_quote`).

A quotation that is only part of the clause its cue reports makes the whole clause one mixed statement
(*Lind said the draw was “a fair result” and the team would rest*): :meth:`~DirectQuotations._clause_around`.
What goes on with a statement: a quotation with no cue of its own right after a direct one in the
paragraph (*“We played well,” Lind said. “We will win the next one.”*), and one right after a reported
statement's cue (*The season may be lost, Lind said. “We have no time left.”*), which makes it mixed.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg import lexicon
from kg.extract.quotations import Quotation
from kg.extract.sentences import sent_of
from kg.extract.statement import Statement, trailing_comment, trim

MIN_WORDS_WITHOUT_CUE = 4
LABEL = re.compile(r"(?:\A|[.!?”\"’]\s+|\n\s*|\s[-–—]\s*)(?P<who>(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w'’-]*)\s*:\Z")
# Nouns for someone's words, besides the reporting nouns: "Her verdict is simple: “…”".
WORDS_NOUNS = {"verdict", "response", "reply", "answer", "advice", "message", "view", "reaction", "explanation",
               "assessment", "words", "question", "retort", "conclusion", "instruction", "motto", "mantra", "summary"}
MINOR_WORDS = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "is", "it", "from"}


class DirectQuotations:
    """The direct-quotation rules; need ``doc``, ``text``, ``quotations``, ``quoted``, ``paragraph_starts``,
    ``paragraph_of``, ``token_at``, ``index``, ``is_cue`` and ``_complement`` from the class they are mixed into."""

    def cue_near(self, quotation: Quotation) -> tuple[Token | None, str]:
        """The reporting verb outside a quotation that introduces it: after it, or before it."""
        end_token = self.token_at(quotation.end)
        start_token = self.token_at(max(0, quotation.start - 1))
        if end_token is not None:
            sent = sent_of(end_token)
            tokens = list(sent)
            if sent.end < len(self.doc) and sent.end_char <= quotation.end + 2 \
                    and self.text[quotation.start:quotation.end].rstrip()[-1:] in ("?", "!"):
                # "“You think I am going to change?” Hale asked reporters.": the parser ends the sentence
                # at the question mark; the cue opens the next one.
                after = sent_of(self.doc[sent.end])
                tokens += [t for t in after[:4] if not any(c.dep_ in ("ccomp", "xcomp") for c in t.children)]
                sent = self.doc[sent.start:after.end]
            stop = self._next_quote_start(quotation.end, sent.end_char)
            for token in tokens:
                if token.idx <= quotation.end or token.idx >= stop:
                    continue
                if self.is_cue(token, quoting="," in self.text[quotation.end - 1:quotation.end + 2]):
                    if self._reports_something_else(token, quotation):
                        break
                    between = [t for t in sent if quotation.end < t.idx < token.idx and not t.is_punct]
                    # Only the speaker may stand between a quotation and its cue ("…,” Mr. Smith, 52, said),
                    # not another clause ("they want “justice,” but pledged …").
                    # A capitalised word tagged as a verb is a name the tagger missed ("Tulsa police Chief …").
                    if len(between) <= 12 and not any(t.pos_ in ("CCONJ", "SCONJ") or
                                                      (t.pos_ == "VERB" and not t.text[:1].isupper()) or
                                                      (t.pos_ == "AUX" and t.dep_ != "aux") for t in between):
                        return token, "after"
                    # "…,” Anna Vell, who was then working for the ministry, told reporters: all of it the
                    # speaker's phrase, a clause about the speaker included.
                    subject = next((c for c in token.lefts if c.dep_ == "nsubj"), None)
                    if subject is not None and between and len(between) <= 25 and \
                            all(subject.left_edge.i <= t.i <= subject.right_edge.i for t in between) and \
                            any(t.i == subject.i for t in between[:4]):
                        return token, "after"
                    break
                if token.is_sent_end and token.text in ".!?":
                    break
        if start_token is not None:
            sent = sent_of(start_token)
            begin = self._prev_quote_end(quotation.start, sent.start_char)
            window = [t for t in sent if begin <= t.idx < quotation.start - 1]
            lead_in = self.text[begin:quotation.start - 1].rstrip().rstrip("'\"“‘«").rstrip()
            if window and (lead_in.endswith((":", ",", "that")) or self.is_cue(window[-1])):
                for token in reversed(window):
                    if self.is_cue(token, quoting=True):
                        return token, "before"
            # "X said:" ending the sentence before (a colon introduces the quotation).
            prev = self.text[:quotation.start - 1].rstrip()
            if prev.endswith(":") and not window:
                token = self.token_at(len(prev) - 1)
                if token is not None:
                    for t in reversed(list(sent_of(token))):
                        if self.is_cue(t):
                            return t, "before"
        return None, ""

    def labelled(self, quotation: Quotation) -> str | None:
        """*Ortiz: “Our goal is …” Walsh: “…”*, *RENTS RISE - Maria Lopez: “…”*: a quotation after a person's
        name and a colon, the name opening its sentence or line or following a dash, is that person's (the
        convention of debate summaries and roundups). Returns the person's entity key."""
        before = self.text[:quotation.start - 1].rstrip("'\"“‘« \t")  # the opening mark may be two ('')
        match = LABEL.search(before[-80:])
        offset = len(before) - len(before[-80:])
        if match is None or offset and match.start("who") == match.start():
            return None  # \A matched where the 80 characters were cut, not where the text begins
        span = self.doc.char_span(offset + match.start("who"), offset + match.end("who"), alignment_mode="expand")
        if span is None or any(_reporting_form(t.lower_, self.verbs) for t in span):
            return None  # "Stated Stone: “…”": a cue before the name, read as usual
        keys = {self.index.entity_of(t) for t in span if t.lower_.rstrip(".") not in lexicon.title_words()}
        key = keys.pop() if len(keys) == 1 else None
        return key if key is not None and self.index.entities[key].kind == "PERSON" else None

    def owner_of_words(self, quotation: Quotation) -> Token | None:
        """*Her verdict on the album is simple: “It's the most honest thing I've made.”*, *His message to the
        board was blunt: “…”*: a quotation after a colon, in a sentence whose subject is someone's words
        (a noun for what is said, owned by a possessive), is the owner's; so is one after a person's verb
        whose object is such words (*Hart gave the council a warning: “…”*)."""
        before = self.text[:quotation.start - 1].rstrip("'\"“‘« \t")
        colon = self.token_at(len(before) - 1) if before.endswith(":") else None
        if colon is None:
            return None
        sentence = sent_of(colon)
        subject = next((t for t in self.doc[sentence.start:colon.i] if t.dep_ == "nsubj" and t.head.i < colon.i), None)
        if subject is None:
            return None
        if subject.lemma_.lower() not in WORDS_NOUNS | lexicon.reporting_nouns():
            # "Ruiz gave the council a warning: “…”", "She had one message: “…”": the words are the object
            # of a person's verb
            words = any(c.dep_ == "dobj" and c.lemma_.lower() in WORDS_NOUNS | lexicon.reporting_nouns()
                        for c in subject.head.children)
            person = subject.tag_ == "PRP" and subject.lower_ not in ("it", "they", "we", "you") \
                or bool(self.index.person_of(subject))
            return subject if words and person else None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ != "PRON" and not self.index.entity_of(owner):
            return None  # not "The song's message is simple: “Love wins.”"
        return owner

    def _reports_something_else(self, cue: Token, quotation: Quotation) -> bool:
        """*Bemoaning the “phony system,” Trump accused Holt of being a Democrat*: a few quoted words
        before a cue that has content of its own are not what it reports."""
        if cue.tag_ == "VBG" and trailing_comment(cue.head) == cue and cue.head.left_edge.idx < quotation.start \
                and self._has_content(cue):
            # "said things “should be wrapped up by Cleveland,” referring to the convention": the participle
            # comments on the clause that holds the quotation, and reports words of its own
            return True
        if len(re.findall(r"[\w'’]+", quotation.text(self.text))) > 3:
            return False
        return self._has_content(cue)

    @staticmethod
    def _has_content(cue: Token) -> bool:
        """The cue has words of its own to report: a clause, an object (not whom it told), its preposition's."""
        lemma = cue.lemma_.lower()
        for child in cue.rights:
            if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "dobj" and lemma not in lexicon.cue_class("addressee")):
                return True
            if child.dep_ == "prep" and child.lower_ in lexicon.object_cues().get(lemma, ()):
                return True
        return False

    def _next_quote_start(self, after: int, limit: int) -> int:
        starts = [q.start - 1 for q in self.quotations if q.start - 1 >= after]
        return min([limit, *starts])

    def _prev_quote_end(self, before: int, limit: int) -> int:
        ends = [q.end + 1 for q in self.quotations if q.end < before - 1]
        return max([limit, *ends])

    def is_statement_quote(self, quotation: Quotation, has_cue: bool) -> bool:
        text = quotation.text(self.text)
        words = re.findall(r"[\w'’]+", text)
        if _is_title_of_work(words):
            return False
        if has_cue:
            # A word or two in quotation marks is a statement only as a whole utterance ("No," she said),
            # not as a label ("what lawmakers called “fraud”").
            return len(words) > 3 or bool(re.search(r"[,.!?…]\W*$", text))
        start_para = self.paragraph_of(quotation.start)
        para_begin = self.paragraph_starts[start_para]
        opens_paragraph = not self.text[para_begin:quotation.start - 1].strip()
        return len(words) >= MIN_WORDS_WITHOUT_CUE and opens_paragraph

    def _clause_around(self, cue: Token, quotation: Quotation) -> list[tuple[int, int]] | None:
        """*said that their father “could be stern” and that …*, *The plan, she said, “will fail”*: a
        quotation that is only part of the clause its cue reports. What was said is the whole clause
        (a mixed statement), not the quoted words alone."""
        if len(quotation.segments) > 1:
            return None
        content = self._complement(cue)
        if not content:
            return None
        content = [trim(self.text, s, e) for s, e in content]
        start, end = content[0][0], content[-1][1]
        if not (start <= quotation.start + 1 and quotation.end - 1 <= end):
            return None
        if re.search(r"[,.;:!?]\W*$", quotation.text(self.text)):
            # "“We will see,” and left": a quotation closed by its own punctuation ends what was said.
            content = [(s, min(e, quotation.end + 1)) for s, e in content if s <= quotation.end]
            end = content[-1][1]
        outside = [t for t in self.doc.char_span(start, end, alignment_mode="expand") or []
                   if not quotation.start - 1 <= t.idx < quotation.end + 1]
        if sum(not t.is_punct for t in outside) < 3 or any(t.i != cue.i and self.is_cue(t) for t in outside):
            return None  # the quotation is the clause, or the clause reports another cue's words
        return content

    def _outside(self, quotations: list[Quotation], lines: list[tuple[int, int]]) -> list[Quotation]:
        """Quotations with the parts inside transcript and headline lines taken out (those lines are statements already)."""
        out = []
        for quotation in quotations:
            segments = [(s, e) for s, e in quotation.segments if not any(a <= s <= b + 1 for a, b in lines)]
            if segments == quotation.segments:
                out.append(quotation)
            elif segments:
                out.append(Quotation(segments[0][0], segments[-1][1], segments, quotation.closed))
        return out

    def _continues(self, found: list[Statement], quotation: Quotation) -> bool:
        """A quotation without a cue of its own goes on the statement before it in the paragraph:
        *“A,” he said. “B.”*, *“A,” said X, the head of Y. “B.”*, or two quotations with nothing between."""
        if not found or found[-1].kind != "direct":
            return False
        prev = found[-1]
        if self.paragraph_of(quotation.start) != prev.paragraph:
            return False
        gap_start = prev.content_spans[-1][1]
        gap = self.text[gap_start:quotation.start - 1]
        if "\n" in gap.strip():
            return False
        if not re.search(r"[,.:;!?]\W*$", gap) and gap.strip(" ”\"’'»"):
            return False
        words = len(re.findall(r"\w+", gap))
        cue_between = prev.cue is not None and gap_start <= prev.cue.idx < quotation.start
        return words <= 8 or (cue_between and words <= 40)

    def _attach_leftovers(self, found: list[Statement], leftovers: list[Quotation]) -> None:
        """*The talks may fail, Smith said. “We have no time.”*, *Smith said the talks may fail, but “we
        will try.”*: a quotation right after a reported statement's cue, in its paragraph, goes on with
        that statement (it becomes mixed)."""
        for quotation in leftovers:
            words = re.findall(r"[\w'’]+", quotation.text(self.text))
            if len(words) < MIN_WORDS_WITHOUT_CUE:
                continue
            before = [st for st in found if st.cue is not None and st.kind != "direct"
                      and st.paragraph == self.paragraph_of(quotation.start)
                      and max(st.content_spans[-1][1], st.cue.idx) < quotation.start]
            if not before:
                continue
            statement = max(before, key=lambda st: max(st.content_spans[-1][1], st.cue.idx))
            end = max(statement.content_spans[-1][1], statement.cue.idx + len(statement.cue.text))
            gap = self.text[end:quotation.start - 1]
            but = re.fullmatch(r"\s*,?\s*(but|and)\s*", gap)  # "said A, but “B.”": the report goes on
            if (but or re.search(r"[.:;!?]\W*$", gap)) and len(re.findall(r"\w+", gap)) <= 8 \
                    and "\n" not in gap.strip():
                statement.content_spans.extend(quotation.segments)
                statement.kind = "mixed"


def _is_title_of_work(words: list[str]) -> bool:
    """*“Fox News Sunday”*, *“The Art of the Deal”*: a short quotation in title case names a work."""
    if not 1 < len(words) <= 7:
        return False
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    return bool(major) and all(w[:1].isupper() or w[:1].isdigit() for w in major) and words[0][:1].isupper()


def _reporting_form(word: str, verbs: frozenset[str]) -> bool:
    """*Stated*, *Added*, *Says*: a reporting verb the tagger may take for part of a name (not *Warner*)."""
    stems = [word] + [word[:-len(end)] for end in ("s", "d", "es", "ed") if word.endswith(end)]
    return word in ("said", "told") or any(stem in verbs for stem in stems)
