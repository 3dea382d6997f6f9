"""Who a speaker phrase refers to: a name, a pronoun, or a description.

Method: rule-based salience in the manner of Lappin & Leass (1994) and the
quote-attribution sieves of Muzny et al. (2017): a pronoun is the most salient
compatible person before it, where the last speaker and sentence subjects rank
above objects, and agreement (gender from honorifics, titles and first names;
number) filters candidates. A description (*the spokesman*, *NATO's
secretary-general*) is the person the text ties that post to, else the next
person named as a subject within two sentences (a speaker named late), else an
unnamed source node that carries the description.

Not handled: cataphoric pronouns (*Before he spoke, Smith ...*), split
antecedents (*they* for two named people), and plural pronouns for organisations.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg import lexicon
from kg.extract.entities import (CLUB_NAME_ENDINGS, COMPANY_ENDINGS, CORPORATE_ENDINGS, INSTITUTION_WORDS,
                                 PLACE_PREPOSITIONS, EntityIndex, organisation_evidence, used_as_place)
from kg.extract.dateline import dateline_of
from kg.extract.reported import withholds_name
from kg.extract.sentences import sent_of, sentences, text_of, tokens_by_text, tokens_where
from kg.extract.speakers import ADDRESSEE_FIRST

SUBJECTS = {"nsubj", "nsubjpass"}


# Posts whose holders speak for someone else: such a person is not also *the governor* of the next sentence.
SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "press secretary", "campaign spokesman",
              "campaign spokeswoman", "adviser", "senior adviser", "attorney", "lawyer"}
# Names the model may type as organisations that are places where things happen: they say nothing.
FACILITIES = {"stadium", "arena", "airport", "station", "hall", "center", "centre", "square", "park", "bridge",
              "courthouse", "field", "garden", "gardens", "hotel", "theater", "theatre"}
# Relations a person may be described by ("the daughter of one tenant" is someone new).
KIN = {"daughter", "son", "mother", "father", "wife", "husband", "grandmother", "grandfather", "sister", "brother",
       "widow", "widower", "niece", "nephew", "cousin", "partner"}
# Sources in the "group" list that are no one person: "a study said …; 'we were shocked,' she added" is not the study.
NOT_ONE_PERSON = {"lawsuit", "poll", "report", "statement", "study", "survey", "team", "staff", "police", "people"}
# Posts a headline or a lead gives anyone in public life ("Lawmaker urges …" before "Rep. Adam Schiff said").
GENERIC_TITLES = {"lawmaker", "legislator", "politician", "official", "leader", "head", "chief", "executive", "member"}
# Descriptions of someone running for a post, whatever post they hold ("the presidential candidate", a senator).
RUNNING_TITLES = {"candidate", "nominee", "hopeful", "contender", "challenger", "incumbent", "front-runner",
                  "frontrunner"}
# Quantifiers that head a speaker phrase of their own: who spoke is a group the text does not name.
QUANTIFIED_SOURCES = {"some", "many", "most", "those", "both", "all", "several", "few", "another", "others",
                      "someone", "somebody", "everyone", "everybody", "half", "majority", "minority"}
NAMING_VERBS = {"name", "identify", "call"}  # "a man named …", "a woman identified as …"
APPOSITION_MARKS = {",", "--", "—", "–"}
# Words that make a post another one: the vice president is not "the president".
RANKED = {"vice", "deputy", "assistant", "shadow", "former", "acting", "interim", "associate", "under", "lieutenant",
          "prime", "co"}
NOT_SOURCES = {"it", "this", "that", "which", "what", "there", "here", "who", "one", "something", "nothing"}


def source_phrase(head: Token) -> str:
    """The words of an unnamed source: its noun phrase without relative clauses or appositions."""
    drop = set()
    for token in head.subtree:
        if token.dep_ in ("relcl", "acl", "appos") and token.head.i >= head.i:
            drop.update(t.i for t in token.subtree)
    kept = [t for t in head.subtree if t.i not in drop]
    comma = next((t.i for t in kept if t.i > head.i and t.text in (",", "(", "—", "–")), None)
    if comma is not None:
        kept = [t for t in kept if t.i < comma]  # "Proponents, including the Conference of Mayors"
    while kept and (kept[0].lower_ in ("a", "an", "the") or kept[0].is_punct):
        kept = kept[1:]
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "case"):  # "the council's report": the council
        kept = kept[:-1]
    run = []
    for token in kept:
        if run and token.i != run[-1].i + 1:
            break
        run.append(token)
    return "".join(t.text_with_ws for t in run).strip() or head.text


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


class Resolver:
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
                and lexicon.speaker_nouns().get(head.head.head.lower_, ("",))[0] == "group" and _indefinite(head.head.head):
            # "A spokesperson for Harrowmere Constabulary said …; the spokesperson said": the constabulary again
            self.state.last_source, self.state.last_source_sent = key, self.sentence_number[token.i]
            self.state.last_source_gender = lexicon.speaker_nouns()[head.head.head.lower_][1]
            self.state.last_source_noun = head.head.head.lower_
        elif entity and entity.kind == "SOURCE" and head is not None and head.tag_ == "NNS":
            self.state.last_group, self.state.last_group_sent = key, self.sentence_number[token.i]
        elif entity and entity.kind == "SOURCE" and head is not None and head.tag_ == "NN" \
                and lexicon.speaker_nouns().get(head.lower_, ("",))[0] in ("group", "person") \
                and head.lower_ not in NOT_ONE_PERSON and _indefinite(head):  # a spokesman, a woman: someone new
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
        if _nationality(head):
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
        if head.pos_ == "PROPN" and head.text[:1].isupper() and head.tag_ == "NNP" and not _title_in(head.text) \
                and all(_name_part(t) for t in phrase if t.dep_ in ("compound", "flat") or t is head):
            # A name the NER missed (*Stumpf said*): a known surname, or a new person.
            names = [t for t in phrase if _name_part(t) and t.lower_ not in lexicon.honorifics()]
            posts = [n for n, t in enumerate(names[:-1]) if t.lower_.rstrip(".") in lexicon.title_words()]
            title = _title_in(" ".join(t.text for t in names[:posts[-1] + 1])) if posts else None
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
            if _title_in(post.text):
                self.inferred_roles.append((key, _title_in(post.text), post))
            return key
        if head.pos_ in ("NOUN", "PROPN") or lower in lexicon.speaker_nouns() or _age_description(head):
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
        if not (_title_in(head.text) or lexicon.speaker_nouns().get(head.lower_, ("",))[0] == "person"):
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
        if head.pos_ == "PROPN" and (not _title_in(head.text) or head.text in lexicon.post_nominals()):
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

    def _last_org(self, token: Token, reach: int = 80, named: str = "", clubs: bool = False,
                  kind: str = "", places: bool = True) -> str | None:
        """The organisation named last before ``token`` (with ``named``, the last whose name ends in or
        holds that word after its first: *Northfield Borough Council* for *the council*; with ``clubs``,
        the last sports club, even one the tagger took for a place: *Harton City*; with ``kind``, the last
        company by its legal form: *the company* is *Kestrel Timber Corp.*, not the union quoted last)."""
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
            if words[-1] not in FACILITIES and (not named or named in words[1:]) and not self._mention_spoken_to(i, key):
                return key
        return None

    def description(self, head: Token, phrase: list[Token]) -> str | None:
        """*the spokesman*, *NATO's Secretary-General*, *the New York businessman*, *the bank*.

        A source who asked not to be named, or a relative of someone unnamed (*the daughter of one
        tenant*), is an unnamed source; a lede's *A man accused of …* is the person the next two
        sentences name. A post held by someone the text named is that person; a post of a named
        organisation not yet tied to anyone is the next person named as a subject (a speaker named late);
        a singular definite description of a person is the most salient compatible person;
        of an organisation, the last organisation named. Anything else is an unnamed source.
        """
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return None  # "No group claimed responsibility": nobody spoke
        if head.lower_ in ("police", "force") and all(t.i == head.i or t.dep_ == "det" for t in phrase):
            force = self.police_force()
            if force:
                return force  # "Police said …", "the force said" after "the Police Service of Northern Ireland"
        if _anonymous(head):
            # "an official, who asked not to be named"; "said the people, who asked not to be identified"
            # after "according to people familiar with the matter": those people
            same = self._source_named_before(head, anonymous=True) if not _indefinite(head) else None
            return same or self.index.add_source(source_phrase(head))
        text = " ".join(t.text for t in phrase if t.dep_ != "poss" and t.lower_ not in ("the", "a", "an", "'s", "’s"))
        title = _title_in(text)
        headline = self.in_headline(head)
        person_noun = next((t.lower_ for t in phrase if lexicon.speaker_nouns().get(t.lower_, ("",))[0] == "person"),
                           None)  # "Member of House panel"
        if headline and head.tag_ == "NN" and not title and not any(c.dep_ in ("det", "poss") for c in head.children) \
                and head.lower_ not in lexicon.speaker_nouns() and head.lemma_.lower() not in lexicon.reporting_nouns() \
                and not person_noun:
            return None  # "Ministers meet as ceasefire talks stall": a bare noun in a headline that cannot speak
        if (title or headline and person_noun) and (headline or _indefinite(head)):
            # A headline's or an indefinite description (*Former DNC chairman calls for …*, *A former
            # DNC chairman says …*, *Member of House panel says …*) introduces the speaker the story
            # names next, whoever else the text later gives that title.
            ahead = self._next_named_subject(head, speaking=True, title=title or person_noun)
            if ahead:
                return ahead
        if not title and person_noun == head.lower_ and _indefinite(head) \
                and self.sentence_number[head.i] <= 2:
            # A lede's "A man accused of … has told a jury …" is the person the next two sentences name,
            # unless the text gives that person a post ("Fire chief Tom Reed said" is someone else).
            ahead = self._next_named_subject(head, title=person_noun)
            if ahead:
                return ahead
        holder = self.state.role_holders.get(title or "")
        last = self.state.last_speaker
        if title and last and last != holder and 0 <= self.sentence_number[head.i] - self.state.last_speaker_sent <= 2 \
                and not _indefinite(head) and any(post == title or post.endswith(" " + title) and not set(post.split()) & RANKED
                                                  for post in self.state.posts.get(last, ())) \
                and not any(is_subject and key != last and i < head.i
                            and self.sentence_number[i] > self.state.last_speaker_sent
                            for i, key, is_subject in self._subject_mentions):
            holder = last  # "Tennant, the senior coach, said … “…,” the coach said": not the other side's coach
        if title and not holder:
            # "the minister" is the transport minister the text names, if only one post is a kind of minister
            # ("the secretary" after a press secretary and a secretary of state is for salience to say).
            kinds = {person for held, person in self.state.role_holders.items()
                     if held.endswith(" " + title) or held.startswith(title + " ")}
            holder = kinds.pop() if len(kinds) == 1 else None
        if holder:
            return holder
        named_org = any(self.index.entity_of(t) and self.index.entities[self.index.entity_of(t)].kind in ("ORG", "GPE")
                        for t in phrase if t.i != head.i)
        named_person = any(self.index.entity_of(t) and self.index.entities[self.index.entity_of(t)].kind == "PERSON"
                           for t in phrase if t.i != head.i)
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in head.children) or \
            (bool(title) and not any(t.lower_ in ("a", "an", "one", "another") for t in head.children))
        noun_kind, noun_gender = _speaker_noun(head)
        age = _age_description(head) or _ranking(head)
        if age:
            noun_kind = "person"
            # "“…,” said the 25-year-old": the person just named; in "the world No. 4", "the" hangs on "world"
            definite = definite or phrase[0].lower_ == "the"
        singular = head.tag_ in ("NN", "NNP") or age
        same = self._source_named_before(head) if definite and singular else None
        if same:
            return same  # "a Western diplomat told Wire … The diplomat said": the one source
        if not title and head.lower_ in KIN and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children) \
                and len(self._kin_named.get(head.lower_, ())) == 1:
            return next(iter(self._kin_named[head.lower_]))  # "His daughter said" after "His daughter, Ruth Brennock,"
        if title and named_org and not self._subject_just_before(head):
            # Cataphora (*NATO's Secretary-General … Mark Rutte*) only when nobody was just the subject:
            # after *Bernie Sanders spoke*, *the Vermont senator* is Sanders.
            ahead = self._next_named_subject(head, title=title)
            if ahead:
                self.inferred_roles.append((ahead, title, head))
                self.note_role(title, ahead)
                return ahead
        if title and not named_person and singular and definite and not head.lower_ in ("spokesman", "spokeswoman", "spokesperson"):
            # "the Vermont senator said": the salient person, as for a pronoun; the post is theirs.
            key = self.salient_person(head, lexicon.titles().get(title, ("", ""))[1])
            if key and not self._someone_else(key, title, head):
                self.inferred_roles.append((key, title, head))
                return key
        elif not title and head.lower_ in KIN and _related_to_someone(head):
            pass  # "the daughter of one resident": someone new, an unnamed source
        elif definite and singular and not named_person and (title or noun_kind == "person"):
            gender = noun_gender or lexicon.titles().get(title or "", ("", ""))[1]
            key = (None if title else self._described_earlier(head)) or self.salient_person(head, gender)
            if key:
                return key
        elif definite and singular and not named_person and noun_kind == "organisation" \
                and not self._of_a_named_place_or_body(head) \
                and not _possessed_by_pronoun(head):  # not "her campaign"
            # "the company said" may come paragraphs after the company was named; "it said" may not.
            # "the council confirmed" after a union was named is the council the text named before it.
            key = self._last_org(head, reach=400, named=head.lemma_.lower()) \
                or self.index.described_as(head.lemma_.lower(), head.i) \
                or self._last_org(head, reach=400, places=False) or self._last_org(head, reach=400)
            if key and self._other_kind(key, head) and head.lemma_.lower() in ("company", "firm"):
                key = self._last_org(head, reach=400, kind=head.lemma_.lower()) or key
            if head.lemma_.lower() == "club":  # "Harton City have sacked …; the club said": the tagger took it for a place
                key = self._last_org(head, reach=400, clubs=True) or key
            named = self.index.entities[key].name.lower().split() if key else [""]
            # Not when it names another kind ("the state forestry agency" is no Fire Department), nor
            # when what it is of is not in the name ("the state water agency" is not The Associated Press).
            other_kind = bool(key) and self._other_kind(key, head)
            of_what = [t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN" and t.is_lower]
            if key and not other_kind and not (of_what and not any(word in named for word in of_what)):
                return key
        if definite and singular and not named_person and _nationality(head):
            # "“We have no excuses,” the Spaniard said": the man just named, or the one the text called so
            key = self._described_earlier(head) or self.salient_person(head, "")
            if key:
                return key
        if head.lower_ not in NOT_SOURCES:
            return self.index.add_source(source_phrase(head))
        return None

    def _maker_of_the_same(self, head: Token) -> str | None:
        """*The orchestra said in a statement that … “…,” the statement said*: the statement a speaker of
        this sentence or the one before said something in is theirs."""
        sent_n = self.sentence_number[head.i]
        if not any(c.dep_ == "det" and c.lower_ in ("the", "that") for c in head.children):
            return None
        behalf = self._read_on_behalf(head)
        if behalf:
            return behalf
        if self.state.last_maker is None or not 0 <= sent_n - self.state.last_maker_sent <= 1:
            return None
        mentioned = any(t.lemma_.lower() == head.lemma_.lower() and t.i < head.i and t.dep_ == "pobj"
                        and t.head.lower_ in ("in", "via") and t.head.head.lemma_.lower() in lexicon.reporting_verbs()
                        for t in self.sents[self.state.last_maker_sent])
        return self.state.last_maker if mentioned else None

    def _described_earlier(self, head: Token) -> str | None:
        """The one person the last few sentences described with this noun (*debutant Tom Ashby*, *Sen. Mitch
        Calloway, a Kentucky Republican*, *Ama Owusu, a novelist*): whom *the debutant* and *the Kentucky
        Republican* mean, before whoever is most salient."""
        sent_n = self.sentence_number[head.i]
        earliest = self.sents[max(0, sent_n - 5)].start
        found = set()
        for token in self.doc[earliest:head.i]:
            if token.lower_ != head.lower_:
                continue
            if token.dep_ in ("compound", "amod") and self._person_key(token.head):
                found.add(self._person_key(token.head))  # "debutant Tom Ashby"
            elif token.dep_ == "appos" and self._person_key(token.head):
                found.add(self._person_key(token.head))  # "Calloway, a Kentucky Republican"
            else:
                found.update(k for k in (self._person_key(c) for c in token.children if c.dep_ == "appos") if k)
        return found.pop() if len(found) == 1 else None

    def _person_key(self, token: Token) -> str | None:
        key = self.index.entity_of(token)
        return key if key and self.index.entities[key].kind == "PERSON" else None

    def police_force(self) -> str | None:
        """The one police force the text names (*Police Service of Northern Ireland*, *Harrowmere Constabulary*)."""
        forces = {key for i, key in self.index.token_entity.items() if self.index.entities[key].kind == "ORG"
                  and _names_a_force(self.index.entities[key].name) and not self.in_headline(self.doc[i])}
        named = {key for key in forces if not self.index.entities[key].name.isupper()} or forces
        return named.pop() if len(named) == 1 else None  # its acronym (PSNI) is the same force

    def _read_on_behalf(self, head: Token) -> str | None:
        """*Her solicitor read a statement on her behalf. “…,” the statement said*: whose behalf it was read
        on, in this sentence or the two before."""
        sent_n = self.sentence_number[head.i]
        earliest = self.sents[max(0, sent_n - 2)].start
        token = next((t for t in reversed(self.doc[earliest:head.i]) if t.lemma_.lower() == head.lemma_.lower()), None)
        if token is None or token.dep_ != "dobj":
            return None  # the newest statement the text mentions, not an older one read on someone's behalf
        for behalf in (t for t in token.head.subtree if t.lower_ == "behalf" and t.head.lower_ == "on"):
            whose = next((c for c in behalf.children if c.dep_ == "poss"), None) \
                or next((g for c in behalf.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            key = None if whose is None else self.pronoun(whose) if whose.lower_ in lexicon.pronouns() else self.name_of(whose)
            if key:
                return key
        return None

    def _source_named_before(self, head: Token, anonymous: bool = False) -> str | None:
        """The unnamed source quoted in the last few sentences whose description holds this noun (*the
        spokesperson* for *a spokesperson for the constabulary*, not *the union* for it; *the people, who
        asked not to be identified* for *people familiar with the matter*)."""
        source, since = self.state.last_source, self.state.last_source_sent
        if head.tag_ == "NNS":
            source, since = self.state.last_group, self.state.last_group_sent
        allowed = ("det", "punct", "relcl") if anonymous else ("det", "punct")
        if source is None or self.sentence_number[head.i] - since > 4 \
                or any(c.dep_ not in allowed for c in head.children):
            return None  # not "the hospital spokeswoman", "the spokesperson for the police": someone else
        words = self.index.entities[source].name.lower().split()
        described = words[:words.index("for")] if "for" in words else words
        return source if head.lower_ in described or head.lower_ == self.state.last_source_noun else None

    def _where_things_are(self, key: str) -> bool:
        """An organisation only ever named after *at* or *in* (*a grinding unit at Sitapuram*): a place the
        tagger mistyped, not the company a later *the company said* means."""
        starts = [i for i, k in self.index.token_entity.items() if k == key and self.index.token_entity.get(i - 1) != key]
        before = [i - 2 if i > 1 and self.doc[i - 1].lower_ == "the" else i - 1 for i in starts]  # "in the Pilbara"
        return bool(starts) and all(i >= 0 and self.doc[i].lower_ in PLACE_PREPOSITIONS | {"at"} for i in before)

    def _other_kind(self, key: str, head: Token) -> bool:
        """*the company* and the *Coastal Workers Union*: a name ending in another kind of body."""
        last = self.index.entities[key].name.lower().split()[-1]
        return last != head.lemma_.lower() and lexicon.speaker_nouns().get(last, ("",))[0] == "organisation"

    def _of_a_named_place_or_body(self, head: Token) -> bool:
        """*the foreign ministry of Kestria*: an organisation the text identifies by whose it is, so not
        the organisation named last."""
        keys = (self.index.entity_of(g) for g in _of_objects(head))
        return any(key and self.index.entities[key].kind in ("ORG", "GPE") for key in keys)

    def _someone_else(self, key: str, title: str, head: Token) -> bool:
        """A description that cannot be the salient person: *his attorney* is not the man *his*
        refers to, and *the governor* not the spokesman just quoted (who speaks for someone else)."""
        if _possessed_by_pronoun(head):
            return True
        posts = self.state.posts.get(key, set())
        if title == "judge":
            posts = posts | {"judge" for post in posts if post.endswith("justice")}  # "Lord Justice Marwood … the judge"
        if not posts or any(title in post or post in title or title in lexicon.titles() and title == _initials(post)
                            for post in posts):
            return False  # "the CFO" is the chief financial officer
        if posts <= SPEAKS_FOR:
            return True
        # "Detective Inspector Cole said … The judge said": a post of its own kind, shared with none of the
        # person's, is another person's; not a generic one ("the Russian leader" after "President Putin"),
        # nor a past one the text need not have given ("the former first lady").
        words = set(title.replace("-", " ").split())
        past = any(t.lower_ in ("former", "ex", "then", "onetime", "one-time") for t in head.subtree)
        return not past and not words & (GENERIC_TITLES | RUNNING_TITLES) \
            and not any(words & set(post.split()) for post in posts)

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
                own = _title_in(" ".join(t.text for t in self._naming_phrase(self.doc[i])))
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


def _age_description(head: Token) -> bool:
    """*the 25-year-old*, *the 42-year-old father*: an age heads the phrase, or qualifies its noun."""
    if head.lower_ == "old" or head.lower_.endswith("-year-old"):
        return head.lower_ != "old" or any(t.lower_ in ("year", "years") for t in head.subtree)
    return False


def _ranking(head: Token) -> bool:
    """*the world No. 4*: a player's ranking, the player just named."""
    doc = head.doc
    following = [t for t in doc[head.i + 1:head.i + 3] if t.text != "."]
    return head.lower_ in ("no", "no.") and head.text[:1] == "N" and bool(following) and following[0].like_num


def _spoken_to(token: Token) -> bool:
    """*told BBC Radio*, *said on Sky News*: whom a statement was made to (not *criticised Marlow Foods*)."""
    if token.dep_ == "pobj" and token.head.lower_ in ("to", "on"):
        # also "in a filing to the Singapore Exchange", "in a letter to the council": whom a document went to
        said = token.head.head.lemma_.lower()
        return said in lexicon.reporting_verbs() or token.head.lower_ == "to" and token.head.head.pos_ == "NOUN" \
            and (said in lexicon.reporting_nouns() or said in lexicon.cue_class("document"))
    return token.dep_ in ("dobj", "dative") and token.head.lemma_.lower() in ADDRESSEE_FIRST


def _anonymous(head: Token) -> bool:
    """*a resident, who asked not to be named*, *a man who asked that his name not be used*: a source the text
    will not name (not *the minister, who did not name the company*)."""
    return any(withholds_name(t) for t in head.subtree if t.i > head.i)


def _related_to_someone(head: Token) -> bool:
    """*the daughter of one resident*: a person described by whom they are related to (not *the mother of
    three* or *of two young boys*, which describe the person just named)."""
    return any(g.pos_ != "NUM" and not any(n.dep_ == "nummod" and n.lower_ != "one" for n in g.children)
               for g in _of_objects(head))


def _of_objects(head: Token) -> list[Token]:
    """What ``head`` is *of*: *Kestria* in *the foreign ministry of Kestria*."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _indefinite(head: Token) -> bool:
    """*a spokesman*, *an aide*: someone the text introduces."""
    return any(c.lower_ in ("a", "an") for c in head.children)


def _possessed_by_pronoun(head: Token) -> bool:
    """*his attorney*, *her campaign*: someone related to whom the pronoun means, not that one."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def _names_a_force(name: str) -> bool:
    """*Harrowmere Constabulary*, *Police Service of Northern Ireland*, *PSNI*; not the *Police Federation*
    or the *Independent Office for Police Conduct*."""
    words = name.lower().split()
    return 0 < len(words) <= 5 and not {"federation", "office", "conduct", "association", "union", "commissioner"} & set(words) \
        and (words[-1] in ("police", "constabulary", "garda", "psni")
             or "police" in words and {"service", "department", "force"} & set(words))


def _initials(post: str) -> str:
    """*cfo* for *chief financial officer*."""
    return "".join(word[0] for word in post.replace("-", " ").split())


def _speaker_noun(head: Token) -> tuple[str, str]:
    """What a description's noun describes, read with the words written onto it (*the left-hander*,
    *the tight end*): (person | organisation | group, gender), or empty strings."""
    nouns = lexicon.speaker_nouns()
    for start in range(max(head.i - 2, head.sent.start), head.i):
        words = head.doc[start:head.i + 1].text.lower()
        if words in nouns:
            return nouns[words]
    return nouns.get(head.lower_, ("", ""))


def _nationality(head: Token) -> bool:
    """*the Spaniard*, *the American*, *the Queenslander*, *the New Zealander*, and any nationality or party the
    tagger marks (*the Jamaican*, *the Kentucky Republican*): a person described by nationality, party or where
    they come from (singular, with *the*)."""
    inhabitant = head.lower_.endswith(("lander", "oner", "iner")) and head.is_alpha
    return head.text[:1].isupper() and head.tag_ in ("NN", "NNP") \
        and (head.lower_ in lexicon.demonyms() or inhabitant or head.ent_type_ == "NORP") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _title_in(text: str) -> str | None:
    """The longest title of office in a phrase (lower case), if any."""
    lower = text.lower().replace(" - ", "-")
    best = None
    for title in lexicon.titles():
        if f" {title} " in f" {lower} " and (best is None or len(title) > len(best)):
            best = title
    return best


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
