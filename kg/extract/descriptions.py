"""Who a description of a speaker means: *the spokesman*, *NATO's secretary-general*, *the bank*, *the Spaniard*.

A post the text ties to someone is that person; a post of a named organisation not yet tied to anyone is
the next person named as a subject; a singular definite description of a person is the person the text
described with that word, else the most salient compatible one; of an organisation, the last
organisation named (not a place the tagger mistyped); *the statement said* is whoever spoke in it; an
unnamed source just introduced is who *the diplomat* means; anything else is an unnamed source node that
carries the description. :class:`Descriptions` is mixed into :class:`kg.extract.coref.Resolver`.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extract.names import PLACE_PREPOSITIONS, age_description
from kg.extract.reported import withholds_name

# Posts whose holders speak for someone else: such a person is not also *the governor* of the next sentence.
SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "press secretary", "campaign spokesman",
              "campaign spokeswoman", "adviser", "senior adviser", "attorney", "lawyer"}
# Relations a person may be described by ("the daughter of one tenant" is someone new).
KIN = {"daughter", "son", "mother", "father", "wife", "husband", "grandmother", "grandfather", "sister", "brother",
       "widow", "widower", "niece", "nephew", "cousin", "partner"}
# Posts a headline or a lead gives anyone in public life ("Lawmaker urges …" before "Rep. Adam Schiff said").
GENERIC_TITLES = {"lawmaker", "legislator", "politician", "official", "leader", "head", "chief", "executive", "member"}
# Descriptions of someone running for a post, whatever post they hold ("the presidential candidate", a senator).
RUNNING_TITLES = {"candidate", "nominee", "hopeful", "contender", "challenger", "incumbent", "front-runner",
                  "frontrunner"}
# Words that make a post another one: the vice president is not "the president".
RANKED = {"vice", "deputy", "assistant", "shadow", "former", "acting", "interim", "associate", "under", "lieutenant",
          "prime", "co"}
# Other words for one post: whoever holds one is who the other means, when nobody holds that one.
SAME_POST = {"judge": ("justice", "magistrate"), "justice": ("judge",), "magistrate": ("judge",),
             "boss": ("manager", "head coach", "coach"), "manager": ("boss", "head coach"),
             "head coach": ("manager", "coach"), "coach": ("head coach", "manager"),
             "lawyer": ("attorney", "solicitor", "barrister", "counsel"), "attorney": ("lawyer",),
             "solicitor": ("lawyer",), "barrister": ("lawyer", "counsel"), "counsel": ("lawyer", "barrister")}
# Posts held by someone other than the people a story is about: "the judge" is a judge the text named, or nobody.
OFFICERS_OF_A_CASE = {"judge", "magistrate", "coroner", "prosecutor"}
ACTING = {"prosecutor": "prosecuting"}  # what court reports write instead of the post ("Ann Bell, prosecuting, said")
NOT_SOURCES = {"it", "this", "that", "which", "what", "there", "here", "who", "one", "something", "nothing"}

class Descriptions:
    """The description half of the resolver; needs ``doc``, ``index``, ``state``, ``sents``,
    ``sentence_number``, ``_subject_mentions``, ``_kin_named`` and the resolver's ``name_of``, ``pronoun``,
    ``salient_person``, ``_last_org``, ``_next_named_subject``, ``_subject_just_before``, ``in_headline``
    and ``note_role`` from the class it is mixed into."""

    def description(self, head: Token, phrase: list[Token]) -> str | None:
        """*the spokesman*, *NATO's Secretary-General*, *the New York businessman*, *the bank*.

        A source who asked not to be named, or a relative of someone unnamed (*the daughter of one
        tenant*), is an unnamed source; a lede's *A man accused of …* is the person the next two
        sentences name. A post held by someone the text named is that person; a post of a named
        organisation not yet tied to anyone is the next person named as a subject (a speaker named late);
        a singular definite description of a person is the most salient compatible person;
        of an organisation, the last organisation named. Anything else is an unnamed source.
        """
        if any(c.dep_ == "det" and c.lower_ == "no" and not _ranking(c) for c in head.children):
            return None  # "No group claimed responsibility": nobody spoke (but "A No 10 spokesman" did)
        if head.lower_ in ("police", "force") and all(t.i == head.i or t.dep_ == "det" for t in phrase):
            force = self.police_force()
            if force:
                return force  # "Police said …", "the force said" after "the Police Service of Northern Ireland"
        if _anonymous(head):
            # "an official, who asked not to be named"; "said the people, who asked not to be identified"
            # after "according to people familiar with the matter": those people
            same = self._source_named_before(head, anonymous=True) if not indefinite(head) else None
            return same or self.index.add_source(source_phrase(head))
        text = " ".join(t.text for t in phrase if t.dep_ != "poss" and t.lower_ not in ("the", "a", "an", "'s", "’s"))
        title = title_in(text)
        headline = self.in_headline(head)
        person_noun = next((t.lower_ for t in phrase if lexicon.speaker_nouns().get(t.lower_, ("",))[0] == "person"),
                           None)  # "Member of House panel"
        if headline and head.tag_ == "NN" and not title and not any(c.dep_ in ("det", "poss") for c in head.children) \
                and head.lower_ not in lexicon.speaker_nouns() and head.lemma_.lower() not in lexicon.reporting_nouns() \
                and not person_noun:
            return None  # "Ministers meet as ceasefire talks stall": a bare noun in a headline that cannot speak
        if (title or headline and person_noun) and (headline or indefinite(head)):
            # A headline's or an indefinite description (*Former DNC chairman calls for …*, *A former
            # DNC chairman says …*, *Member of House panel says …*) introduces the speaker the story
            # names next, whoever else the text later gives that title.
            ahead = self._next_named_subject(head, speaking=True, title=title or person_noun)
            if ahead:
                return ahead
        if not title and person_noun == head.lower_ and indefinite(head) \
                and self.sentence_number[head.i] <= 2:
            # A lede's "A man accused of … has told a jury …" is the person the next two sentences name,
            # unless the text gives that person a post ("Fire chief Tom Reed said" is someone else).
            ahead = self._next_named_subject(head, title=person_noun)
            if ahead:
                return ahead
        # "A spokesman for the rebels said" after a police spokesman: someone new (not "a spokesman said")
        someone_new = indefinite(head) and head.dep_ != "appos" \
            and any(c.dep_ == "prep" and c.lower_ in ("for", "of", "at") for c in head.children)
        holder = self.state.role_holders.get(title or "") if not someone_new else None
        if title and not holder and all(t.i == head.i or t.dep_ in ("det", "poss") or t.pos_ == "PROPN" for t in phrase):
            # "the judge" is the Justice the text named, "the City boss" its manager (not "the district judge",
            # nor one of three justices)
            holders = {person for person, posts in self.state.posts.items() if posts & set(SAME_POST.get(title, ()))}
            holder = holders.pop() if len(holders) == 1 else None
        last = self.state.last_speaker
        if title and last and last != holder and 0 <= self.sentence_number[head.i] - self.state.last_speaker_sent <= 2 \
                and not indefinite(head) and any(post == title or post.endswith(" " + title) and not set(post.split()) & RANKED
                                                  for post in self.state.posts.get(last, ())) \
                and not any(is_subject and key != last and i < head.i
                            and self.sentence_number[i] > self.state.last_speaker_sent
                            for i, key, is_subject in self._subject_mentions):
            holder = last  # "Tennant, the senior coach, said … “…,” the coach said": not the other side's coach
        if title and not holder and not someone_new:
            # "the minister" is the transport minister the text names, if only one post is a kind of minister
            # ("the secretary" after a press secretary and a secretary of state is for salience to say).
            kinds = {person for held, person in self.state.role_holders.items()
                     if held.endswith(" " + title) or held.startswith(title + " ")}
            holder = kinds.pop() if len(kinds) == 1 else None
        if holder:
            return holder
        named_org = any(self.index.entity_of(t) and self.index.entities[self.index.entity_of(t)].kind in ("ORG", "GPE")
                        for t in phrase if t.i != head.i)
        named_person = any(self.index.person_of(t)
                           for t in phrase if t.i != head.i)
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in head.children) or \
            (bool(title) and not any(t.lower_ in ("a", "an", "one", "another") for t in head.children))
        noun_kind, noun_gender = _speaker_noun(head)
        age = age_description(head) or _ranking(head)
        if age:
            noun_kind = "person"
            # "“…,” said the 25-year-old": the person just named; in "the world No. 4", "the" hangs on "world"
            # ("The 26-year-old said": the parse may hang "The" on the verb, beside the age)
            before = head.doc[phrase[0].i - 1] if phrase[0].i > 0 else None
            definite = definite or phrase[0].lower_ == "the" or (
                before is not None and before.lower_ == "the" and before.head.i == head.head.i != head.i)
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
        if title in OFFICERS_OF_A_CASE:
            # "Thorne was jailed. The judge said …": a judge the text never named, not the man sentenced;
            # "Nicholas Crane KC, prosecuting, said … The prosecutor said": the one the text said prosecutes
            key = self._acting_as(head, title)
            if key:
                self.inferred_roles.append((key, title, head))
                return key
        elif title and not named_person and singular and definite and not head.lower_ in ("spokesman", "spokeswoman", "spokesperson"):
            # "the Vermont senator said": the salient person, as for a pronoun; the post is theirs.
            key = self.salient_person(head, lexicon.titles().get(title, ("", ""))[1])
            if key and not self._someone_else(key, title, head):
                self.inferred_roles.append((key, title, head))
                return key
        elif not title and head.lower_ in KIN and _related_to_someone(head):
            pass  # "the daughter of one resident": someone new, an unnamed source
        elif definite and singular and not named_person and (title or noun_kind == "person"):
            gender = noun_gender or lexicon.titles().get(title or "", ("", ""))[1]
            key = (self._of_this_age(head) if age else None) or (None if title else self._described_earlier(head)) \
                or self.salient_person(head, gender)
            if key:
                return key
        elif definite and singular and not named_person and noun_kind == "organisation" \
                and not self._of_a_named_place_or_body(head) \
                and not _possessed_by_pronoun(head):  # not "her campaign"
            # "the company said" may come paragraphs after the company was named; "it said" may not.
            # "the council confirmed" after a union was named is the council the text named before it.
            key = self._last_org(head, reach=400, named=head.lemma_.lower()) \
                or self.index.described_as(head.lemma_.lower(), head.i) \
                or self._last_org(head, reach=400, places=False, affiliations=False) \
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
        if definite and singular and not named_person and nationality(head):
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

    def _acting_as(self, head: Token, title: str) -> str | None:
        """*Nicholas Crane KC, prosecuting, said*, *Prosecuting, Amira Shah told the court*: court reports name
        a prosecutor by what they do, set off by a comma; the one person so named."""
        acting = ACTING.get(title)
        if acting is None:
            return None
        found = set()
        for token in self.doc[:head.i]:
            if token.lower_ != acting:
                continue
            if token.i >= 2 and self.doc[token.i - 1].text == ",":
                found.update(filter(None, (self.index.person_of(t) for t in self.doc[max(0, token.i - 3):token.i - 1])))
            if token.i + 2 < len(self.doc) and self.doc[token.i + 1].text == ",":
                found.update(filter(None, (self.index.person_of(t) for t in self.doc[token.i + 2:token.i + 5])))
        return found.pop() if len(found) == 1 else None

    def _of_this_age(self, head: Token) -> str | None:
        """*Liam Thorne, 34, … The 34-year-old said*, *34-year-old Liam Thorne*, *Thorne (34)*: the one person
        the text gave that age, rather than whoever is most salient."""
        years = next((t.text.split("-")[0] for t in head.subtree if t.like_num or t.lower_.endswith("-year-old")), "")
        if not years.isdigit():
            return None
        found = set()
        for token in self.doc[:head.left_edge.i]:
            if token.text == years and token.i > 1 and self.doc[token.i - 1].text in (",", "("):
                found.add(self.index.person_of(self.doc[token.i - 2]))  # "Liam Thorne, 34," "Thorne (34)"
            elif token.text in (years, f"{years}-year-old") and token.i + 4 < len(self.doc):
                name = next((t for t in self.doc[token.i + 1:token.i + 5] if self.index.person_of(t)), None)
                if name is not None and all(t.lower_ in ("-", "year", "old") for t in self.doc[token.i + 1:name.i]):
                    found.add(self.index.person_of(name))  # "34-year-old Liam Thorne"
        found.discard(None)
        return found.pop() if len(found) == 1 else None

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
            # "debutant Tom Ashby", "Calloway, a Kentucky Republican", "a novelist, Ama Owusu"
            named = [token.head] if token.dep_ in ("compound", "amod", "appos") else \
                [c for c in token.children if c.dep_ == "appos"]
            found.update(filter(None, map(self.index.person_of, named)))
        return found.pop() if len(found) == 1 else None

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


def _ranking(head: Token) -> bool:
    """*the world No. 4*: a player's ranking, the player just named."""
    doc = head.doc
    following = [t for t in doc[head.i + 1:head.i + 3] if t.text != "."]
    return head.lower_ in ("no", "no.") and head.text[:1] == "N" and bool(following) and following[0].like_num


def _anonymous(head: Token) -> bool:
    """*a resident, who asked not to be named*, *a man who asked that his name not be used*: a source the text
    will not name (not *the minister, who did not name the company*)."""
    return any(withholds_name(t) for t in head.subtree if t.i > head.i)


def _related_to_someone(head: Token) -> bool:
    """*the daughter of one resident*, *the victim's mother*: a person described by whom they are related to
    (not *the mother of three* or *of two young boys*, which describe the person just named, nor *his
    daughter*)."""
    if any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in head.children):
        return True
    return any(g.pos_ != "NUM" and not any(n.dep_ == "nummod" and n.lower_ != "one" for n in g.children)
               for g in _of_objects(head))


def _of_objects(head: Token) -> list[Token]:
    """What ``head`` is *of*: *Kestria* in *the foreign ministry of Kestria*."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def indefinite(head: Token) -> bool:
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


def nationality(head: Token) -> bool:
    """*the Spaniard*, *the American*, *the Queenslander*, *the New Zealander*, and any nationality or party the
    tagger marks (*the Jamaican*, *the Kentucky Republican*): a person described by nationality, party or where
    they come from (singular, with *the*)."""
    inhabitant = head.lower_.endswith(("lander", "oner", "iner")) and head.is_alpha
    return head.text[:1].isupper() and head.tag_ in ("NN", "NNP") \
        and (head.lower_ in lexicon.demonyms() or inhabitant or head.ent_type_ == "NORP") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def title_in(text: str) -> str | None:
    """The longest title of office in a phrase (lower case), if any."""
    lower = text.lower().replace(" - ", "-")
    best = None
    for title in lexicon.titles():
        if f" {title} " in f" {lower} " and (best is None or len(title) > len(best)):
            best = title
    return best
