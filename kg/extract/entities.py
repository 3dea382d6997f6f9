"""People, organisations and places, one entity per document however many names it goes by.

Method: spaCy's NER gives the mentions; the document's own evidence then mends the
small model's mistakes, in the spirit of one-sense-per-discourse (Gale, Church &
Yarowsky 1992) and string-match coreference of names (Lee et al. 2013, the
"strict head match" sieves):

* titles and honorifics are not part of a name (*Spokesperson Dmitry Peskov* is
  Dmitry Peskov), and *Mr. X* is a person even when NER missed it;
* a surname (or *Mr.* + surname) of a person named in full is that person,
  whatever label NER gave it;
* a name the text uses as a place (*between Moscow and Kyiv*, *in Kyiv*) is a place.

Not handled: nicknames (*Bibi*), transliteration variants (*Zelensky* /
*Zelenskyy*), and first-name-only mentions shared by two people.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from kg import lexicon
from kg.extract.dateline import dateline_of
from kg.extract.genders import pick_by_gender, set_gender, surname_genders
from kg.extract.name_repairs import (drop_headline_only_people, employer_of_a_post, first_names_sharing_a_surname,
                                     judge_by_style, name_of_a_thing, organisation_by_ending, part_of_title,
                                     person_from_honorific, person_inside_a_post, person_typed_org, titled_person,
                                     place_of_a_person, split_run_on_names, title_in_apposition, untagged_full_names,
                                     untagged_organisations, with_cut_first_words)
from kg.extract.names import (CLUB_NAME_ENDINGS, COMPANY_ENDINGS, HEADLINE_LOWER, LEADING_JUNK, NAME_PARTICLES,
                              NOT_ONLY_COMPANIES, ORG_WORDS, PLACE_PREPOSITIONS, POSSESSIVE, name_words, normalise)
from kg.extract.sentences import entities_of, text_of, tokens_by_text
from kg.records import Entity, Mention

KINDS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "FAC": "ORG", "NORP_ORG": "ORG"}


def used_as_place(index: "EntityIndex", text: str, prepositions: set[str] = PLACE_PREPOSITIONS) -> bool:
    """The text uses this word as a place somewhere: *in Kyiv*, *between Moscow and Kyiv*."""
    doc = index.doc
    for i in tokens_by_text(doc).get(text, ()):
        if i > 0 and doc[i - 1].lower_ in prepositions:
            return True
        for other in doc[i].conjuncts:
            key = index.token_entity.get(other.i)
            if key and index.entities[key].kind == "GPE":
                return True
    return False


class EntityIndex:
    """Entities of one document, and which tokens mention which entity."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: dict[str, Entity] = {}
        self.token_entity: dict[int, str] = {}
        self._surname: dict[str, list[str]] = defaultdict(list)
        self.first_seen: dict[str, int] = {}  # person key -> token index of its first full-name mention
        self.guessed_gender: set[str] = set()  # people whose gender comes from the first-name lexicon alone
        self.surname_gender: dict[str, str] = {}  # bare surname -> the gender the text's pronouns give it

    # -- lookups used by the other extractors -------------------------------------------------
    def entity_of(self, token: Token) -> str | None:
        return self.token_entity.get(token.i)

    def person_of(self, token: Token) -> str | None:
        """The person ``token`` names, if it names one."""
        key = self.token_entity.get(token.i)
        return key if key and self.entities[key].kind == "PERSON" else None

    def entity_in(self, tokens: Iterable[Token]) -> str | None:
        """The entity of a noun phrase: the one its head or its nearest name token mentions."""
        tokens = list(tokens)
        for token in tokens:
            if token.dep_ not in ("poss", "compound") and token.i in self.token_entity:
                return self.token_entity[token.i]
        for token in tokens:
            if token.i in self.token_entity:
                return self.token_entity[token.i]
        return None

    def persons(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == "PERSON"]

    def ensure(self, name: str, kind: str) -> str:
        """The key of the organisation or place with this name, made if the text never named it."""
        existing = _find_org(self, kind, name)
        if existing is not None:
            return existing.key
        key = f"{kind}:{normalise(name) or name.lower()}"
        self.entities.setdefault(key, Entity(key=key, name=name, kind=kind))
        return key

    def known_org(self, name: str) -> str | None:
        """The organisation already named by this name, its acronym or its first word (*Meridian*)."""
        entity = _find_org(self, "ORG", name)
        return entity.key if entity is not None and entity.kind == "ORG" else None

    def described_as(self, noun: str, before: int) -> str | None:
        """The last organisation before token ``before`` that the text describes with this noun in
        apposition (*Tallyvane, the Kilcarran-based payroll software company,* for *the company*)."""
        sentence = self.doc[before].sent
        earliest = self.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        for token in reversed(self.doc[earliest:before]):  # in this sentence or the one before only
            key = self.token_entity.get(token.i)
            if key and self.entities[key].kind == "ORG" and any(
                    c.dep_ == "appos" and c.lemma_.lower() == noun for c in token.children):
                return key
        return None

    def club_by_short_name(self, word: str) -> str | None:
        """The one club the text names whose name ends in ``word`` (*Rovers* for *Ashcombe Rovers*)."""
        if word.lower() not in CLUB_NAME_ENDINGS or word.lower() in ("fc", "afc"):
            return None
        clubs = [e.key for e in self.entities.values() if e.kind in ("ORG", "GPE") and len(e.name.split()) > 1
                 and e.name.split()[-1].lower() == word.lower()]
        return clubs[0] if len(clubs) == 1 else None

    def person_by_surname(self, surname: str) -> str | None:
        """The one person of the document with this surname (case-insensitive), if exactly one."""
        keys = list(dict.fromkeys(self._surname.get(normalise(surname), [])))
        return keys[0] if len(keys) == 1 else None

    def main_person(self, keys: list[str], surname: str) -> str:
        """Of people sharing a surname, whom the bare surname means: the one of the gender the text's
        pronouns give the bare surname (*Berg said … he*, in a story that also names Anna Berg),
        then the one introduced first (*Tom Berg* before *Anna Berg*)."""
        told = self.surname_gender.get(surname, "")
        fitting = [k for k in keys if self.entities[k].gender == told] if told else []
        keys = fitting or keys
        return min(keys, key=lambda k: (self.first_seen.get(k, 1 << 30), keys.index(k)))

    def add_person(self, name: str) -> str:
        """A person the NER missed but the syntax names (*Stumpf said*); a bare surname several people
        share is one of them, never a person of its own."""
        key = self.person_by_surname(name.split()[-1]) if name.split() else None
        if key:
            return key
        shared = list(dict.fromkeys(self._surname.get(normalise(name), []))) if len(name.split()) == 1 else []
        if len(shared) > 1:
            return self.main_person(shared, normalise(name))
        if len(name.split()) == 1:
            # "Siobhán said …" after "Siobhán Donnellan-Walsh", "Akinyi says" after "Akinyi Odhiambo": a first
            # name alone is the one person of that name
            named = [e.key for e in self.entities.values() if e.kind == "PERSON" and len(e.name.split()) > 1
                     and normalise(e.name).split()[0] == normalise(name)]
            if len(named) == 1:
                return named[0]
        key = "PERSON:" + (normalise(name) or name.lower())
        gender = lexicon.first_names().get(name.split()[0].lower(), "") if len(name.split()) > 1 else ""
        self.entities.setdefault(key, Entity(key=key, name=name, kind="PERSON", gender=gender))
        if gender:
            self.guessed_gender.add(key)
        self._surname[normalise(name).split()[-1] if normalise(name) else name.lower()].append(key)
        return key

    def add_source(self, description: str) -> str:
        """An unnamed source (*a senior official*), a node named by its description."""
        label = re.sub(r"^(the|a|an|one)\s+", "", description.strip(), flags=re.I)
        key = "SOURCE:" + normalise(label)
        if key not in self.entities:
            self.entities[key] = Entity(key=key, name=label, kind="SOURCE", aliases={description.strip()})
        return key


def clean_span(span: Span, person: bool = False) -> Span | None:
    """Strip articles, honorifics, titles and possessive endings from a name span."""
    start, end = span.start, span.end
    doc = span.doc
    titles = lexicon.title_words()
    honorifics = lexicon.honorifics()
    while start < end and (doc[start].lower_ in LEADING_JUNK or doc[start].lower_ in honorifics
                           or doc[start].is_punct):
        start += 1
    # Titles are not part of a person's name; "Spokesperson Dmitry Peskov" tagged ORG is a person too.
    title_end = start
    while title_end < end - 1 and doc[title_end].lower_.rstrip(".") in titles:
        title_end += 1
    if title_end == end - 1 and doc[title_end - 1].lower_ in lexicon.first_names() and start > 0 \
            and doc[start - 1].lower_ in titles:
        title_end -= 1  # "coach Dean Fairweather": a first name, after the post
    if title_end > start and (person or doc[title_end].lower_ in lexicon.first_names()):
        start = title_end
        while start < end - 1 and (doc[start].is_punct or doc[start].lower_ in honorifics):
            start += 1  # "Sens. Jon Tester": the abbreviation's full stop
    elif person and end - start >= 3 and lexicon.speaker_nouns().get(doc[start].lower_, ("",))[0] == "person" \
            and doc[start + 1].lower_ in lexicon.first_names():
        start += 1  # "Striker Leo Marsh", "Veteran Ann Cole": a description before the name is no part of it
    if end - start > 3 and doc[end - 1].is_digit and doc[end - 2].text in ("-", "–") and doc[end - 3].is_digit:
        end -= 3  # "Pelham United 2-1": the score is not part of the name
    while end > start and (doc[end - 1].lower_ in POSSESSIVE or doc[end - 1].is_punct
                           or person and end - start > 1 and doc[end - 1].text in lexicon.post_nominals()
                           or doc[end - 1].is_lower and doc[end - 1].lower_ in HEADLINE_LOWER):
        end -= 1  # "Helen Marsh KC": the letters after a name are not part of it; nor "in" in "Banco Solmar in"
    # A headline's colon run into a name ("Ruiz: Trust Berg …"): no name holds a colon.
    end = next((i for i in range(start + 1, end) if doc[i].text == ":"), end)
    # A headline's verb before a name: "Lawmakers Rip Donald Trump" tagged "Rip Donald Trump".
    if person and end - start >= 3 and doc[start].lower_ not in lexicon.first_names() \
            and doc[start + 1].lower_ in lexicon.first_names() and doc[start].pos_ != "PROPN":
        start += 1
    # A headline's verb caught in a name: "Obama Says", "Trump Demands Accountability";
    # or running text after it ("Trump demands accountability").
    for i in range(start + 1, end):
        if person and doc[i].is_lower and doc[i].lower_ not in NAME_PARTICLES and doc[i].is_alpha \
                and doc[i - 1].whitespace_:
            end = i
            break
        if doc[i].tag_ in ("VBZ", "VBD", "VBP") or doc[i].lemma_.lower() in lexicon.reporting_verbs() and doc[i].text.istitle() \
                and doc[i].lower_ not in ("will",) and doc[i].lower_ != doc[i].lemma_.lower() or _headline_verb(doc[i]) and (person or doc[start].lower_ in titles):
            end = i
            break
    if start >= end or end < span.end and all(t.lower_.rstrip(".") in lexicon.title_words() for t in doc[start:end]):
        return None  # "Sheriff Tells Voters …": a post before a headline's verb names nobody
    if not person and doc[start:end].text.lower() in lexicon.titles() and start > 0 \
            and doc[start - 1].lower_ in ("the", "a", "an", "this", "that"):
        return None  # "the CFO said" tagged an organisation: a post, not a name (not "Justice" in "Justice Secretary")
    if all(t.lower_.rstrip(".") + "." in lexicon.title_abbreviations() or t.is_punct for t in doc[start:end]):
        return None  # "Sgt." tagged a person (or "Lt." an organisation) on its own: a rank, not a name
    return doc[start:end]


@functools.cache
def _cue_lemmas() -> frozenset[str]:
    return frozenset(lexicon.reporting_verbs()) | frozenset(lexicon.object_cues())


def _headline_verb(token: Token) -> bool:
    """*Blasts*, *Tells*, *Calls* in *Glenn Beck Blasts Drudge*, *Sheriff Tells Voters*: a title-case headline
    verb the tagger took for part of a person's name or a post (its lemma is then the word itself, so the form
    is read directly). Not in other names: *United States*, *Consumer Reports*."""
    word = token.lower_
    if not token.text.istitle() or not word.endswith("s") or len(word) < 5:
        return False
    cues = _cue_lemmas()
    return word[:-1] in cues or word.endswith("es") and word[:-2] in cues


PLACE_NOUNS = {"nation", "country", "region", "province", "territory", "peninsula", "island", "city", "town",
               "village"}


def _conjoined_with_place(doc: Doc, text: str, ents_by_token: dict[int, str], by_text: dict[str, list[int]]) -> bool:
    """*the eastern part of the nation and Crimea*, *in Kyiv and Crimea*: a name joined by *and* to a place
    (named, or a noun that means one) after a preposition is a place too (not *the country and Exxon agreed*)."""
    for token in (doc[i] for i in by_text.get(text, ())):
        if not any(t.dep_ == "pobj" for t in (token, *token.conjuncts)):
            continue
        for other in token.conjuncts:
            if ents_by_token.get(other.i) == "GPE" or (other.pos_ == "NOUN" and other.lemma_.lower() in PLACE_NOUNS):
                return True
    return False


def _place_evidence(doc: Doc, text: str, ents_by_token: dict[int, str], by_text: dict[str, list[int]]) -> int:
    """How often the text uses a name as a place: *in Kyiv*, *Moscow and Kyiv*."""
    score = 0
    for token in (doc[i] for i in by_text.get(text, ())):
        if token.i > 0 and doc[token.i - 1].lower_ in PLACE_PREPOSITIONS:
            score += 1
        for other in list(token.conjuncts):
            if ents_by_token.get(other.i) == "GPE":
                score += 1
    return score


def organisation_evidence(doc: Doc, text: str, by_text: dict[str, list[int]]) -> bool:
    """A name the text calls an organisation: *the artificial intelligence company Lumen*."""
    nouns = lexicon.speaker_nouns_of("organisation")
    return any(i > 0 and doc[i - 1].lower_ in nouns and doc[i - 1].pos_ == "NOUN" for i in by_text.get(text, ()))


def extract_entities(doc: Doc) -> EntityIndex:
    """Build the document's entities from NER, mended by the document's own evidence."""
    index = EntityIndex(doc)
    honorifics = lexicon.honorifics()
    raw: list[tuple[Span, str]] = []
    ents = entities_of(doc)
    dateline = dateline_of(doc)
    for ent in ents:
        label = KINDS.get(ent.label_)
        if dateline and dateline.covers(ent.start_char) and ent.end_char > dateline.end:
            ent = doc.char_span(dateline.end, ent.end_char, alignment_mode="expand")  # "CASTLEMERE - Katya Lind"
            if ent is None or not len(ent):
                continue
        elif dateline and dateline.place[0] <= ent.start_char < dateline.place[1]:
            label = "GPE"  # "ISTANBUL (Reuters) -": where the story was filed, whatever the tagger said
        if not label:
            continue
        if ent.start > 0 and doc[ent.start - 1].ent_type_ == "PERSON" and all(
                t.text in lexicon.post_nominals() for t in ent):
            continue  # "Helen Marsh KC" with "KC" tagged an organisation
        before_person = ent.end < len(doc) and doc[ent.end].ent_type_ == "PERSON"
        if label == "ORG" and titled_person(ent):
            label = "PERSON"  # "Cllr Bryn Hughes"
        if label == "ORG":
            ent = with_cut_first_words(ent)
        span = clean_span(ent, person=label == "PERSON" or before_person)
        if span is None or label != "PERSON" and part_of_title(span):
            continue
        # "Spokesperson Dmitry" (ORG) + "Peskov" (PERSON): the title hid the first name.
        if label != "PERSON" and span.end < len(doc) and doc[span.end].ent_type_ == "PERSON" and ent.end == span.end \
                and all(t.pos_ == "PROPN" for t in span) and span.start > ent.start:
            label = "PERSON"
        raw.append((span, label))
    # A first name NER took for a place, with the surname it left untagged: "Chiamaka" (GPE) + "Obi".
    tagged_tokens = {i for span, _label in raw for i in range(span.start, span.end)}
    for n, (span, label) in enumerate(raw):
        after = doc[span.end] if span.end < len(doc) else None
        if label != "PERSON" and len(span) == 1 and span[0].lower_ in lexicon.first_names() and after is not None \
                and after.i not in tagged_tokens and after.pos_ == "PROPN" and after.text[:1].isupper() \
                and after.is_alpha and after.lower_ not in ORG_WORDS and span[0].whitespace_:
            raw[n] = (doc[span.start:span.end + 1], "PERSON")
    # A surname NER left out of a name: "Sally Quillian" + "Yates".
    tagged = {i for ent in ents for i in range(ent.start, ent.end)}
    for n, (span, label) in enumerate(raw):
        after = doc[span.end] if span.end < len(doc) else None
        if label == "PERSON" and after is not None and after.pos_ == "PROPN" and after.i not in tagged \
                and after.text[:1].isupper() and after.is_alpha and after.lower_ not in ORG_WORDS \
                and after.lower_ not in lexicon.title_words() and after.text not in lexicon.post_nominals() \
                and not doc[span.end - 1].whitespace_ == "" \
                and (span.end + 1 >= len(doc) or not doc[span.end + 1].text[:1].isupper()):
            raw[n] = (doc[span.start:span.end + 1], label)
    # A company NER missed whose name ends in a word only organisations end in: "Meridian Health will close …".
    raw += untagged_organisations(doc, tagged | {i for span, _ in raw for i in range(span.start, span.end)})
    raw.sort(key=lambda item: item[0].start)
    # A first name NER left out between a title and the surname: "Governor Tiff" + "Macklem".
    for n, (span, label) in enumerate(raw):
        before = doc[span.start - 1] if span.start >= 2 else None
        if label == "PERSON" and len(span) == 1 and before is not None and before.i not in tagged \
                and before.pos_ == "PROPN" and before.is_alpha and before.text[:1].isupper() \
                and before.lower_ not in lexicon.title_words() and before.lower_ not in lexicon.honorifics() \
                and doc[before.i - 1].lower_.rstrip(".") in lexicon.title_words():
            raw[n] = (doc[span.start - 1:span.end], label)
    # A name NER cut at a particle: "Ursula von der" + "Leyen" (tagged a place), "Charles de" + "Gaulle".
    joined: set[int] = set()  # starts of the spans a name took in
    for n, (span, label) in enumerate(raw):
        if label == "PERSON" and span.end < len(doc) and doc[span.end - 1].lower_ in NAME_PARTICLES \
                and doc[span.end].text[:1].isupper() and doc[span.end].is_alpha:
            raw[n] = (doc[span.start:span.end + 1], label)
            joined.add(span.end)
    raw = [(span, label) for span, label in raw if span.start not in joined]
    # Merge a PERSON span with the name part right before it ("Dmitry" + "Peskov").
    merged: list[tuple[Span, str]] = []
    for span, label in raw:
        if merged and merged[-1][0].end == span.start and label == "PERSON" and merged[-1][1] == "PERSON":
            prev = merged.pop()[0]
            span = doc[prev.start:span.end]
        merged.append((span, label))
    covered = {i for span, _ in merged for i in range(span.start, span.end)}
    merged += [(span, "PERSON") for span in person_from_honorific(doc, covered)]
    merged.sort(key=lambda item: item[0].start)

    ents_by_token = {i: label for span, label in merged for i in range(span.start, span.end)}
    by_text = tokens_by_text(doc)

    merged = split_run_on_names(doc, merged)
    merged = drop_headline_only_people(doc, merged)
    merged = untagged_full_names(doc, merged, by_text)
    merged = [(span, "ORG" if label == "PERSON" and organisation_by_ending(span.text) else label)
              for span, label in merged
              if not (label == "PERSON" and name_of_a_thing(span))]
    merged = person_inside_a_post(doc, merged)
    merged = judge_by_style(doc, merged)
    merged = place_of_a_person(doc, merged)
    merged = employer_of_a_post(doc, merged)
    # Full names (two words or more) of people anchor the surnames.
    full_names = [span for span, label in merged if len(name_words(span.text)) > 1
                  and (label == "PERSON" or label == "ORG" and person_typed_org(span.text))]
    surnames = {name_words(span.text)[-1] for span in full_names}

    # One label per surface form, voted by the document.
    votes: dict[str, Counter] = defaultdict(Counter)
    for span, label in merged:
        votes[span.text][label] += 1

    # "Vann R. Newkirk II, a writer for The Atlantic", "Jean-Marc Ayrault, the foreign minister of France":
    # a name with a person's title in apposition is a person's, whatever NER said.
    titled = {span.text for span, label in merged if label != "PERSON" and 1 < len(name_words(span.text)) <= 5
              and title_in_apposition(span)}

    first_words = {name_words(s.text)[0] for s in full_names}
    # "Velmora" after "Velmora Foods": a company's first word alone is the company, whatever NER said
    company_first_words = {words[0] for words in (name_words(s.text) for s, label in merged if label == "ORG")
                           if len(words) == 2 and words[1].lower() in COMPANY_ENDINGS - ORG_WORDS - NOT_ONLY_COMPANIES}

    def decide(text: str) -> str:
        if text in surnames or text in {s.text for s in full_names} or text in titled:
            return "PERSON"
        if text in company_first_words and text.lower() not in lexicon.first_names():
            return "ORG"
        counts = votes[text]
        if text in first_words and not used_as_place(index, text, PLACE_PREPOSITIONS | {"to", "at"}) \
                and (counts["PERSON"] >= sum(counts.values()) - counts["PERSON"] or counts.most_common(1)[0][0] == "ORG"
                     and not counts["GPE"] and not organisation_evidence(doc, text, by_text)):
            return "PERSON"  # "Akinyi says" after "Akinyi Odhiambo", whatever NER made of it
        label = counts.most_common(1)[0][0]
        if label in ("GPE", "PERSON") and len(name_words(text)) == 1 and text.lower() not in lexicon.first_names() \
                and organisation_evidence(doc, text, by_text):
            return "ORG"  # "the artificial intelligence company Lumen": NER took it for a place or a person
        if label == "PERSON" and len(name_words(text)) == 1 and text.lower() not in lexicon.first_names():
            if counts["GPE"] or _place_evidence(doc, text, ents_by_token, by_text):
                return "GPE"
        words = name_words(text)
        if label == "ORG" and len(words) == 1 and not counts["PERSON"] and not organisation_evidence(doc, text, by_text) \
                and _conjoined_with_place(doc, text, ents_by_token, by_text):
            return "GPE"
        if label == "ORG" and person_typed_org(text):
            return "PERSON"  # "Enrique Peña Nieto" tagged ORG: a first name starts a person's name
        return label

    # Cluster.
    person_keys: dict[str, str] = {}  # normalised full name -> entity key

    def new_entity(kind: str, name: str) -> Entity:
        key = f"{kind}:{normalise(name) or name.lower()}"
        if key not in index.entities:
            index.entities[key] = Entity(key=key, name=name, kind=kind)
        return index.entities[key]

    # First pass: full person names, longest first, so *Donald J. Trump* and *Donald Trump* meet.
    for span in sorted(full_names, key=lambda s: (-len(s.text), s.start)):
        words = normalise(span.text).split()
        if not words:
            continue
        # Same first and last name (*Donald J. Trump*), or the tail of a longer name
        # (*Guajardo Villarreal* in *Ildefonso Guajardo Villarreal*).
        match = next((k for n, k in person_keys.items()
                      if n.split()[-1] == words[-1] and (n.split()[0] == words[0] or n.split()[-len(words):] == words)),
                     None)
        if match is None:
            entity = new_entity("PERSON", span.text)
            person_keys[normalise(span.text)] = entity.key
            index._surname[words[-1]].append(entity.key)
            if len(words) == 3 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", name_words(span.text)[-1]):
                index._surname[words[1]].append(entity.key)  # "Vincent Lau Chun-hei": Mr Lau
            match = entity.key
        else:
            person_keys[normalise(span.text)] = match
        index.first_seen[match] = min(index.first_seen.get(match, span.start), span.start)
        if not index.entities[match].gender:
            set_gender(index, match, span, honorifics)

    implied = first_names_sharing_a_surname(doc, merged, by_text)
    index.surname_gender = surname_genders(merged, surnames)
    for span, label in merged:
        text = span.text
        kind = decide(text)
        name = implied.get(span.start, text) if kind == "PERSON" else text
        words = normalise(name).split()
        if not words:
            continue
        key = None
        if kind == "PERSON":
            if normalise(name) in person_keys:
                key = person_keys[normalise(name)]
            else:
                candidates = [k for k in index._surname.get(words[-1], []) if _may_share_name(index, k, words, span.start in implied)]
                if len(words) == 1 and not candidates:
                    # A first name alone (*Hillary*) names the one person with that first name.
                    candidates = [k for n, k in person_keys.items() if n.split()[0] == words[0]]
                    candidates = list(dict.fromkeys(candidates))
                key = pick_by_gender(index, candidates, span, honorifics) if candidates else None
                if key is None:
                    key = new_entity("PERSON", name).key
                    if len(words) > 1:
                        person_keys[normalise(name)] = key
                    index._surname[words[-1]].append(key)
            if len(words) > 1:  # a full name the NER typed otherwise introduces its person too
                index.first_seen[key] = min(index.first_seen.get(key, span.start), span.start)
        else:
            entity = _find_org(index, kind, text) or new_entity(kind, text)
            key = entity.key
        entity = index.entities[key]
        entity.aliases.add(_surface(span))
        entity.mentions.append(Mention(span.start_char, span.end_char, text, kind))
        for i in range(span.start, span.end):
            index.token_entity[i] = key
        if kind == "PERSON" and (not entity.gender or key in index.guessed_gender):
            set_gender(index, key, span, honorifics)
    _propagate(index, by_text)
    for entity in index.entities.values():
        entity.aliases.discard(entity.name)
    if dateline and dateline.agency:
        for token in doc.char_span(*dateline.agency, alignment_mode="expand") or ():
            index.token_entity.pop(token.i, None)  # the agency that filed the story is no source it quotes
    return index


def _propagate(index: EntityIndex, by_text: dict[str, list[int]]) -> None:
    """One sense per discourse: a name NER tagged once is the same entity where NER missed it
    (*Kyiv* in *between Moscow and Kyiv*)."""
    doc = index.doc
    # A form two people share (*Berg* for Anna and for her husband) is the one it names most often.
    counts: dict[str, Counter] = defaultdict(Counter)
    for key, entity in index.entities.items():
        for mention in entity.mentions:
            if mention.text[:1].isupper() and len(mention.text) > 2:
                counts[mention.text][key] += 1
    forms = {form: keys.most_common(1)[0][0] for form, keys in counts.items()}
    # A surname alone is its person wherever a person of that surname was named in full (*Reilly said*
    # after *Health Secretary Tom Reilly*), whatever part of speech the small model gave it.
    surnames = {}
    for key, entity in index.entities.items():
        words = entity.name.split()
        if entity.kind == "PERSON" and len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) > 2:
            surnames.setdefault(words[-1], set()).add(key)
    for surname, keys in surnames.items():
        if len(keys) > 1:  # shared: whom the bare surname means, not whoever NER tagged it for most
            forms[surname] = index.main_person(sorted(keys), normalise(surname))
        elif surname not in forms:
            forms[surname] = keys.pop()
    if not forms:
        return
    text = text_of(doc)
    by_first: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        by_first[form.split()[0]].append(form)
    candidates = [doc[i] for i in sorted(i for first in by_first for i in by_text.get(first, ()))]
    for token in candidates:
        if token.i in index.token_entity or token.pos_ not in ("PROPN", "NOUN", "ADJ") \
                and not (token.text in surnames and token.pos_ in ("ADV", "VERB", "X", "INTJ")):
            continue
        for form in sorted(by_first[token.text], key=len, reverse=True):
            end_char = token.idx + len(form)
            if text[token.idx:end_char] != form:
                continue
            span = doc.char_span(token.idx, end_char)
            if span is None or any(t.i in index.token_entity for t in span):
                continue
            key = forms[form]
            index.entities[key].mentions.append(Mention(span.start_char, span.end_char, form, index.entities[key].kind))
            for t in span:
                index.token_entity[t.i] = key
            break


def _surface(span: Span) -> str:
    """The name as written, with an honorific right before it (*Mr. Zelenskyy*)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in lexicon.honorifics():
        return doc[span.start - 1:span.end].text
    return span.text


def _may_share_name(index: EntityIndex, key: str, words: list[str], first_name: bool = False) -> bool:
    """A name with a first name of its own (*Anna Berg*) is not a person of that surname with
    another first name (*Tom Berg*): spouses and siblings share surnames, not first names.
    ``first_name``: the first word is one for sure (*Omar* in *Omar and Leila Haddad*)."""
    first = words[0] if len(words) > 1 else ""
    if not first or not first_name and first not in lexicon.first_names():
        return True
    other = normalise(index.entities[key].name).split()
    return len(other) < 2 or other[0] == first or other[0][:1] == first[:1] and len(other[0]) <= 2


def _find_org(index: EntityIndex, kind: str, text: str) -> Entity | None:
    """An organisation or place already known under this name or its acronym (*NATO*)."""
    key = normalise(text)
    for entity in index.entities.values():
        if entity.kind not in ("ORG", "GPE"):
            continue
        if normalise(entity.name) == key or key in {normalise(a) for a in entity.aliases}:
            return entity
        if _is_acronym(text, entity.name) or _is_acronym(entity.name, text):
            return entity
        if kind == "ORG" and entity.kind == "ORG" and " " not in text.strip() and len(entity.name.split()) == 2 \
                and entity.name.split()[1].lower() in COMPANY_ENDINGS and entity.name.split()[0] == text.strip():
            return entity  # "Meridian" after "Meridian Health", "Brightline" after "Brightline Software"
    return None


def _is_acronym(short: str, long: str) -> bool:
    if not short.isupper() or len(short) < 2 or " " in short:
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", long))
    return len(initials) > 1 and initials == short
