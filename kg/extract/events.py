"""Events between entities: who met, accused, supported or sanctioned whom.

Method: a trigger lexicon over a dependency parse, in the manner of the PETRARCH
and NGEC event coders (Schrodt's verb dictionaries; Halterman et al. 2023),
with PLOVER's sixteen top-level types. ``kg/data/event_types.tsv`` lists each
verb or event noun with the slot its object fills (*accused Y*, *met with Y*,
*sanctions on Y*, *talks between X and Y*); a walk of the dependency parse
from that table's lemmas finds trigger and object; the code here decides the
subject and whether the event happened:

* subject: the verb's subject (a relative *who* is the noun it modifies, *he*
  the person the pronoun resolves to); a passive's *by* agent (*Y was
  sanctioned by X*, *lands occupied by X*); the subject of the verb a
  conjoined or adverbial verb shares it with (*X contacted Y and ...*,
  *upon speaking with Y, X said*); an event noun's possessor (*Russia's
  invasion of Ukraine*, *his meeting with Y*), name compound (*US sanctions*)
  or *by* phrase; the subject of a support verb (*X held talks with Y*); for a
  meeting or interview framing a clause (*in an interview with Y, X said*) the
  clause's subject. *he*/*his* is the speaker of the sentence's statement when
  it names one (or the statement resolved that very pronoun), else the person
  the coreference resolver and recency agree on; a missing controller falls
  back on that speaker too.
* object: the trigger's slot, with conjuncts, appositions and the members
  named after a group (*leaders, including Mr. Rutte*).
* status: negation (*not*, *never*, *no talks*, *without meeting*) and modality
  (a modal verb, an infinitive of intent, *if*/*unless*/*whether*, a question,
  a complement of *want*, *hope*, *deny*..., *future*/*possible* talks). By
  default such events are dropped: they did not happen.

Subject and object are distinct named people, organisations or places. Speech
(*say*, *tell*) is a statement, not an event, and is not in the table.

Not handled: events whose participants are descriptions (*the president*,
*Russian troops*), plural and *it* pronouns, arguments in another sentence,
and verbs whose sense depends on more than the slot (*fire* a missile or an
official).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from kg import lexicon
from kg.extract.coref import Resolver
from kg.extract.entities import EntityIndex
from kg.extract.quotations import quoted_ranges
from kg.extract.sentences import entities_of, sent_of, text_of, tokens_where
from kg.records import Event, Quote, Span

PARTICIPANT_KINDS = {"PERSON", "ORG", "GPE"}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NOUN_POS = ["NOUN", "PROPN"]
# A complement of these verbs states no fact: *wants to meet*, *hopes that X will*, *denied that X met Y*.
UNREALISING_GOVERNORS = {"want", "hope", "plan", "seek", "try", "intend", "expect", "aim", "propose", "refuse",
                         "decline", "fail", "deny", "consider", "prepare", "promise", "pledge", "vow", "urge", "ask",
                         "demand", "push", "need", "wish", "fear", "doubt", "predict", "suggest", "threaten",
                         "question", "wonder", "offer", "reject", "rule", "call", "press", "invite", "favor",
                         "favour", "await", "schedule", "require", "insist", "advocate", "encourage"}
UNREALISING_MODIFIERS = {"possible", "potential", "future", "proposed", "planned", "upcoming", "prospective",
                         "hypothetical", "next", "expected", "likely", "eventual", "would-be", "scheduled",
                         "imminent"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
NEGATING_PREPOSITIONS = {"without", "instead", "rather"}
CONTROLLING_PREPOSITIONS = {"after", "before", "upon", "on", "while", "when", "by", "since", "following", "during",
                            "in", "through"}
FRAME_PREPOSITIONS = {"in", "during", "at", "after", "before", "following", "since", "upon", "on"}
GROUP_MEMBER_PREPOSITIONS = {"including", "like", "as"}  # *leaders, including Mr. Rutte*; *such as*
GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the event table: this lemma, with its object in this slot, is an event of this type."""

    lemma: str
    pos: str  # VERB | NOUN
    slot: str  # dobj, a preposition, or between
    type: str
    between_people: str = ""  # the type when both sides are people (*Trump attacked Clinton*: ACCUSE)


@cache
def event_table() -> tuple[dict[tuple[str, str, str], Trigger], frozenset[str]]:
    """(lemma, pos, slot) -> trigger, and the support verbs, from ``kg/data/event_types.tsv``."""
    text = resources.files("kg").joinpath("data", "event_types.tsv").read_text(encoding="utf-8")
    triggers: dict[tuple[str, str, str], Trigger] = {}
    light: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        lemma, pos = cells[0].lower(), cells[1]
        if pos == "LIGHT":
            light.add(lemma)
            continue
        slot, kind = cells[2], cells[3]
        other = cells[4] if len(cells) > 4 else ""
        if pos not in ("VERB", "NOUN") or kind not in PLOVER_TYPES or (other and other not in PLOVER_TYPES):
            raise ValueError(f"event_types.tsv line {number}: bad row {line!r}")
        triggers[(lemma, pos, slot)] = Trigger(lemma, pos, slot, kind, other)
    return triggers, frozenset(light)


def trigger_matches(doc: Doc) -> Iterator[tuple[str, list[int]]]:
    """(``POS:slot``, [trigger, …, object]) for every trigger of the table with its object in the parse.

    The patterns are one or two dependency hops (*contacted* > dobj; *meeting* > prep *with* > pobj;
    the reduced passive *lands occupied by …* < acl; *X and Y met*: nsubj > conj). They were a
    ``DependencyMatcher``; walking the parse from the table's lemmas finds the same matches and costs a
    tenth as much, which keeps the whole build within a quarter of spaCy's own time.
    """
    triggers, _ = event_table()
    slots: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lemma, pos, slot in triggers:
        slots[(lemma, pos)].append(slot)
    for token in tokens_where(doc, "LEMMA", {lemma for lemma, _pos in slots}):
        pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in NOUN_POS else ""
        for slot in slots.get((token.lemma_, pos), ()) if pos else ():
            if slot == "dobj":
                for child in token.children:
                    if child.dep_ in ("dobj", "nsubjpass"):
                        yield f"{pos}:dobj", [token.i, child.i]
                if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in NOUN_POS:
                    yield f"{pos}:dobj", [token.i, token.head.i]
                continue
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == slot:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            yield f"{pos}:{slot}", [token.i, prep.i, obj.i]
            if pos == "VERB" and slot == "with":  # a reciprocal verb: *X and Y met*
                for subject in token.children:
                    if subject.dep_ == "nsubj":
                        for other in subject.children:
                            if other.dep_ == "conj":
                                yield f"{pos}:mutual", [token.i, subject.i, other.i]


class EventExtractor:
    """Events of one parsed document."""

    def __init__(self, doc: Doc, index: EntityIndex, resolver: Resolver | None = None,
                 quotes: list[Quote] | None = None) -> None:
        self.doc = doc
        self.index = index
        # a resolver of its own: the statements' one has read to the end of the document
        self.resolver = resolver or Resolver(doc, index, quoted_ranges(text_of(doc)))
        self.triggers, self.light_verbs = event_table()
        # every name and alias an entity goes by in this document -> its key, when only one has it
        names: dict[str, set[str]] = defaultdict(set)
        for key, entity in index.entities.items():
            for name in {entity.name, *entity.aliases, *(m.text for m in entity.mentions)}:
                names[name].add(key)
        self.surfaces = {name: next(iter(keys)) for name, keys in names.items() if len(keys) == 1}
        # sentence start -> the speakers of the statements read from that sentence
        self.speakers: dict[int, set[str]] = defaultdict(set)
        for quote in quotes or []:
            if quote.speaker:
                self.speakers[quote.sentence.start].add(quote.speaker)

    # -- the whole document ----------------------------------------------------------------
    def events(self, keep_unrealised: bool = False) -> list[Event]:
        found: dict[tuple[int, str, str], Event] = {}
        for label, token_ids in trigger_matches(self.doc):
            pos, slot = label.split(":")
            trigger, obj = self.doc[token_ids[0]], self.doc[token_ids[-1]]
            row = self.triggers.get((trigger.lemma_.lower(), pos, "with" if slot == "mutual" else slot))
            if row is None:
                continue
            if slot == "mutual":
                if any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in trigger.children):
                    continue  # *X and Y met with Z*: two events with Z, found by the slot pattern
                row = Trigger(row.lemma, row.pos, "between", row.type, row.between_people)
            for event in self._events_of(row, trigger, obj):
                if keep_unrealised or not (event.negated or event.modality):
                    found.setdefault((trigger.i, event.subject, event.object), event)
        return sorted(found.values(), key=lambda e: (e.start, e.subject, e.object))

    def _events_of(self, row: Trigger, trigger: Token, obj: Token) -> list[Event]:
        if row.slot == "between":  # *talks between X and Y*, *X and Y met*
            pair = [obj, *obj.conjuncts] if obj.dep_ != "conj" else [obj.head, obj]
            if len(pair) < 2:
                return []
            return self._make(row, trigger, self._entities(pair[0], conjuncts=False),
                              self._entities(pair[1], conjuncts=False))
        if row.pos == "VERB":
            passive = row.slot == "dobj" and obj.dep_ != "dobj"
            if not passive and any(c.dep_ == "oprd" for c in trigger.children):
                return []  # *called him a liar* is no call
            if obj.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < obj.i for c in trigger.children):
                return []  # two objects: a misparse (*backs Trump over Clinton*); the first one counts
            subjects = self._verb_subjects(trigger, passive)
        else:
            subjects = self._noun_subjects(trigger, row)
        return self._make(row, trigger, subjects, self._entities(obj, members=True))

    def _make(self, row: Trigger, trigger: Token, subjects: list[str], objects: list[str]) -> list[Event]:
        sent = sent_of(trigger)
        negated, modality = self.status(trigger)
        date = self.date_of(trigger)
        out = []
        for subject in subjects:
            for obj in objects:
                if subject == obj:
                    continue
                kinds = (self.index.entities[subject].kind, self.index.entities[obj].kind)
                kind = row.between_people if row.between_people and kinds == ("PERSON", "PERSON") else row.type
                out.append(Event(subject=subject, object=obj, trigger=trigger.text, lemma=row.lemma, type=kind,
                                 sentence=Span(sent.start_char, sent.end_char, sent.text),
                                 start=trigger.idx, end=trigger.idx + len(trigger.text),
                                 date=date, negated=negated, modality=modality))
        return out

    # -- participants ------------------------------------------------------------------------
    def _verb_subjects(self, verb: Token, passive: bool) -> list[str]:
        if passive:
            for child in verb.children:
                if child.dep_ == "agent":
                    return [k for pobj in child.children if pobj.dep_ == "pobj" for k in self._entities(pobj)]
            return []
        for child in verb.children:
            if child.dep_ == "nsubj":
                return self._entities(child)
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            head_passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
            return [] if head_passive else self._verb_subjects(verb.head, False)
        if verb.dep_ in ("advcl", "pcomp", "xcomp"):
            return self._controller(verb)
        # a reciprocal verb with conjoined subjects: *X and Y met* -- handled by the caller's slot
        return []

    def _controller(self, token: Token) -> list[str]:
        """The subject of the clause an adverbial verb or frame noun belongs to.

        Only for adverbials of time and manner (*after meeting Y, X said*): in *criticised
        X for killing Y* the killer is the object, not the subject.
        """
        if token.dep_ == "pcomp" and token.head.lower_ not in CONTROLLING_PREPOSITIONS:
            return []
        governor = token.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ not in ("VERB", "AUX"):
            return []
        subjects = [c for c in governor.children if c.dep_ == "nsubj"]
        if subjects:
            found = self._entities(subjects[0])
            if found or subjects[0].pos_ == "PRON" or self._name_in(subjects[0]):
                return found
        if governor.dep_ == "ROOT":
            return self._sentence_speaker(governor, "")
        return []

    def _name_in(self, phrase: Token) -> bool:
        """Whether a noun phrase names anyone (*Trump's campaign*): then it, not the speaker, is the subject."""
        return any(self.index.entity_of(t) for t in phrase.subtree)

    def _noun_subjects(self, noun: Token, row: Trigger) -> list[str]:
        for child in noun.children:
            if child.dep_ == "poss":
                return self._entities(child)
        for child in noun.children:
            if child.dep_ == "compound" and self._name(child):
                return [self._name(child)]
            if child.dep_ == "prep" and child.lower_ == "by":
                return [k for pobj in child.children if pobj.dep_ == "pobj" for k in self._entities(pobj)]
        head = noun.head
        if noun.dep_ == "dobj" and head.lemma_.lower() in self.light_verbs and head.pos_ in ("VERB", "AUX"):
            return self._verb_subjects(head, False)
        if row.type == "CONSULT" and noun.dep_ == "pobj" and head.lower_ in FRAME_PREPOSITIONS \
                and head.head.pos_ in ("VERB", "AUX") and head.i < noun.i:
            return self._controller(head)
        return []

    def _entities(self, token: Token, members: bool = False, conjuncts: bool = True) -> list[str]:
        """Entity keys a noun phrase headed by ``token`` names, with its conjuncts."""
        out: list[str] = []
        for head in [token, *token.conjuncts] if conjuncts else [token]:
            key = self._name(head) or self._pronoun(head)
            if key is None and head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
                key = self._name(head.head.head)
            if key is None:
                for child in head.children:
                    if child.dep_ == "appos" and self._name(child):
                        key = self._name(child)
                        break
            if key is None and members and head.tag_ in ("NNS", "NNPS"):
                out += self._members(head)
            if key and key not in out:
                out.append(key)
        return out

    def _members(self, group: Token) -> list[str]:
        """*leaders, including Mr. Rutte*, *allies such as France and Poland*."""
        out: list[str] = []
        for child in group.children:
            if child.dep_ == "prep" and child.lower_ in GROUP_MEMBER_PREPOSITIONS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [k for k in self._entities(pobj) if k not in out]
        return out

    def _name(self, token: Token) -> str | None:
        key = self.resolver.name_of(token) or self._by_surface(token)
        if key and self.index.entities[key].kind in PARTICIPANT_KINDS:
            return key
        return None

    def _by_surface(self, token: Token) -> str | None:
        """A name NER missed here but found elsewhere in the document (*Moscow and Kyiv*)."""
        if token.pos_ != "PROPN":
            return None
        words = [t for t in token.subtree if t.dep_ in ("compound", "flat") or t.i == token.i]
        surface = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        return self.surfaces.get(surface) or self.surfaces.get(token.text)

    def _pronoun(self, token: Token) -> str | None:
        """*he*, *his*: the sentence's speaker when there is exactly one; else a person the
        resolver and recency agree on: the last person named before it in its sentence, or
        the only one named in the sentence before."""
        gender = GENDERED_PRONOUNS.get(token.lower_)
        if gender is None or token.tag_ not in ("PRP", "PRP$"):
            return None
        speaker = self._sentence_speaker(token, gender)
        if speaker:
            return speaker[0]
        recent = self._recent_person(token, gender)
        if recent and self.resolver.pronoun(token) == recent:
            return recent
        return None

    def _recent_person(self, token: Token, gender: str) -> str | None:
        def fits(key: str | None) -> bool:
            entity = self.index.entities.get(key) if key else None
            return entity is not None and entity.kind == "PERSON" and entity.gender in (gender, "")

        sent = sent_of(token)
        for i in range(token.i - 1, sent.start - 1, -1):
            key = self.index.token_entity.get(i)
            if fits(key):
                return key
        if sent.start == 0:
            return None
        before = sent_of(self.doc[sent.start - 1])
        named = {self.index.token_entity.get(i) for i in range(before.start, before.end)}
        named = {k for k in named if fits(k)}
        return next(iter(named)) if len(named) == 1 else None

    def _sentence_speaker(self, token: Token, gender: str) -> list[str]:
        """The one person who speaks in the token's sentence and is named in it (*..., Lammy expressed*),
        or whom the statement resolved this pronoun to."""
        sent = sent_of(token)
        named = {self.index.token_entity.get(i) for i in range(sent.start, sent.end)}
        # *he admitted*: the pronoun is the subject of the cue, and the statement already says who it is
        cue_subject = token.dep_ == "nsubj" and token.head.lemma_.lower() in lexicon.reporting_verbs()
        speakers = [k for k in self.speakers.get(sent.start_char, ()) if (k in named or cue_subject)
                    and self.index.entities[k].kind == "PERSON" and self.index.entities[k].gender in (gender, "")]
        return speakers if len(speakers) == 1 else []

    # -- did it happen, and when ----------------------------------------------------------------
    def status(self, trigger: Token) -> tuple[bool, str]:
        """(negated, modality): modality is "" for an event the text asserts happened."""
        negated, modality = False, ""
        if sent_of(trigger).text.rstrip().rstrip("”\"’'").endswith("?"):
            modality = "question"
        if trigger.pos_ in NOUN_POS:
            for child in trigger.children:
                if child.dep_ == "det" and child.lower_ == "no":
                    negated = True
                if child.dep_ in ("amod", "compound") and child.lower_ in UNREALISING_MODIFIERS:
                    modality = modality or child.lower_
        # the clause the trigger belongs to
        clause = trigger
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            if clause.dep_ == "pobj" and clause.head.lower_ in NEGATING_PREPOSITIONS:
                negated = True
            if clause.pos_ in NOUN_POS and clause.i != trigger.i and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in clause.children):
                negated = True
            clause = clause.head
        clauses = [clause]
        if clause.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            clauses.append(clause.head)  # *will meet X and sign Y*
        for verb in clauses:
            for child in verb.children:
                if child.dep_ == "neg":
                    negated = True
                elif child.dep_ == "aux" and child.tag_ == "MD":
                    modality = modality or child.lower_
                elif child.dep_ == "aux" and child.tag_ == "TO":
                    modality = modality or "intended"
                elif child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                    modality = modality or child.lower_
        if clause.i != trigger.i and trigger.pos_ in NOUN_POS and clause.lemma_.lower() in UNREALISING_GOVERNORS \
                and (trigger.dep_ == "dobj" or trigger.head.lower_ == "for"):
            modality = modality or clause.lemma_.lower()  # *wants talks with Y*, *rejected a meeting with Y*
        if clause.dep_ == "pcomp" and clause.head.lower_ in NEGATING_PREPOSITIONS:
            negated = True  # *without meeting Y*
        if clause.dep_ == "xcomp":
            modality = modality or "intended"
        # up the tree: a conditional clause, or a complement of a verb of wanting or denying
        node = clause
        while node.head.i != node.i:
            if node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in UNREALISING_GOVERNORS:
                modality = modality or node.head.lemma_.lower()
            if node.dep_ == "ccomp" and any(c.dep_ == "neg" for c in node.head.children):
                modality = modality or "unasserted"  # *did not confirm that X met Y*
            if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
                modality = modality or "if"
            node = node.head
        return negated, modality

    def date_of(self, trigger: Token) -> str:
        """The sentence's date expression: one in the trigger's own clause, else the nearest."""
        sent = sent_of(trigger)
        dates = [e for e in entities_of(self.doc) if e.label_ == "DATE" and sent.start <= e.start and e.end <= sent.end]
        if not dates:
            return ""
        own = _clause_verb(trigger)
        inside = [e for e in dates if _clause_verb(e.root).i == own.i]
        best = min(inside or dates, key=lambda e: abs(e.root.i - trigger.i))
        return best.text


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a token belongs to (itself when it is one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def extract_events(doc: Doc, index: EntityIndex, resolver: Resolver | None = None,
                   quotes: list[Quote] | None = None, keep_unrealised: bool = False) -> list[Event]:
    """Events between named entities in a parsed document.

    ``quotes`` (the document's statements) let a pronoun or a missing subject fall
    back on the sentence's speaker. Negated and hypothetical events are dropped
    unless ``keep_unrealised``; then they carry ``negated`` and ``modality``.
    """
    return EventExtractor(doc, index, resolver, quotes).events(keep_unrealised)


__all__ = ["EventExtractor", "Trigger", "event_table", "extract_events"]
