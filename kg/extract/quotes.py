"""Who said what: the pass over a document that finds its statements and makes them records.

Method: the rule sieves of quote attribution (Pareti et al. 2013; Muzny et al. 2017; the spaCy-based rules
of Vaucher et al. 2021 "quootstrap"/"Quobert" family). Each construction of English reporting is found by
a module named for it, mixed into :class:`QuoteExtractor` (the lexicons are data in ``kg/data/``):

- :mod:`kg.extract.headlines`: headlines and transcript turns (*Brenn Says Ferry Will Run Again*, *BRENN: …*);
- :mod:`kg.extract.direct`: direct quotations and what goes on with them (*“We are ready,” Brenn said.*);
- :mod:`kg.extract.reported`: reported clauses (*Brenn said the ferry would run again*);
- :mod:`kg.extract.objects`: what an object is called or blamed for, passives with *by*
  (*called the plan “a disgrace”*);
- :mod:`kg.extract.claims`: nominal claims (*the union's claim that …*);
- :mod:`kg.extract.according`: *according to X*, *as reported by X*;
- :mod:`kg.extract.speakers`: who speaks for a cue; :mod:`kg.extract.coref` resolves the speaker.

Here: which words are cues (:meth:`QuoteExtractor.is_cue`, the lexicon and the cue model's scores), the
order of the pass (:meth:`~QuoteExtractor.statements`: headlines, quotations, then the cues left for
:meth:`~QuoteExtractor.indirect`), speakers resolved in reading order, a statement nested in another's
content that repeats it dropped, and the records.

Not handled: speakers identified only by a later paragraph (*“…” That was the view of Ms. Brenn.*), and
quotations introduced only by a dash.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg import lexicon
from kg.extract.according import AccordingTo
from kg.extract.claims import CALL_NOUNS, ClaimNouns
from kg.extract.coref import Resolver
from kg.extract.cues import cue_scores
from kg.extract.dateline import dateline_of
from kg.extract.direct import DirectQuotations
from kg.extract.entities import EntityIndex
from kg.extract.headlines import Headlines
from kg.extract.objects import ObjectContent
from kg.extract.quotations import Quotation, find_quotations
from kg.extract.reported import ReportedClauses, withholds_name
from kg.extract.sieve import Candidate, features, sieve_for
from kg.extract.sentences import sent_of, text_of, token_starts, tokens_where
from kg.extract.speakers import SpeakerFinder
from kg.extract.statement import Statement, trim
from kg.records import Quote
from kg.records import Span as TextSpan

MEDIUM_PREPS = {"to", "with", "on", "in"}
# A word the cue model (kg.models) scores at least this high reports speech, whatever the lexicon and the
# gates of is_cue say. Chosen on dev (0.8 and 0.95 did no better; vetoing low scores did worse).
CUE_KEEP = 0.9
CUE_CANDIDATE = 0.5  # with the sieve (kg.extract.sieve) to judge the statement, a word scored this high is proposed
CUE_PREPOSITIONS = frozenset({"about", "on", "for", "over", "against"})  # "pressed him on", "railed against"
SAME_WORDS = 0.9  # one speaker's two statements whose words agree this much are one statement read twice
UNNAMED_WISH = "unnamed_wish"  # "asked that his name not be used": resolved for the reading order, then dropped
PROPOSED_PREPOSITIONS = CUE_PREPOSITIONS | {"of", "to", "with", "at", "into"}  # "warned of", "responded to": the sieve judges
# "told reporters at a news conference", "said at a rally": where it was said, never what ("hinted at" is)
SAID_AT_A_PLACE = {"tell", "say", "speak", "talk", "add", "write", "testify", "explain", "announce", "inform"}


class QuoteExtractor(SpeakerFinder, Headlines, DirectQuotations, ReportedClauses, ObjectContent, ClaimNouns,
                     AccordingTo):
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
        self.dateline = dateline_of(doc)
        self.quoted = self._quoted_chars()
        self.token_starts = token_starts(doc)
        self.cue_scores = cue_scores(doc)
        self.sieve = sieve_for(self.cue_scores)

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
    def is_cue(self, token: Token, learned: bool = False, quoting: bool = False) -> bool:
        """A reporting verb in a context that reports: listed in the lexicons, or ``learned`` (the cue model
        is sure of it), or, next to a quotation (``quoting``), a verb a quotation is spoken with (*she laughs*);
        either way not negated, not a question put to the subject, not inside a quotation."""
        lemma = token.lemma_.lower()
        if not learned and lemma not in self.verbs and lemma not in lexicon.object_cues() \
                and lemma not in lexicon.cue_class("addressed") \
                and not (quoting and lemma in lexicon.cue_class("quotation")) or token.pos_ not in ("VERB", "AUX"):
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

    # -- the pass over the document ------------------------------------------------------------
    def statements(self) -> Iterator[Quote]:
        known = set(self.index.entities)
        found: list[Statement] = list(self.headlines([]))
        used_cues: set[int] = set()
        direct_ranges: list[tuple[int, int]] = [(st.content_spans[0][0], st.content_spans[-1][1]) for st in found]
        turns = [(self.paragraph_starts[st.paragraph], st.content_spans[-1][1]) for st in found]
        leftovers: list[Quotation] = []  # quotations that are no statement on their own
        for quotation in self._outside(self.quotations, turns):
            cue, where = self.cue_near(quotation)
            if cue is not None and cue.i in used_cues and where == "before":
                cue = None
            labelled = self.labelled(quotation) if cue is None else None
            if labelled is not None:
                found.append(Statement(list(quotation.segments), "direct", None, None, sent_of(self.token_at(
                    quotation.start) or self.doc[0]), self.paragraph_of(quotation.start), speaker=labelled,
                    rule="transcript"))
                direct_ranges.append((quotation.start, quotation.end))
                continue
            owner = self.owner_of_words(quotation) if cue is None else None  # "Her verdict is simple: “…”"
            if not self.is_statement_quote(quotation, cue is not None or owner is not None):
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
            else:
                head = owner
            token = self.token_at(quotation.start) or self.doc[0]
            sentence = sent_of(cue) if cue is not None else sent_of(token)
            clause = self._clause_around(cue, quotation) if cue is not None else None
            if clause is not None:
                found.append(Statement(clause, "mixed", cue, head, sentence, paragraph, rule="mixed"))
                direct_ranges.append((clause[0][0], clause[-1][1]))
                continue
            found.append(Statement(list(quotation.segments), "direct", cue, head, sentence, paragraph,
                                   rule="quotation" if cue is not None else "quotation_alone"))
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
            if statement.speaker and (statement.speaker_head is not None or statement.cue is None):
                # a cue with no subject of its own ("… a step change that began in the 1990s") says nothing
                # of who is in focus
                anchor = statement.cue if statement.cue is not None else self.token_at(statement.content_spans[0][0])
                self.resolver.note_speaker(statement.speaker, anchor or self.doc[0], statement.speaker_head)
        found.sort(key=lambda st: st.content_spans[0][0])
        kept = [st for st in self._without_nested_repeats(found) if st.speaker and st.rule != UNNAMED_WISH]
        spoken, sieved = set(), set()
        said: dict[tuple[str, int], list[Counter]] = {}  # the words a speaker said in each sentence so far
        for statement, candidate in zip(kept, self._candidates(kept)):
            record = self.to_record(statement)
            if record is None:
                continue
            if self.sieve is not None and not self.sieve.keep(self._features(candidate), record):
                sieved.add(record.speaker)
                continue
            # "repeated her comments that she would …": two cues of one speaker in one sentence that read the
            # same words are one statement (in two sentences, the speaker said it twice).
            bag = _word_bag(record.content)
            where = (record.speaker, record.sentence.start)
            if any(_word_f1(bag, other) >= SAME_WORDS for other in said.get(where, ())):
                continue
            said.setdefault(where, []).append(bag)
            spoken.add(record.speaker)
            yield record
        for key in sieved - spoken - known:  # an unnamed source made only for a statement the sieve dropped
            if self.index.entities[key].kind == "SOURCE":  # not a person named in the text: a post may be theirs
                del self.index.entities[key]

    def _candidates(self, kept: list[Statement]) -> list[Candidate]:
        """What the sieve reads of each statement, overlaps with the others included."""
        out = []
        for statement in kept:
            spans = statement.content_spans
            cue = statement.cue
            others = [st for st in kept if st is not statement]
            entity = self.index.entities.get(statement.speaker or "")
            head = statement.speaker_head
            out.append(Candidate(
                kind=statement.kind, rule=statement.rule, cue=cue.i if cue is not None else None, spans=spans,
                speaker_kind=entity.kind if entity is not None else "",
                speaker_pos=head.pos_ if head is not None else "",
                overlaps=sum(1 for st in others if _overlap(spans, st.content_spans)),
                inside_other=cue is not None and any(s <= cue.idx < e for st in others for s, e in st.content_spans),
                paragraph=statement.paragraph))
        return out

    def _features(self, candidate: Candidate) -> list[str]:
        scores, cue = self.cue_scores, candidate.cue
        score = None if scores is None or cue is None else scores.get(cue, 0.0)
        return features(self.doc, candidate, score, self.quoted)

    def _without_nested_repeats(self, found: list[Statement]) -> list[Statement]:
        """*Ortiz added that some residents called to say they would not pay the fee*: the statement whose
        cue stands inside another's content, and says nearly all of it again or lies wholly inside it, is
        part of what the outer speaker reported; the outer one holds it already (in the 737 train articles
        such an inner statement was twice as often no statement of the annotation as one). So is a
        statement with no cue that repeats one with a cue (a quotation the rules also read as a reported
        clause)."""
        bags = [_word_bag(" ".join(self.text[s:e] for s, e in st.content_spans)) for st in found]
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
            if self._proposed(outer) and not self._proposed(inner):
                continue  # "courted voters by telling them that …": a mere proposal does not swallow a statement
            if inner.cue is None or any(s <= inner.cue.idx < e for s, e in outer.content_spans):
                dropped.add(i)
        return [st for i, st in enumerate(found) if i not in dropped]

    def _holds_cue(self, content: list[tuple[int, int]]) -> bool:
        return any(self.is_cue(t) for t in self.doc.char_span(*content[0], alignment_mode="expand") or ())

    def _proposed(self, statement: Statement) -> bool:
        """Proposed only for the sieve to judge: the object of a listed verb, a speaker found above the cue
        (:meth:`subject_above`), or a verb the cue model is not sure of."""
        return statement.rule == "object" or statement.rule.endswith("_above") \
            or statement.rule.startswith("learned_") and statement.cue is not None \
            and (self.cue_scores or {}).get(statement.cue.i, 0.0) < CUE_KEEP

    # -- indirect speech -----------------------------------------------------------------------
    def indirect(self, used_cues: set[int], direct_ranges: list[tuple[int, int]]) -> Iterator[Statement]:
        lemmas = self.verbs | set(lexicon.object_cues()) | lexicon.reporting_nouns() | lexicon.cue_class("addressed")
        candidates = tokens_where(self.doc, "LEMMA", lemmas) + tokens_where(self.doc, "LOWER", {"according"})
        # With the sieve to judge them, the rules propose more: verbs the model is less sure of, and the objects
        # of listed verbs; without it, only what the rules are sure of.
        floor = CUE_CANDIDATE if self.sieve is not None else CUE_KEEP
        learned = {i for i, p in (self.cue_scores or {}).items() if p >= floor and self.doc[i].pos_ == "VERB"}
        # "Hale's attacks on the plan": a noun the model is sure of, for the sieve to judge
        nouns = {i for i, p in (self.cue_scores or {}).items() if p >= CUE_CANDIDATE and self.doc[i].pos_ == "NOUN"} \
            if self.sieve is not None else set()
        seen = {t.i for t in candidates}
        candidates += [self.doc[i] for i in sorted((learned | nouns) - seen)]  # cues no lexicon lists ("vowed")
        for token in sorted(candidates, key=lambda t: t.i):
            if token.i in used_cues:
                continue
            if token.i > 1 and self.doc[token.i - 1].lower_ == "to" \
                    and self.doc[token.i - 2 - (self.doc[token.i - 2].text == ",")].lower_ == "anonymity":
                continue  # "spoke on condition of anonymity to discuss the talks": why they were unnamed
            if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                statement = self._according_to(token)
                if statement:
                    yield statement
                continue
            listed = token.lemma_.lower() in lexicon.reporting_nouns() or token.lemma_.lower() in CALL_NOUNS
            if token.pos_ == "NOUN" and (listed or token.i in nouns) and not self.inside_quote(token):
                statement = self._claim_noun(token) if listed else None
                if statement is None and token.i in nouns and not self.resolver.in_headline(token):
                    statement = self._what_follows_noun(token)
                if statement:
                    yield statement
                continue
            if token.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
                statement = self._as_reported(token)
                if statement:
                    yield statement
                if statement or not any(c.dep_ == "nsubj" for c in token.children):
                    continue  # with a subject of its own ("as the Gazette has reported, …") it is read as any cue
            if not self.is_cue(token, learned=token.i in learned):
                continue
            wish = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp") and withholds_name(c)), None)
            head = self.speaker_of(token) if wish is not None else None
            if wish is not None and not (head is not None and self.index.entity_of(head)):
                # "a man who asked that his name not be used": no statement, but he is the one "he said" means next
                # (not "Sir Tom Rudd asked that his name not be used on the new wing": a request)
                if head is not None:
                    yield Statement([(wish.left_edge.idx, wish.right_edge.idx + len(wish.right_edge))], "indirect",
                                    token, head, sent_of(token), self.paragraph_of(wish.left_edge.idx), rule=UNNAMED_WISH)
                continue
            content = self._complement(token) or self._block_after_colon(token)
            rule = "clause"
            if content is None and self.sieve is not None and token.pos_ == "VERB":
                preps = PROPOSED_PREPOSITIONS - {"at"} if token.lemma_.lower() in SAID_AT_A_PLACE else PROPOSED_PREPOSITIONS
                content, rule = self._object_content(token, preps, generous=True), "object"
                if content is not None and self._holds_cue(content):
                    content = None  # "courted voters by telling them that …": the inner cue reports it
            elif content is None and token.i in learned:
                # "praised the mayor for …"; not "criticised the plan": a bare object is what an event is about.
                # "issued a statement calling the test a violation": the statement's own cue says what was said.
                content, rule = self._object_content(token, CUE_PREPOSITIONS), "object"
                if content is not None and (len(self.text[content[0][0]:content[-1][1]].split()) < 4
                                            or self._holds_cue(content)):
                    content = None
            if content is None and self.sieve is not None and token.i in learned and not self.resolver.in_headline(token):
                # the cue model is sure the verb reports speech and no rule read what it reports: what follows
                # it in its clause, for the sieve to judge (learned on the train split like every candidate);
                # not in a headline, whose own rules (kg.extract.headlines) know its shapes
                content, rule = self._what_follows(token), "follows"
            if content is None:
                continue
            content = [trim(self.text, s, e) for s, e in content]
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
            if head is None and self.sieve is not None and not self._holds_cue(content):
                head = self.subject_above(token)  # the sieve judges a speaker found this far up
                rule += "_above"
            if head is None:
                continue
            if content[-1][0] < head.left_edge.idx < content[-1][1] <= head.right_edge.idx + len(head.right_edge.text):
                # "…, a Western diplomat, who spoke on condition of anonymity, told Wire": the speaker's phrase
                # the parse hung at the end of the clause is not what was said
                content[-1] = trim(self.text, content[-1][0], head.left_edge.idx)
                start, end = content[0][0], content[-1][1]
            quoted = any(start <= s < end for s, _ in self.quoted)
            kind = "mixed" if quoted else "indirect"
            if token.i in learned and token.lemma_.lower() not in lemmas:
                rule = "learned_" + rule
            yield Statement(content, kind, token, head, sent_of(token), self.paragraph_of(start), rule=rule)

    # -- records -------------------------------------------------------------------------------
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

    def to_record(self, statement: Statement) -> Quote | None:
        spans = [trim(self.text, max(s, self.dateline.end) if self.dateline and self.dateline.covers(s) else s, e)
                 for s, e in statement.content_spans]  # "ISTANBUL (Reuters) - …": where it was filed, not said
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
        according = cue is not None and cue.lower_ == "according"
        cue_text = f"{cue.text} to" if according else cue.text if cue is not None else ""
        return Quote(
            speaker=statement.speaker or "",
            content=content,
            kind=statement.kind,
            start=start,
            end=end,
            sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
            cue=cue_text,
            cue_lemma="according to" if according else cue.lemma_.lower() if cue_text else "",
            medium=self.medium_of(cue, (start, end)) if cue is not None else "",
            about=sorted(about),
            segments=spans if len(spans) > 1 else [],
        )


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _word_bag(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def _word_f1(a: Counter, b: Counter) -> float:
    common = sum((a & b).values())
    return 2 * common / (sum(a.values()) + sum(b.values())) if common else 0.0


def extract_quotes(doc: Doc, index: EntityIndex, resolver: Resolver,
                   paired: tuple[list[Quotation], list[str]] | None = None) -> tuple[list[Quote], list[str]]:
    """Statements of a parsed document, and warnings (unbalanced quotation marks).

    ``paired`` is :func:`find_quotations` of the text when the caller has it already.
    """
    extractor = QuoteExtractor(doc, index, resolver, paired)
    quotes = list(extractor.statements())
    return quotes, extractor.warnings
