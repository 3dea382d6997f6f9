"""Who a speaker phrase refers to: a name, a pronoun, or a description.

Method: rule-based salience in the manner of Lappin & Leass (1994) and the
quote-attribution sieves of Muzny et al. (2017): a pronoun is the most salient
compatible person before it, where the last speaker and sentence subjects rank
above objects, and agreement (gender from honorifics, titles and first names;
number) filters candidates. A description (*the spokesman*, *NATO's
secretary-general*) is resolved by :mod:`kg.extract.descriptions`: the person the
text ties that post to, else the next person named as a subject within two
sentences (a speaker named late), else an unnamed source node that carries it.

Not handled: cataphoric pronouns (*Before he spoke, Smith ...*), split
antecedents (*they* for two named people), and plural pronouns for organisations.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg import lexicon
from kg.extract.dateline import dateline_of
from kg.extract.descriptions import (GENERIC_TITLES, KIN, SPEAKS_FOR, Descriptions, age_description, indefinite,
                                     nationality, source_phrase, title_in)
from kg.extract.entities import EntityIndex, organisation_evidence, used_as_place
from kg.extract.names import (CLUB_NAME_ENDINGS, COMPANY_ENDINGS, CORPORATE_ENDINGS, INSTITUTION_WORDS,
                              PLACE_PREPOSITIONS)
from kg.extract.sentences import sent_of, sentences, text_of, tokens_by_text, tokens_where
from kg.extract.speakers import ADDRESSEE_FIRST

SUBJECTS = {"nsubj", "nsubjpass"}


# Names the model may type as organisations that are places where things happen: they say nothing.
FACILITIES = {"stadium", "arena", "airport", "station", "hall", "center", "centre", "square", "park", "bridge",
              "courthouse", "field", "garden", "gardens", "hotel", "theater", "theatre"}
# Sources in the "group" list that are no one person: "a study said …; 'we were shocked,' she added" is not the study.
NOT_ONE_PERSON = {"lawsuit", "poll", "report", "statement", "study", "survey", "team", "staff", "police", "people"}
# Quantifiers that head a speaker phrase of their own: who spoke is a group the text does not name.
QUANTIFIED_SOURCES = {"some", "many", "most", "those", "both", "all", "several", "few", "another", "others",
                      "someone", "somebody", "everyone", "everybody", "half", "majority", "minority"}
NAMING_VERBS = {"name", "identify", "call"}  # "a man named …", "a woman identified as …"
APPOSITION_MARKS = {",", "--", "—", "–"}


@dataclass
class Salience:
    """The discourse state while reading a document front to back."""

    last_speaker: str | None = None
    last_speaker_sent: int = -1
    # an unnamed single source just quoted (*a spokesperson for the union said …*): who *she added* means
    last_source: str | None = None
    last_source_sent: int = -1
    last_source_gender: str = ""
    last_source_noun: str = ""  # what the text called that source (*spokesperson*), for *the spokesperson said*
    # unnamed people just quoted (*according to people familiar with the matter*): who *they said* means
    last_group: str | None = None
    last_group_sent: int = -1
    # whoever spoke last, person, organisation or source (*The orchestra said in a statement … the statement said*)
    last_maker: str | None = None
    last_maker_sent: int = -1
    role_holders: dict[str, str] = field(default_factory=dict)  # title (lower) -> person key
    posts: dict[str, set[str]] = field(default_factory=dict)  # person key -> titles (lower) the text gives


class Resolver(Descriptions):
    """Resolve speaker phrases of one document to entity keys."""

    def __init__(self, doc: Doc, index: EntityIndex, quoted: list[tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.quoted = quoted or []
        self.index = index
        self.state = Salience()
        self.dateline = dateline_of(doc)
        self.sents, self.sentence_number = sentences(doc)
        self._subject_mentions = self._collect_person_mentions()
        self._kin_named = self._kin_in_apposition()
        # (person key, title, head token of the description) for descriptions resolved to a person
        self.inferred_roles: list[tuple[str, str, Token]] = []

    def _kin_in_apposition(self) -> dict[str, set[str]]:
        """Relatives the text names in apposition (*His daughter, Ruth Brennock,* / *Ruth Brennock, his
        daughter,*): relation noun -> the people so named."""
        named: dict[str, set[str]] = {}
        for token in tokens_where(self.doc, "LOWER", KIN):
            if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
                continue  # "his daughter, Ruth", not "Mr Bell's daughter"
            for other in [*token.children, token.head]:
                if other is token or not (other.dep_ == "appos" or token.dep_ == "appos" and other is token.head):
                    continue
                key = self.index.entity_of(other)
                if key and self.index.entities[key].kind == "PERSON":
                    named.setdefault(token.lower_, set()).add(key)
        return named

    def _collect_person_mentions(self) -> list[tuple[int, str, bool]]:
        """(token index, person key, is a subject) for every person mention head, in order."""
        out = []
        seen_span: set[tuple[str, int]] = set()
        for i, key in sorted(self.index.token_entity.items()):
            entity = self.index.entities[key]
            if entity.kind != "PERSON":
                continue
            token = self.doc[i]
            # One entry per mention: its syntactic head within the name.
            if token.head.i in self.index.token_entity and self.index.token_entity[token.head.i] == key and token.head.i != i:
                continue
            if (key, i) in seen_span or any(s <= token.idx < e for s, e in self.quoted):
                continue  # a name inside a quotation is not who the narrative is about
            seen_span.add((key, i))
            is_subject = token.dep_ in SUBJECTS or (token.dep_ in ("appos", "compound") and token.head.dep_ in SUBJECTS) \
                or self._opens_sentence(token)
            out.append((i, key, is_subject))
        return out

    def _opens_sentence(self, token: Token) -> bool:
        """A name that opens its sentence (after any title) is its topic, whatever the parse says."""
        for t in sent_of(token):
            if t.i >= token.i:
                return True
            if not (t.is_punct or t.pos_ in ("PROPN", "DET") or t.lower_.rstrip(".") in lexicon.title_words()
                    or t.i in self.index.token_entity):
                return False
        return False

    def _remember(self, head: Token, key: str | None) -> None:
        """A resolved subject is a mention of its person for what follows; a he/she teaches the gender."""
        if not key or head.dep_ not in SUBJECTS or self.index.entities[key].kind != "PERSON":
            return
        if not any(i == head.i for i, _, _ in self._subject_mentions):
            self._subject_mentions.append((head.i, key, True))
            self._subject_mentions.sort()
        gender = lexicon.pronouns().get(head.lower_, ("", ""))[0]
        if gender in ("m", "f") and (not self.index.entities[key].gender or key in self.index.guessed_gender):
            self.index.entities[key].gender = gender  # the text's own he/she beats a first-name guess

    def note_speaker(self, key: str, token: Token, head: Token | None = None) -> None:
        """``key`` spoke at ``token`` (named by the phrase ``head`` leads): the focus for what follows."""
        entity = self.index.entities.get(key)
        if entity:
            self.state.last_maker, self.state.last_maker_sent = key, self.sentence_number[token.i]
        if entity and entity.kind == "PERSON":
            self.state.last_speaker = key
            self.state.last_speaker_sent = self.sentence_number[token.i]
        elif entity and key == self.state.last_source:  # "The diplomat said": the same source again
            self.state.last_source_sent = self.sentence_number[token.i]
        elif entity and entity.kind == "ORG" and head is not None and head.dep_ == "pobj" and head.head.lower_ == "for" \
                and lexicon.speaker_nouns().get(head.head.head.lower_, ("",))[0] == "group" and indefinite(head.head.head):
            # "A spokesperson for Harrowmere Constabulary said …; the spokesperson said": the constabulary again
            self.state.last_source, self.state.last_source_sent = key, self.sentence_number[token.i]
            self.state.last_source_gender = lexicon.speaker_nouns()[head.head.head.lower_][1]
            self.state.last_source_noun = head.head.head.lower_
        elif entity and entity.kind == "SOURCE" and head is not None and head.tag_ == "NNS":
            self.state.last_group, self.state.last_group_sent = key, self.sentence_number[token.i]
        elif entity and entity.kind == "SOURCE" and head is not None and head.tag_ == "NN" \
                and lexicon.speaker_nouns().get(head.lower_, ("",))[0] in ("group", "person") \
                and head.lower_ not in NOT_ONE_PERSON and indefinite(head):  # a spokesman, a woman: someone new
            self.state.last_source = key
            self.state.last_source_sent = self.sentence_number[token.i]
            self.state.last_source_gender = lexicon.speaker_nouns()[head.lower_][1]
            self.state.last_source_noun = head.lower_

    def _group_just_quoted(self, token: Token) -> str | None:
        """*… according to people familiar with the matter. … talks could still fall apart, they said*: the
        unnamed people who spoke last, in this sentence or the one before."""
        state = self.state
        if state.last_group is None or state.last_maker != state.last_group \
                or not 0 <= self.sentence_number[token.i] - state.last_group_sent <= 1:
            return None
        group = self.index.entities[state.last_group].name.lower().split()
        if any(t.dep_ in SUBJECTS and t.tag_ in ("NNS", "NNPS") and t.i < token.i and t.lower_ not in group
               for t in self.sents[self.sentence_number[token.i]]):
            return None  # "Workers were told on Monday, and they said …": the workers
        return state.last_group

    def _source_just_quoted(self, token: Token, gender: str) -> str | None:
        """The unnamed person quoted in this sentence or the two before, when no named person has been a
        subject since (*A spokesperson for the union said … “…,” she added*: not the councillor before)."""
        state, sent_n = self.state, self.sentence_number[token.i]
        if state.last_source is None or not 0 <= sent_n - state.last_source_sent <= 2 \
                or state.last_speaker_sent >= state.last_source_sent \
                or (gender and state.last_source_gender and gender != state.last_source_gender):
            return None
        since = any(is_subject and i < token.i and self.sentence_number[i] >= state.last_source_sent
                    for i, _key, is_subject in self._subject_mentions)
        return None if since else state.last_source

    def note_role(self, title: str, person: str) -> None:
        self.state.role_holders[title.lower()] = person
        self.state.posts.setdefault(person, set()).add(title.lower())

    # -- resolution ---------------------------------------------------------------------------
    def resolve(self, head: Token) -> str | None:
        """The entity a speaker phrase headed by ``head`` refers to, or None if it names nothing."""
        key = self._resolve(head)
        self._remember(head, key)
        return key

    def _resolve(self, head: Token) -> str | None:
        phrase = self.phrase(head)
        if nationality(head):
            return self.description(head, phrase)  # "the Spaniard said", whatever the model typed it
        key = self.name_of(head)
        if key:
            return key
        if head.lemma_.lower() in lexicon.reporting_nouns():
            # "Acme Corp's statement said", "his letter says": whose statement it is.
            for child in head.children:
                if child.dep_ == "poss":
                    return self._resolve(child)
            maker = self._maker_of_the_same(head)
            if maker:
                return maker
        author = self._author(head) if head.pos_ == "NOUN" else None
        if author:
            return author
        lower = head.lower_
        if lower in lexicon.pronouns():
            return self.pronoun(head)
        if head.text[:1].isupper() and head.is_alpha and len(phrase) == 1 \
                and organisation_evidence(self.doc, head.text, tokens_by_text(self.doc)):
            key = self.index.ensure(head.text, "ORG")  # "Lumen said", after "the company Lumen"
            self.index.token_entity.setdefault(head.i, key)  # what "the company" later looks back to
            return key
        if head.pos_ == "PROPN" and head.text[:1].isupper() and head.tag_ == "NNP" and not title_in(head.text) \
                and all(_name_part(t) for t in phrase if t.dep_ in ("compound", "flat") or t is head):
            # A name the NER missed (*Stumpf said*): a known surname, or a new person.
            names = [t for t in phrase if _name_part(t) and t.lower_ not in lexicon.honorifics()]
            posts = [n for n, t in enumerate(names[:-1]) if t.lower_.rstrip(".") in lexicon.title_words()]
            title = title_in(" ".join(t.text for t in names[:posts[-1] + 1])) if posts else None
            post = names[posts[-1]] if posts else None
            if posts:
                names = names[posts[-1] + 1:]  # "Fire Chief Ana Ruiz said": the post is not her name
            name = _name_text(names)
            if names and names[-1].text in INSTITUTION_WORDS:
                return self.index.ensure(name, "ORG")  # "Downing Street announced …"
            short = self.index.known_org(name) if len(names) == 1 else None
            if short:
                return short  # "Meridian said" after "Meridian Health"
            if len(names) == 1 and used_as_place(self.index, name):
                return self.index.ensure(name, "GPE")  # "Kyiv rejected …" after "between Moscow and Kyiv"
            key = self.index.add_person(name)
            if title and post is not None:
                self.inferred_roles.append((key, title, post))
            return key
        full = _full_name_after_post(head, phrase)
        if full is not None:
            # "Sehristan's foreign ministry spokesperson Leyla Tovrani", a name the tagger missed after a post
            key = self.index.add_person(_name_text(full))
            post = self.doc[full[0].i - 1]
            if title_in(post.text):
                self.inferred_roles.append((key, title_in(post.text), post))
            return key
        if head.pos_ in ("NOUN", "PROPN") or lower in lexicon.speaker_nouns() or age_description(head):
            return self._named_in_apposition(head) or self._named_as(head) or self.description(head, phrase)
        if lower in QUANTIFIED_SOURCES or head.pos_ == "NUM" and not head.ent_type_ in ("DATE", "TIME", "MONEY"):
            # "Some said …", "Many of the delegates say …", "Two told reporters …": an unnamed group.
            return self.index.add_source(source_phrase(head))
        return None

    def _author(self, head: Token) -> str | None:
        """*calculations by Ana Ruiz*, *an email from Tom Berg*, *a lawsuit filed by Acme*: a
        finding or a document speaks for whoever made it, when the text names them."""
        if lexicon.speaker_nouns().get(head.lower_, ("",))[0] == "person":
            return None  # "a friend from Ohio" is someone else
        document = head.lemma_.lower() in lexicon.reporting_nouns() | lexicon.cue_class("document")
        preps = [c for c in head.children if c.dep_ == "prep" and (c.lower_ == "by" or document and c.lower_ == "from")]
        preps += [c for acl in head.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                  for c in acl.children if c.dep_ == "agent"]
        for prep in preps:
            for obj in prep.children:
                key = self.name_of(obj) or self._named_as(obj) if obj.dep_ == "pobj" else None
                if key and self.index.entities[key].kind in ("PERSON", "ORG"):
                    return key
        return None

    def _named_as(self, head: Token) -> str | None:
        """*A woman later identified as Eva Ruiz*, *a former staffer named Tom Platt*: a description the
        text names on the spot is that person."""
        verbs = [c for c in head.children if c.dep_ == "acl"]
        if head.dep_ in SUBJECTS and head.head.tag_ in ("VBN", "VBD"):
            verbs.append(head.head)  # the parse made the participle the main verb: "A woman identified as …"
        for acl in verbs:
            if acl.lemma_.lower() not in NAMING_VERBS:
                continue
            for token in acl.subtree:
                key = self.index.entity_of(token) if token.i > acl.i else None
                if key and self.index.entities[key].kind == "PERSON":
                    return key
        return None

    def _named_in_apposition(self, head: Token) -> str | None:
        """*A spokeswoman for Pacific Valley Electric, Dana Whitfield, said*: the person named
        between commas (or dashes: *A former candidate -- Ann Lee, who lost in 2008 -- said*) right
        after the description is the speaker, wherever the parse hangs the name."""
        if not (title_in(head.text) or lexicon.speaker_nouns().get(head.lower_, ("",))[0] == "person"):
            return None
        for token in head.subtree:
            key = self.index.entity_of(token) if token.dep_ == "appos" and token.i > head.i else None
            if token.dep_ == "appos" and token.i > head.i and (key is None or self.index.entities[key].kind == "ORG"):
                key = self._untyped_full_name(token) or key  # "the head of the cooperative, Tsuyoshi Nakabayashi,"
            if key and self.index.entities[key].kind == "PERSON" and token.left_edge.i > 0 \
                    and self.doc[token.left_edge.i - 1].text in APPOSITION_MARKS \
                    and (token.right_edge.i == head.right_edge.i  # "said his best friend, Bruce Turry, who …"
                         or token.right_edge.i + 1 == head.right_edge.i and self.doc[head.right_edge.i].text in APPOSITION_MARKS):
                return key
        return None

    def _untyped_full_name(self, token: Token) -> str | None:
        """Two or more capitalised name words and nothing else (no word of an organisation or a post), which
        the tagger left untyped or cut into organisations: the person of that name."""
        words = [t for t in token.lefts if t.dep_ in ("compound", "flat")] + [token]
        words += [t for t in token.rights if t.dep_ in ("compound", "flat")]
        if len(words) < 2 or [t.i for t in words] != list(range(words[0].i, words[-1].i + 1)) or not all(
                t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and t.lower_ not in COMPANY_ENDINGS
                and t.lower_ not in lexicon.title_words() for t in words):
            return None
        keys = {self.index.entity_of(t) for t in words}
        if len(keys) == 1 and None not in keys and words[0].lower_ not in lexicon.first_names():
            return None  # one organisation the tagger named whole (*the rival bidder, Ardent Capital*), not a cut name
        return self.index.add_person(_name_text(words))

    def name_of(self, head: Token) -> str | None:
        """The entity a phrase names by its head (*Mr. Rutte*, *the Kremlin*), not by a modifier (*NATO's*)."""
        key = self.index.entity_of(head)
        if key and self.index.entities[key].kind == "ORG" and " " not in self.index.entities[key].name:
            # "Okafor-Hale said" after "Sienna Okafor-Hale": a surname the tagger took for an organisation
            key = self.index.person_by_surname(self.index.entities[key].name) or key
        if key:
            return key
        if head.pos_ == "PROPN" and (not title_in(head.text) or head.text in lexicon.post_nominals()):
            for child in head.children:  # "Tom Rudd MP said": the name before the letters (a person's, not
                key = self.index.entity_of(child) if child.dep_ in ("compound", "flat") else None  # "Liberal MP")
                if key and self.index.entities[key].kind == "PERSON":
                    return key
        return None

    def phrase(self, head: Token) -> list[Token]:
        """The noun phrase of a speaker without relative clauses or appositions."""
        keep = []
        for token in head.subtree:
            if token.i > head.i and token.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj", "prep"):
                break
            if self.dateline is None or not self.dateline.covers(token.idx):  # "CASTLEMERE - Katya Lind said"
                keep.append(token)
        return keep or [head]

    def pronoun(self, token: Token) -> str | None:
        gender, number = lexicon.pronouns()[token.lower_]
        if token.lower_ in ("i", "me", "we", "us", "you"):
            return self.state.last_speaker
        if gender == "n":
            return self._last_org(token)
        if number == "p":
            return self._group_just_quoted(token) or self._last_org(token) or self.state.last_speaker
        return self._source_just_quoted(token, gender) or self.salient_person(token, gender)

    def _mention_spoken_to(self, i: int, key: str) -> bool:
        """The mention of ``key`` at ``i`` is an outlet a statement was made to (*told BBC Radio 5 Live*),
        however the parse split the name: no organisation that acts in the story."""
        start = end = i
        while start > 0 and self.index.token_entity.get(start - 1) == key:
            start -= 1
        while end + 1 < len(self.doc) and self.index.token_entity.get(end + 1) == key:
            end += 1
        return any(_spoken_to(t) for t in self.doc[start:end + 1])

    def _affiliation(self, i: int, key: str) -> bool:
        """The mention of ``key`` at ``i`` says where a person works (*Okafor of Redbridge Securities*, *an
        analyst at Redbridge*): the organisation does not act in the story there."""
        head = self.doc[i]
        while head.head.i != head.i and self.index.token_entity.get(head.head.i) == key:
            head = head.head  # the name's own head
        if head.dep_ != "pobj" or head.head.lower_ not in ("of", "at", "from", "with"):
            return False
        worker = head.head.head  # a person, or a word for one that is no post ("the chancellor of Baylor" acts for it)
        return bool(self.index.person_of(worker)) or worker.lower_ not in lexicon.title_words() \
            and lexicon.speaker_nouns().get(worker.lower_, ("",))[0] == "person"

    def _last_org(self, token: Token, reach: int = 80, named: str = "", clubs: bool = False,
                  kind: str = "", places: bool = True, affiliations: bool = True) -> str | None:
        """The organisation named last before ``token`` (with ``named``, the last whose name ends in or
        holds that word after its first: *Northfield Borough Council* for *the council*; with ``clubs``,
        the last sports club, even one the tagger took for a place: *Harton City*; with ``kind``, the last
        company by its legal form: *the company* is *Kestrel Timber Corp.*, not the union quoted last;
        without ``affiliations``, not one named only as where a person works: *analyst James Okafor of
        Redbridge Securities*)."""
        for i in range(token.i - 1, max(-1, token.i - reach), -1):
            key = self.index.token_entity.get(i)
            if not key or self.index.entities[key].kind not in (("ORG", "GPE") if clubs else ("ORG",)):
                continue
            if clubs and self.index.entities[key].kind == "GPE" and any(
                    j > 0 and k == key and self.index.token_entity.get(j - 1) != key
                    and self.doc[j - 1].lower_ in PLACE_PREPOSITIONS for j, k in self.index.token_entity.items()):
                continue  # "fans in Mexico City": a place
            words = self.index.entities[key].name.lower().split()
            if clubs and words[-1] not in CLUB_NAME_ENDINGS:
                continue
            if kind and words[-1].rstrip(".") not in CORPORATE_ENDINGS:
                continue
            if not places and self._where_things_are(key):
                continue  # "the miner said" is not the Pilbara the tagger took for an organisation
            if not affiliations and self._affiliation(i, key):
                continue
            if words[-1] not in FACILITIES and (not named or named in words[1:]) and not self._mention_spoken_to(i, key):
                return key
        return None


    def salient_person(self, token: Token, gender: str) -> str | None:
        """The most salient person before ``token`` that agrees in gender.

        A gender read from a first name is a guess (*Terry*, *Jordan*): when nobody agrees, a
        pronoun may overrule a guess, never a gender an honorific gave.
        """
        key = self._salient(token, gender, set())
        if key is None and gender:
            key = self._salient(token, gender, self.index.guessed_gender)
        return key

    def _salient(self, token: Token, gender: str, unsure: set[str]) -> str | None:
        sent_n = self.sentence_number[token.i]
        candidates: list[tuple[tuple, str]] = []
        # The last speaker stays in focus until someone else is made the subject of a later sentence
        # ("Barton said … City's manager, Pep Guardiola, was gracious. “…,” he said": Guardiola).
        last = self.state.last_speaker
        newer = any(is_subject and key != last and i < token.i and self.sentence_number[i] > self.state.last_speaker_sent
                    and not (gender and self.index.entities[key].gender and self.index.entities[key].gender != gender)
                    for i, key, is_subject in self._subject_mentions)
        for i, key, is_subject in self._subject_mentions:
            if i >= token.i:
                break
            distance = sent_n - self.sentence_number[i]
            if distance > 4:
                continue
            entity = self.index.entities[key]
            if gender and entity.gender and entity.gender != gender and key not in unsure:
                continue
            salience = (
                (key == last and not newer and self.sentence_number[i] >= self.state.last_speaker_sent - 1) * 2
                + is_subject * 2
                - distance
            )
            candidates.append(((salience, i), key))
        if candidates:
            return max(candidates)[1]
        if self.state.last_speaker:
            entity = self.index.entities[self.state.last_speaker]
            if not (gender and entity.gender and entity.gender != gender) or self.state.last_speaker in unsure:
                return self.state.last_speaker
        return None

    def in_headline(self, token: Token) -> bool:
        """In the headline: the first line when a line break follows it, and a deck line under it
        (*Lawmaker urges retaliation on Russia; ⏎ Member of House panel says …*) in the same paragraph."""
        if self.sentence_number[token.i] == 0:
            return "\n" in self.sents[0].text_with_ws
        text = text_of(self.doc)
        first = text.find("\n\n")
        return 0 < first and token.idx < first and "\n" in text[:first].strip() and first < 400

    def headline_speaker(self, head: Token) -> str | None:
        """Who a headline's bare post (*Lawmaker urges …*) is: the person the story quotes first."""
        return self._next_named_subject(head, speaking=True, title=head.lower_)

    def _next_named_subject(self, head: Token, speaking: bool = False, title: str | None = None) -> str | None:
        """A speaker named late: the next person who is a sentence subject within two sentences
        (with ``speaking``, the subject of a reporting verb: *…,” said Don Fowler*), unless the
        text named that person before ``head`` or gives them another post than ``title`` (*A spokesman for the guild
        said … The guild's president, Sam Whitaker, accused …* are two people)."""
        sent_n = self.sentence_number[head.i]
        for i, key, is_subject in self._subject_mentions:
            if i <= head.i:
                continue
            if self.sentence_number[i] - sent_n > 2:
                break
            if is_subject and self.sentence_number[i] > sent_n and (not speaking or self._speaks(self.doc[i])):
                if any(k == key and j < head.i for j, k in self.index.token_entity.items()):
                    return None  # named before: *a spokesperson* is someone new, not the councillor quoted above
                own = title_in(" ".join(t.text for t in self._naming_phrase(self.doc[i])))
                if title in SPEAKS_FOR:
                    # "A council spokeswoman said … Shopkeeper Brian Hart said": a spokesperson is named as one
                    return key if own == title else None
                return key if own is None or title is None or own == title or title in GENERIC_TITLES else None
        return None

    @staticmethod
    def _naming_phrase(token: Token) -> list[Token]:
        """The words that introduce a named subject: its head's phrase with appositions (*The
        guild's president, Sam Whitaker,*), up to its verb."""
        token = _phrase_head(token)
        return [t for t in token.subtree if t.i < token.head.i or token.head.i == token.i]

    def _subject_just_before(self, head: Token) -> bool:
        """A person was a subject earlier in this sentence or in the one before."""
        sent_n = self.sentence_number[head.i]
        return any(is_subject and i < head.i and sent_n - self.sentence_number[i] <= 1
                   for i, _key, is_subject in self._subject_mentions)

    @staticmethod
    def _speaks(token: Token) -> bool:
        token = _phrase_head(token)
        return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in lexicon.reporting_verbs()


def _phrase_head(token: Token) -> Token:
    """The head of the phrase a name is part of (its compound, flat or appositive chain)."""
    while token.dep_ in ("compound", "flat", "appos") and token.head.i != token.i:
        token = token.head
    return token


def _spoken_to(token: Token) -> bool:
    """*told BBC Radio*, *said on Sky News*: whom a statement was made to (not *criticised Marlow Foods*)."""
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "on"):
        # also "in a filing to the Singapore Exchange", "in a letter to the council": whom a document went to
        said = token.head.head.lemma_.lower()
        return said in lexicon.reporting_verbs() or token.head.lower_ == "to" and token.head.head.pos_ == "NOUN" \
            and (said in lexicon.reporting_nouns() or said in lexicon.cue_class("document"))
    return token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() in ADDRESSEE_FIRST


def _full_name_after_post(head: Token, phrase: list[Token]) -> list[Token] | None:
    """The first name and surname that end a speaker's phrase after a common noun (*foreign ministry
    spokesperson Leyla Tovrani*): the person, whatever the words before say of her, when the noun is a post
    or the name starts with a known first name."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    run = [head]
    for token in reversed([t for t in phrase if t.i < head.i]):
        if token.i != run[0].i - 1 or not _name_part(token) and not (token.text in ("-", "‐") and not token.whitespace_):
            break
        run.insert(0, token)
    before = head.doc[run[0].i - 1] if run[0].i > 0 else None
    if len(run) < 2 or before is None or before.pos_ != "NOUN" or not before.is_lower or before not in phrase \
            or not (run[0].lower_ in lexicon.first_names() or before.lower_ in lexicon.title_words()
                    or lexicon.speaker_nouns().get(before.lower_, ("",))[0] in ("person", "group")):
        return None
    return [t for t in run if _name_part(t)]


def _name_part(token: Token) -> bool:
    """A proper noun, or the capitalised first half of a hyphenated name the tagger took for a common
    noun (*Morrow* in *Morrow-Lind called …*)."""
    return token.pos_ == "PROPN" or token.text[:1].isupper() and token.is_alpha and not token.whitespace_ \
        and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in ("-", "‐")


def _name_text(names: list[Token]) -> str:
    """The name as written: *Okonkwo-Lind* keeps its hyphen (the tokens between are the name's own)."""
    if names and all(t in names or t.text in ("-", "‐") and not t.whitespace_ for t in names[0].doc[names[0].i:names[-1].i + 1]):
        return names[0].doc[names[0].i:names[-1].i + 1].text
    return " ".join(t.text for t in names)
