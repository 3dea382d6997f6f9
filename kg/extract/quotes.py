"""Who said what: direct quotations, indirect (reported) speech and mixed quotations.

Method: the rule sieves of quote attribution (Pareti et al. 2013; Muzny et al.
2017; the spaCy-based rules of Vaucher et al. 2021 "quootstrap"/"Quobert"
family): a quotation is tied to a reporting verb next to it (*"…," he said*;
*said Mr. Lammy*; *X said: "…"*), a reporting verb with a clausal complement is
indirect speech (*X stated that …*), a parenthetical cue splits its clause
(*The emphasis, he noted, should be …*), *according to X* marks its clause, and
a quotation with no cue of its own continues the speaker before it (the next
quotation in the paragraph, or a quote-only paragraph after a speaker's quote).
Speakers are found by :mod:`kg.extract.speakers` and resolved by :mod:`kg.extract.coref`.

Not handled: speakers identified only by a later paragraph (*“…” That was the
view of Ms. Smith.*), reported speech with a nominal cue alone (*his claim that
…*), and quotations introduced only by a dash.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg import lexicon
from kg.extract.coref import Resolver
from kg.extract.entities import EntityIndex
from kg.extract.quotations import Quotation, find_quotations
from kg.extract.cues import cue_scores
from kg.extract.sentences import sent_of, sentences, text_of, token_starts, tokens_where
from kg.extract.speakers import SpeakerFinder
from kg.records import Quote
from kg.records import Span as TextSpan

COMPLEMENT_DEPS = ("ccomp",)
MEDIUM_PREPS = {"to", "with", "on", "in"}
MIN_WORDS_WITHOUT_CUE = 4
# "As the Courier reported, …": verbs whose "as" clause attributes the clause it hangs on ("as she spoke" does not).
AS_REPORTED = {"say", "report", "note", "write", "point", "explain", "state", "tell", "claim", "argue", "predict",
               "acknowledge", "admit", "concede", "warn"}
ANONYMITY = {"name", "identify", "quote"}  # "asked not to be named/identified/quoted"
# A word the cue model (kg.models) scores at least this high reports speech, whatever the lexicon and the
# gates of is_cue say. Chosen on dev (0.8 and 0.95 did no better; vetoing low scores did worse).
CUE_KEEP = 0.9
CUE_PREPOSITIONS = frozenset({"about", "on", "for", "over", "against"})  # "pressed him on", "railed against"


@dataclass
class _Statement:
    content_spans: list[tuple[int, int]]
    kind: str
    cue: Token | None
    speaker_head: Token | None  # the phrase to resolve; None: the speaker before (a continuation)
    sentence: Span
    paragraph: int
    speaker: str | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces, trailing commas, colons and dashes."""
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;—–-"):
        end -= 1
    return start, end


class QuoteExtractor(SpeakerFinder):
    """Statements of one document."""

    def __init__(self, doc: Doc, index: EntityIndex, resolver: Resolver,
                 paired: tuple[list[Quotation], list[str]] | None = None) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.index = index
        self.resolver = resolver
        self.verbs = lexicon.reporting_verbs()
        self.quotations, self.warnings = paired if paired is not None else find_quotations(self.text)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.text)]
        self.quoted = self._quoted_chars()
        self.token_starts = token_starts(doc)
        self.cue_scores = cue_scores(doc)

    def _quoted_chars(self) -> list[tuple[int, int]]:
        return [seg for q in self.quotations for seg in q.segments]

    def inside_quote(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    def paragraph_of(self, char: int) -> int:
        lo, hi = 0, len(self.paragraph_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.paragraph_starts[mid] <= char:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def token_at(self, char: int) -> Token | None:
        """The token covering ``char``, or the next one within three characters (spaces between)."""
        i = bisect.bisect_right(self.token_starts, char) - 1
        if i >= 0 and char < self.token_starts[i] + max(1, len(self.doc[i])):
            return self.doc[i]
        if i + 1 < len(self.token_starts) and self.token_starts[i + 1] - char <= 3:
            return self.doc[i + 1]
        return None

    # -- cues ---------------------------------------------------------------------------------
    def is_cue(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if lemma not in self.verbs and lemma not in lexicon.object_cues() and lemma not in lexicon.cue_class("addressed") \
                or token.pos_ not in ("VERB", "AUX"):
            return False
        if any(c.dep_ == "neg" and 0 < token.i - c.i <= 3 and not self.inside_quote(c) for c in token.children):
            return False  # "will never acknowledge" reports nothing
        if token.tag_ == "VBN" and token.dep_ in ("advcl", "acl") and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in token.children):
            return False  # "Asked whether she would resign, …": the question was put to the subject
        if token.lemma_.lower() == "add" and not any(c.dep_ == "ccomp" for c in token.children) \
                and token.dep_ not in ("ROOT", "parataxis"):
            return False
        return not self.inside_quote(token)

    def _another_statement(self, part: Token) -> bool:
        """A clause hung on a reported clause that reports speech of its own: a conjoined clause with
        its own subject and reporting verb, or a reporting verb (or participle) that belongs with the cue."""
        if part.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in part.children) \
                and any(t.pos_ == "VERB" and t.lemma_.lower() in self.verbs for t in part.subtree):
            return True
        if part.dep_ == "conj" and (part.lemma_.lower() in self.verbs or part.lemma_.lower() in lexicon.object_cues()) \
                and part.tag_ in ("VBD", "VBZ") \
                and part.tag_ == part.head.head.tag_ and part.head.dep_ == "ccomp" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in part.children) \
                and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in part.head.children):
            # "She said she regretted the remarks and promised to stay out of it", "says she respects X and
            # calls her Y": a reporting verb (or a verb whose object is what was said) in the cue's own
            # tense, with no subject of its own, after a clause about the speaker (a pronoun), is the
            # speaker's next statement. Not "X announced that Y contacted Z and reiterated …": Y did both.
            return True
        return (part.dep_ == "conj" or part.dep_ == "advcl" and part.tag_ == "VBG") \
            and part.lemma_.lower() in self.verbs and self._conjoined_with_reported_clause(part)

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

    def medium_of(self, cue: Token, content: tuple[int, int]) -> str:
        """Where it was said: an organisation behind *to*, *with* or *told* in the sentence (*to Sky News*)."""
        for token in sent_of(cue):
            if content[0] <= token.idx < content[1]:
                continue
            key = self.index.entity_of(token)
            if not key or self.index.entities[key].kind != "ORG":
                continue
            head = token
            while head.dep_ in ("compound", "flat", "amod", "appos") and head.head is not head:
                head = head.head
            if head.dep_ == "pobj" and head.head.lower_ in MEDIUM_PREPS:
                return key
            if head.dep_ in ("dobj", "dative") and head.head.lemma_ == "tell":
                return key
        return ""

    # -- direct quotations ---------------------------------------------------------------------
    def cue_near(self, quotation: Quotation) -> tuple[Token | None, str]:
        """The reporting verb outside a quotation that introduces it: after it, or before it."""
        end_token = self.token_at(quotation.end)
        start_token = self.token_at(max(0, quotation.start - 1))
        if end_token is not None:
            sent = sent_of(end_token)
            stop = self._next_quote_start(quotation.end, sent.end_char)
            for token in sent:
                if token.idx <= quotation.end or token.idx >= stop:
                    continue
                if self.is_cue(token):
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
                    if self.is_cue(token):
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

    def _reports_something_else(self, cue: Token, quotation: Quotation) -> bool:
        """*Bemoaning the “phony system,” Trump accused Holt of being a Democrat*: a few quoted words
        before a cue that has content of its own are not what it reports."""
        if len(re.findall(r"[\w'’]+", quotation.text(self.text))) > 3:
            return False
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

    # -- the pass over the document ------------------------------------------------------------
    def statements(self) -> Iterator[Quote]:
        found: list[_Statement] = list(self.headlines([]))
        used_cues: set[int] = set()
        direct_ranges: list[tuple[int, int]] = [(st.content_spans[0][0], st.content_spans[-1][1]) for st in found]
        turns = [(self.paragraph_starts[st.paragraph], st.content_spans[-1][1]) for st in found]
        leftovers: list[Quotation] = []  # quotations that are no statement on their own
        for quotation in self._outside(self.quotations, turns):
            cue, where = self.cue_near(quotation)
            if cue is not None and cue.i in used_cues and where == "before":
                cue = None
            if not self.is_statement_quote(quotation, cue is not None):
                # Not a statement by itself: maybe the second half of "“A,” he said, “B.”".
                if cue is None and self._continues(found, quotation):
                    found[-1].content_spans.extend(quotation.segments)
                    direct_ranges.append((quotation.start, quotation.end))
                elif cue is None:
                    leftovers.append(quotation)
                continue
            paragraph = self.paragraph_of(quotation.start)
            if cue is None and self._continues(found, quotation):
                found[-1].content_spans.extend(quotation.segments)
                direct_ranges.append((quotation.start, quotation.end))
                continue
            head = None
            if cue is not None:
                used_cues.add(cue.i)
                head = self.speaker_of(cue)
            token = self.token_at(quotation.start) or self.doc[0]
            sentence = sent_of(cue) if cue is not None else sent_of(token)
            clause = self._clause_around(cue, quotation) if cue is not None else None
            if clause is not None:
                found.append(_Statement(clause, "mixed", cue, head, sentence, paragraph))
                direct_ranges.append((clause[0][0], clause[-1][1]))
                continue
            found.append(_Statement(list(quotation.segments), "direct", cue, head, sentence, paragraph))
            direct_ranges.append((quotation.start, quotation.end))
        found.extend(self.indirect(used_cues, direct_ranges))
        self._attach_leftovers(found, leftovers)
        self._continue_reported(found)
        # Resolve speakers in reading order, so that salience follows the text.
        found.sort(key=lambda st: min(st.content_spans[0][0], st.cue.idx if st.cue is not None else len(self.text)))
        for statement in found:
            if statement.speaker is None:
                if statement.speaker_head is not None:
                    statement.speaker = self.resolver.resolve(statement.speaker_head)
                elif statement.cue is None or statement.kind == "direct":
                    statement.speaker = self.resolver.state.last_speaker
            if statement.speaker:
                anchor = statement.cue if statement.cue is not None else self.token_at(statement.content_spans[0][0])
                self.resolver.note_speaker(statement.speaker, anchor or self.doc[0])
        found.sort(key=lambda st: st.content_spans[0][0])
        for statement in self._without_nested_repeats(found):
            if statement.speaker:
                record = self.to_record(statement)
                if record is not None:
                    yield record

    def _without_nested_repeats(self, found: list[_Statement]) -> list[_Statement]:
        """*Ortiz added that some residents called to say they would not pay the fee*: the statement whose
        cue stands inside another's content, and says nearly all of it again or lies wholly inside it, is
        part of what the outer speaker reported; the outer one holds it already (in the 737 train articles
        such an inner statement was twice as often no statement of the annotation as one). So is a
        statement with no cue that repeats one with a cue (a quotation the rules also read as a reported
        clause)."""
        def words(st: _Statement) -> Counter:
            return Counter(w for s, e in st.content_spans for w in re.findall(r"\w+", self.text[s:e].lower()))

        bags = [words(st) for st in found]
        sizes = [sum(bag.values()) for bag in bags]
        bounds = [(st.content_spans[0][0], st.content_spans[-1][1]) for st in found]
        order = sorted(range(len(found)), key=lambda k: bounds[k])
        pairs = []  # statements whose contents overlap, found in one sweep (not all pairs)
        for n, a in enumerate(order):
            for b in order[n + 1:]:
                if bounds[b][0] >= bounds[a][1]:
                    break
                pairs += [(a, b), (b, a)]
        dropped: set[int] = set()
        for i, j in pairs:  # i the inner candidate, j the outer
            inner, outer = found[i], found[j]
            if i in dropped or j in dropped or (sizes[i], j) > (sizes[j], i):
                continue  # the shorter goes; of two the same length, the later one
            contained = bounds[j][0] <= bounds[i][0] and bounds[i][1] <= bounds[j][1]
            if not _overlap(inner.content_spans, outer.content_spans) or (_word_f1(bags[i], bags[j]) < 0.8
                                                                          and not contained):
                continue
            if inner.cue is None or any(s <= inner.cue.idx < e for s, e in outer.content_spans):
                dropped.add(i)
        return [st for i, st in enumerate(found) if i not in dropped]

    def _clause_around(self, cue: Token, quotation: Quotation) -> list[tuple[int, int]] | None:
        """*said that their father “could be stern” and that …*, *The plan, she said, “will fail”*: a
        quotation that is only part of the clause its cue reports. What was said is the whole clause
        (a mixed statement), not the quoted words alone."""
        if len(quotation.segments) > 1:
            return None
        content = self._complement(cue)
        if not content:
            return None
        content = [_trim(self.text, s, e) for s, e in content]
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

    def _attach_leftovers(self, found: list[_Statement], leftovers: list[Quotation]) -> None:
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

    def _continue_reported(self, found: list[_Statement]) -> None:
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

    def _continues(self, found: list[_Statement], quotation: Quotation) -> bool:
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

    # -- indirect speech -----------------------------------------------------------------------
    def indirect(self, used_cues: set[int], direct_ranges: list[tuple[int, int]]) -> Iterator[_Statement]:
        lemmas = self.verbs | set(lexicon.object_cues()) | lexicon.reporting_nouns() | lexicon.cue_class("addressed")
        candidates = tokens_where(self.doc, "LEMMA", lemmas) + tokens_where(self.doc, "LOWER", {"according"})
        learned = {i for i, p in (self.cue_scores or {}).items() if p >= CUE_KEEP and self.doc[i].pos_ == "VERB"}
        seen = {t.i for t in candidates}
        candidates += [self.doc[i] for i in sorted(learned - seen)]  # cues no lexicon lists ("vowed", "pressed")
        for token in sorted(candidates, key=lambda t: t.i):
            if token.i in used_cues:
                continue
            if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                statement = self._according_to(token)
                if statement:
                    yield statement
                continue
            if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.reporting_nouns() and not self.inside_quote(token):
                statement = self._claim_noun(token)
                if statement:
                    yield statement
                continue
            if token.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
                statement = self._as_reported(token)
                if statement:
                    yield statement
                continue
            if not self.is_cue(token) and not (token.i in learned and not self.inside_quote(token)):
                continue
            content = self._complement(token) or self._block_after_colon(token)
            if content is None and token.i in learned:
                # "praised the mayor for …"; not "criticised the plan": a bare object is what an event is about.
                content = self._object_content(token, CUE_PREPOSITIONS)
                if content is not None and len(self.text[content[0][0]:content[-1][1]].split()) < 4:
                    content = None
            if content is None:
                continue
            content = [_trim(self.text, s, e) for s, e in content]
            content[-1] = self._without_aside(*content[-1])
            # "an employee reported that …, according to a police report": the source of the report is
            # another attribution, not part of what the employee said.
            cut = self.text.find(", according to ", content[-1][0], content[-1][1])
            if cut > content[-1][0]:
                content[-1] = (content[-1][0], cut)
            content[-1] = self._through_quotation(*content[-1])
            start, end = content[0][0], content[-1][1]
            if end - start < 3:
                continue
            if any(s <= start and end <= e + 1 for s, e in direct_ranges):
                continue
            if any(start <= s and e <= end + 1 and (e - s) > 0.8 * (end - start) for s, e in direct_ranges):
                continue  # the complement is one quotation: already a direct statement
            head = self.speaker_of(token)
            if head is None:
                continue
            quoted = any(start <= s < end for s, _ in self.quoted)
            kind = "mixed" if quoted else "indirect"
            yield _Statement(content, kind, token, head, sent_of(token), self.paragraph_of(start))

    def _through_quotation(self, start: int, end: int) -> tuple[int, int]:
        """*said he would “bomb them into oblivion. I don't know if …”*: a quotation opened inside the
        reported clause is the speaker's words to its close (within the paragraph), past the sentence
        end where the parse stopped the clause."""
        for quotation in self.quotations:
            first_start, first_end = quotation.segments[0]
            if start < first_start < end < first_end:
                return start, first_end
        return start, end

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
                return _trim(self.text, start, self.doc[token.left_edge.i - 1].idx)
        return start, end

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
                return [_clause(child)]
        for child in cue.children:
            if child.dep_ in COMPLEMENT_DEPS and child.i < cue.i:
                # "The economy is strong, he said." : the clause before the cue.
                return [_clause(child), *self._reason_after(cue)] if parenthetical else [_clause(child)]
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
                return [(run[0].idx, run[-1].idx + len(run[-1].text)) for run in _runs(tokens)]
        if lemma in lexicon.cue_class("xcomp"):
            for child in cue.children:
                if child.dep_ == "xcomp" and child.i > cue.i:
                    if child.lemma_.lower() in ANONYMITY and any(c.dep_ == "neg" for c in child.children):
                        return None  # "who asked not to be named": about the reporting, not a statement
                    start, end = _clause(child)
                    # "urged the administration to act", "called on Obama to act": whom, and what.
                    addressee = next((o for o in cue.rights if o.i < child.i and o.dep_ == "dobj"), None) or next(
                        (g for p in cue.rights if p.i < child.i and p.dep_ == "prep" and p.lower_ == "on"
                         for g in p.children if g.dep_ == "pobj"), None)
                    if addressee is not None and lemma in lexicon.cue_class("request"):
                        start = addressee.left_edge.idx
                    elif lemma in lexicon.cue_class("addressed"):
                        break  # "called to say": no addressee, no request
                    return [(start, end)]
        frame = lexicon.object_cues().get(lemma)
        if frame is not None:
            return self._object_content(cue, frame)
        answer = next((c for c in cue.rights if c.lower_ in ("yes", "no") and c.i == cue.i + 1), None)
        if answer is not None and lemma in self.verbs:
            return [(answer.idx, answer.idx + len(answer.text))]  # "46 percent of voters said yes": the answer
        return None

    def _object_content(self, cue: Token, preps: frozenset[str]) -> list[tuple[int, int]] | None:
        """*called Obamacare a “crazy system”*, *called for the repeal*, *spoke about her ties*."""
        passive = self._passive_object(cue, preps)
        if passive is not None:
            return passive
        for child in cue.rights:
            if child.dep_ == "prep" and child.lower_ in preps - {"as"}:
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs and len(list(objs[0].subtree)) >= 2:
                    return [_clause(objs[0])]
        for child in cue.rights:
            # What the object is called or taken for ("called Burma a success", "described Clinton as a
            # disgrace") makes even a name or a single word a statement; without it, a person is not one.
            predicated = any(more.i > child.i and (more.dep_ in ("oprd", "xcomp", "ccomp")
                                                   or more.dep_ == "prep" and more.lower_ == "as" and "as" in preps
                                                   or more.dep_ == "prep" and more.lower_ == "for"
                                                   and cue.lemma_.lower() in lexicon.cue_class("blame"))
                             for more in cue.rights)
            gerund = child.dep_ in ("xcomp", "dobj") and child.tag_ == "VBG"  # "reported spending $1.8 million"
            if (child.dep_ in ("dobj", "ccomp") or gerund) and child.pos_ in ("NOUN", "PROPN", "VERB", "NUM", "PRON") \
                    and (predicated or len(list(child.subtree)) >= 2 and not self._is_person(child)
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
                while last.is_punct and last.i > first.i and last.text not in ("”", '"', "’", "»"):
                    last = self.doc[last.i - 1]
                return [(first.idx, last.idx + len(last.text))]
        return None

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

    def _object_as_subject(self, cue: Token, clause: Token) -> Token | None:
        """The cue's object when it is really the subject of the clause after it (the clause has none)."""
        if cue.lemma_.lower() in lexicon.cue_class("addressee") or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                       for c in clause.children):
            return None
        obj = next((o for o in cue.children if o.dep_ == "dobj" and cue.i < o.i < clause.i), None)
        if obj is None or obj.right_edge.i + 1 < clause.left_edge.i - 1 or not self._near(cue, obj):
            return None
        return obj

    def _reported_clause(self, head: Token) -> tuple[int, int]:
        """A complement clause, up to a clause joined to it that reports speech of its own: in *She said
        A, and when pressed, the mother replied B*, B is another statement."""
        start, end = _clause(head)
        comment = _trailing_comment(head)
        if comment is not None:
            end = min(end, _trim(self.text, start, self.doc[comment.left_edge.i - 1].idx)[1])
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
                end = max(end, _clause(second)[1])
            reason = next((c for c in cue.rights if c.dep_ == "advcl" and c.i > head.right_edge.i and any(
                m.dep_ == "mark" and m.lower_ == "because" for m in c.children)), None)
            if reason is not None and reason.left_edge.i - head.right_edge.i <= 3:
                last = reason.right_edge
                while last.is_punct and last.i > reason.i:
                    last = self.doc[last.i - 1]
                end = max(end, last.idx + len(last.text))
        return start, end

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
                return [_clause(child)]
        return []

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

    def _claim_noun(self, noun: Token) -> _Statement | None:
        """*Tulsa police's earlier claim that Crutcher had refused …*, *his warning that …*."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            # "police’s earlier claim" misparsed: the word before the possessive ending left of the noun.
            left = noun.i - 1
            while left > 0 and self.doc[left].dep_ in ("amod", "compound", "advmod"):
                left -= 1
            if left > 0 and self.doc[left].lower_ in ("'s", "’s"):
                owner = self.doc[left - 1]
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl", "appos") and c.i > noun.i
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
        if owner is None or clause is None:
            return None
        start, end = _trim(self.text, *_clause(clause))
        if end - start < 8:
            return None
        quoted = any(start <= s < end for s, _ in self.quoted)
        return _Statement([(start, end)], "mixed" if quoted else "indirect", noun, owner, sent_of(noun),
                          self.paragraph_of(start))

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

    def _according_to(self, according: Token) -> _Statement | None:
        to = next(c for c in according.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return None
        return self._rest_of_sentence(according, objs[0])

    def _rest_of_sentence(self, cue: Token, source: Token) -> _Statement | None:
        """The sentence without the cue phrase (*according to X*, *as reported by X*) is what ``source`` said:
        the runs of what is left, each without the punctuation at its ends."""
        sent = sent_of(cue)
        skip = {t.i for t in cue.subtree}
        tokens = [t for t in sent if t.i not in skip]
        spans = []
        for run in _runs(tokens):
            while run and run[-1].is_punct and run[-1].text not in ("”", '"', "’", "»"):
                run = run[:-1]
            while run and run[0].is_punct and run[0].text not in ("“", '"', "‘", "«"):
                run = run[1:]
            if run:
                spans.append(_trim(self.text, run[0].idx, run[-1].idx + len(run[-1].text)))
        if len(tokens) < 4 or not spans:
            return None
        return _Statement(spans, "indirect", cue, source, sent, self.paragraph_of(spans[0][0]))

    def _as_reported(self, cue: Token) -> _Statement | None:
        """*As stated in Davis' commentary, there are conflicting stories …*, *As reported by the Times, …*:
        the source is the object of *in*/*by*, the content the rest of the sentence (as *according to*)."""
        source = next((g for p in cue.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by")
                       for g in p.children if g.dep_ == "pobj"), None)
        if source is None or cue.dep_ != "advcl" or self.inside_quote(cue):
            return None
        return self._rest_of_sentence(cue, source)

    def headlines(self, direct_ranges: list[tuple[int, int]]) -> Iterator[_Statement]:
        """Headlines and transcripts: *Pat Caddell: Voters are worried*, *WALLACE: Let's start*,
        *Obama Says Museum Will Tell …*, *Trump Could Address Energy, Graham Says*."""
        verbs = "|".join(sorted(_inflections(lexicon.reporting_verbs() | set(lexicon.object_cues()))))
        groups = "|".join(sorted(lexicon.speaker_nouns_of("group")))
        patterns = [
            (re.compile(r"(?m)^[\"“]?(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}): (?P<what>\S.{10,})$"), False),
            (re.compile(rf"(?m)^(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}) (?P<cue>{verbs}) (?P<what>\S.{{10,}}?)\.?$"), True),
            (re.compile(rf"(?m)^(?P<what>\S.{{10,}}?),? (?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}) (?P<cue>{verbs})\.?$"), True),
            (re.compile(rf"(?m)^(?P<what>\S.{{10,}}?), (?P<who>(?:[a-z]+ ){{0,2}}(?:{groups})) (?P<cue>say|says|said|warn|warns|claim|claims)\.?$"), True),
        ]
        seen: set[int] = set()
        yield from self._headline_quotes(direct_ranges, seen)
        for pattern, capitalised_verb in patterns:
            for match in pattern.finditer(self.text):
                name_start = match.start("who")
                line_end = self.text.find("\n", name_start)
                if (capitalised_verb and line_end - self.text.rfind("\n", 0, name_start) > 300) or name_start in seen:
                    continue  # a headline, not a paragraph of running text
                token = self.token_at(name_start)
                if token is None:
                    continue
                key = self.index.entity_of(self.token_at(match.end("who") - 1) or token) or self.index.entity_of(token)
                who = match.group("who")
                if key is None and who.split()[-1] in lexicon.speaker_nouns_of("group"):
                    key = self.index.add_source(who)
                if key is None and capitalised_verb and " " not in who and who.lower() in lexicon.title_words() \
                        and sentences(self.doc)[1][token.i] == 0:
                    # "Lawmaker urges retaliation on Russia": the person the story then quotes.
                    key = self.resolver.headline_speaker(token)
                if len(who.rstrip(".")) == 1:
                    continue  # "Q:" and "A:" mark an interview's turns; they name nobody
                if key is None and who.isupper() and not capitalised_verb:
                    # A transcript speaker in capitals (WALLACE:): the person with that surname, if named, or
                    # a label in a transcript (several such turns); a lone "CORRECTION:" is an editor's note.
                    key = self.index.person_by_surname(who)
                    if key is None and len(re.findall(r"(?m)^[\"“]?[A-Z][A-Z.'’ -]*: ", self.text)) < 2:
                        continue
                    key = key or self.index.add_source(who.title())
                    if self.index.entities[key].kind == "SOURCE":
                        self.index.entities[key].kind = "PERSON"
                if key is None or self.index.entities[key].kind not in ("PERSON", "ORG", "SOURCE"):
                    continue
                start, end = _trim(self.text, *match.span("what"))
                if any(s <= start < e for s, e in direct_ranges) or end - start < 8:
                    continue
                seen.add(name_start)
                cue = self.token_at(match.start("cue")) if "cue" in pattern.groupindex else None
                yield _Statement([(start, end)], "indirect", cue, None, sent_of(token), self.paragraph_of(start), speaker=key)

    def _headline_quotes(self, direct_ranges: list[tuple[int, int]], seen: set[int]) -> Iterator[_Statement]:
        """*Warren Hammers Wells Fargo CEO: ‘You Should Be Investigated.’*: a headline that ends in a quotation
        after a colon quotes the one person it names before the colon, or the one it opens with."""
        pattern = re.compile(r"(?m)^(?P<before>[^\n:]{3,150}): ?[‘'\"“](?P<what>[^\n]{8,200}?)[’'\"”]\.?[ \t]*$")
        for match in pattern.finditer(self.text):
            before = [t for t in self.doc.char_span(*match.span("before"), alignment_mode="expand") or ()]
            people = {self.index.entity_of(t) for t in before} - {None}
            people = {k for k in people if self.index.entities[k].kind == "PERSON"}
            opener = self.index.entity_of(before[0]) if before else None
            if opener in people:
                people = {opener}  # "Ruiz on Berg Releasing His Records: ‘…’": who opens it speaks
            if len(people) != 1 or any(self.is_cue(t) for t in before):  # "X said: ‘…’" is read as usual
                continue
            start, end = _trim(self.text, *match.span("what"))
            if any(s <= start < e for s, e in direct_ranges) or end - start < 8:
                continue
            seen.add(match.start("before"))
            yield _Statement([(start, end)], "direct", None, None, sent_of(before[0]), self.paragraph_of(start),
                             speaker=people.pop())

    def _balanced(self, start: int, end: int) -> tuple[int, int]:
        """Content that ends with a closing mark keeps its opening one (*as “propaganda”*), and the reverse."""
        piece = self.text[start:end]
        for opening, closing in (("“", "”"), ("«", "»")):
            if piece.count(closing) > piece.count(opening) and start > 0 and self.text[start - 1] == opening:
                return start - 1, end
            if piece.count(opening) > piece.count(closing) and self.text[end:end + 1] == closing:
                return start, end + 1
        if piece.count('"') % 2:
            if start > 0 and self.text[start - 1] == '"':
                return start - 1, end
            if self.text[end:end + 1] == '"':
                return start, end + 1
        return start, end

    # -- records -------------------------------------------------------------------------------
    def to_record(self, statement: _Statement) -> Quote | None:
        spans = [_trim(self.text, s, e) for s, e in statement.content_spans]
        spans = [self._balanced(s, e) for s, e in spans if e > s]
        if statement.kind == "indirect" and spans and self.text[spans[-1][1] - 1] == ".":
            spans[-1] = (spans[-1][0], spans[-1][1] - 1)
        spans = [(s, e) for s, e in spans if e > s]
        if not spans:
            return None  # only punctuation between the marks
        start, end = spans[0][0], spans[-1][1]
        content = " ".join(self.text[s:e] for s, e in spans)
        about = [key for key, entity in self.index.entities.items()
                 if entity.kind in ("PERSON", "ORG", "GPE")
                 and any(s <= m.start and m.end <= e for m in entity.mentions for s, e in spans)]
        sent = statement.sentence
        cue = statement.cue
        cue_text = cue.text if cue is not None and cue.lower_ != "according" else ""
        return Quote(
            speaker=statement.speaker or "",
            content=content,
            kind=statement.kind,
            start=start,
            end=end,
            sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
            cue=cue_text,
            cue_lemma=cue.lemma_.lower() if cue_text else "",
            medium=self.medium_of(cue, (start, end)) if cue is not None else "",
            about=sorted(about),
            segments=spans if len(spans) > 1 else [],
        )


MINOR_WORDS = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "is", "it", "from"}


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _word_f1(a: Counter, b: Counter) -> float:
    common = sum((a & b).values())
    return 2 * common / (sum(a.values()) + sum(b.values())) if common else 0.0


def _is_title_of_work(words: list[str]) -> bool:
    """*“Fox News Sunday”*, *“The Art of the Deal”*: a short quotation in title case names a work."""
    if not 1 < len(words) <= 7:
        return False
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    return bool(major) and all(w[:1].isupper() or w[:1].isdigit() for w in major) and words[0][:1].isupper()


def _inflections(lemmas: set[str] | frozenset[str]) -> set[str]:
    """Headline forms of reporting verbs: *Says*, *Said*, *Warns*, *Calls*."""
    forms = set()
    for lemma in lemmas:
        if " " in lemma:
            continue
        cap = lemma.capitalize()
        forms.add(cap + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s"))
        if lemma == "say":
            forms.add("Said")
        elif lemma == "tell":
            forms.add("Told")
    return forms


CLAUSE_END = {".", ",", ";", ":", "!", "?", "—", "–", "-", "(", ")"}


def _clause(head: Token) -> tuple[int, int]:
    """Offsets of a clause without its complementiser (*that*, *whether* stay out of the content)."""
    tokens = list(head.subtree)
    while tokens and (tokens[0].dep_ == "mark" and tokens[0].lower_ == "that" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in CLAUSE_END:
        tokens = tokens[:-1]
    if not tokens:
        tokens = [head]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trailing_comment(head: Token) -> Token | None:
    """What the writer adds after a comma at the end of a reported clause: a participle clause with no
    subject or conjunction (*said the team won, leaving the city excited*) or an absolute *with* phrase
    (*said they had decided, with four in ten saying …*) tells the consequence or the context as the
    writer sees it, not what was said. Only when it ends the clause: one followed by more of the
    clause may describe a noun inside it."""
    if head.lemma_ == "be" and not any(c.dep_ in ("attr", "acomp") for c in head.children):
        return None  # "Voters were, at some cost, favoring X": the participle is the predicate
    for child in head.rights:
        if child.left_edge.i - 2 <= head.left_edge.i or child.doc[child.left_edge.i - 1].text != "," \
                or child.right_edge.i < head.right_edge.i - 1:
            continue
        participle = child.dep_ == "advcl" and child.tag_ == "VBG" and child.left_edge.i == child.i \
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
        absolute = child.dep_ == "prep" and child.lower_ == "with" and any(
            g.tag_ == "VBG" and g.dep_ in ("pcomp", "acl") for g in child.subtree)
        if participle or absolute:
            return child
    return None


def _runs(tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    for token in tokens:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def extract_quotes(doc: Doc, index: EntityIndex, resolver: Resolver,
                   paired: tuple[list[Quotation], list[str]] | None = None) -> tuple[list[Quote], list[str]]:
    """Statements of a parsed document, and warnings (unbalanced quotation marks).

    ``paired`` is :func:`find_quotations` of the text when the caller has it already.
    """
    extractor = QuoteExtractor(doc, index, resolver, paired)
    quotes = list(extractor.statements())
    return quotes, extractor.warnings
