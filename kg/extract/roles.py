"""Who holds which post: titles before names, appositions, copulas and possessives.

Method: lexicon-driven patterns over the dependency parse, as in the title and
apposition rules of relation-extraction systems for news (e.g. the "per:title"
slot fillers of TAC-KBP rule baselines): a title of office from the lexicon
right before a person's name (*UK Foreign Secretary David Lammy*), in
apposition (*Mark Rutte, NATO's secretary-general,*), as the complement of *be*
or *serve as* (*Rutte is the secretary-general of NATO*). The organisation or
country is the entity, possessive or demonym next to the title (*NATO's*,
*FBI*, *Russian* → Russia), or the object of *of*/*at*. Honorifics (*Sir*,
*Mr.*) are never posts. Abbreviated titles are expanded (*Sen.* → Senator).

Whose post it is (the organisation, country or person next to the title) is found by the rules of
:mod:`kg.extract.employers`, mixed into :class:`RoleExtractor`.

Not handled: posts given only by a verb (*X heads the agency*), and titles
separated from the name by more than an apposition.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg import lexicon
from kg.extract.employers import BODIES, FORMER, ORG_PREPOSITIONS, RANKS, TEAM_NOUNS, Employers
from kg.extract.entities import EntityIndex
from kg.extract.sentences import sent_of, tokens_where
from kg.records import Role
from kg.records import Span as TextSpan

COPULAS = frozenset({"be", "serve", "become", "remain", "work"})  # "X is the …", "X, who serves as …"
PLURAL_TITLES = {"sens", "senators", "reps", "representatives", "govs", "governors"}
RANK_WORDS = RANKS | FORMER | {"under", "lieutenant", "principal", "first", "second"}  # words that make another post
MAX_TITLE_TOKENS = 6
VAGUE_TITLES = {"leader"}  # a post only with whose leader it is
# Nouns in an apposition with "of"/"at" an organisation that say how one relates to it, not a post held there.
NOT_OCCUPATIONS = {"supporter", "friend", "fan", "critic", "opponent", "customer", "client", "victim", "patient",
                   "user", "voter", "donor", "survivor", "graduate", "alumnus", "alumna", "veteran", "resident",
                   "native", "neighbor", "neighbour", "son", "daughter", "wife", "husband", "mother", "father",
                   "part", "target", "subject", "defendant", "plaintiff", "shareholder", "investor", "founder"}
INDEFINITE_NOT_POSTS = {"host", "speaker"}  # with "a", an amount or a role at an event, not the office
PARTY_POSTS = {"nominee", "candidate", "leader", "chairman", "chairwoman", "chair", "mp"}  # posts a party confers
# Adjectives that say what a post is of ("political editor", "digital director"), not what its holder is like.
FUNCTION_ADJECTIVE_ENDINGS = ("al", "ic", "ary")
DESCRIPTIVE_ADJECTIVES = {"controversial", "influential", "liberal", "loyal", "vocal", "original", "legendary",
                          "radical", "critical", "skeptical", "typical", "perennial", "eventual", "potential",
                          "actual", "final", "usual", "real", "ideal", "local", "visionary", "charismatic",
                          "enthusiastic", "pragmatic", "dynamic", "energetic", "iconic", "legal", "ordinary",
                          "temporary", "honorary", "imaginary", "necessary", "solitary", "total"}  # "adviser to the campaign", "congressman from Georgia"


def _expand(word: str) -> str:
    return lexicon.title_abbreviations().get(word.lower(), word)


DOUBLE_QUOTES = {"“", "”", '"', "''", "``", "«", "»", "„"}  # not ’, which is as often a possessive


def _negated(noun: Token) -> bool:
    """*no mayor*, *not Tom Berg*: a noun phrase that denies, not names, a post."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children)


def _at_the_time(head: Token) -> bool:
    """*his chief of staff at the time*: a post the phrase itself dates to the past."""
    return any(p.dep_ == "prep" and p.lower_ == "at" and [t.lower_ for t in p.subtree] == ["at", "the", "time"]
               for p in head.rights)


def match_title(doc: Doc, start: int, end: int) -> tuple[int, str] | None:
    """The longest title of office that ends at token ``end`` (exclusive) and starts at or after ``start``.

    Returns (first token index, display form). Hyphenated titles (*Secretary-General*,
    *President-elect*) are matched on the text, so tokenisation does not matter.
    """
    titles = lexicon.titles()
    best = None
    for first in range(max(start, end - MAX_TITLE_TOKENS), end):
        raw = doc[first:end].text
        abbreviations = lexicon.title_abbreviations()
        text = " ".join(abbreviations.get(w.lower(), w) for w in raw.split()).lower()
        text = text.replace(" - ", "-").replace("–", "-")
        candidate = text
        elect = candidate.endswith("-elect") and candidate[:-6] in titles
        if candidate in titles or elect:
            display = titles[candidate[:-6]][0] + "-elect" if elect and candidate not in titles else titles[candidate][0]
            best = (first, display)
            break
    return best


class RoleExtractor(Employers):
    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.index = index

    def roles(self) -> Iterator[Role]:
        kept: dict[tuple[str, str], Role] = {}
        for role in self._all():
            if role.title.lower() in VAGUE_TITLES and not (role.org or role.org_name):
                continue  # "a leader who embodies …" is praise, "the North's leader" a post
            key = (role.person, role.title.lower())
            first = kept.get(key) or self._same_post(kept, role)
            if first is None:
                kept[key] = role
            elif not (first.org or first.org_name) and (role.org or role.org_name) and first.former == role.former:
                # "Senator Ruiz" first, "Senator Ana Ruiz of Oregon" later: the post is one, its organisation
                # the one the article gives anywhere.
                first.org, first.org_name = role.org, role.org_name
        yield from kept.values()

    @staticmethod
    def _same_post(kept: dict[tuple[str, str], Role], role: Role) -> Role | None:
        """*U.S. District Judge Ana Ruiz* … *Judge Ruiz*: a shorter title of a post the person already holds
        here is that post (not *President* for a *Vice President*: a rank word makes another post)."""
        words = set(role.title.lower().split())
        for (person, title), other in kept.items():
            held = set(title.split())
            if person != role.person or other.former != role.former or not (words < held or held < words) \
                    or (words ^ held) & RANK_WORDS:
                continue
            if held < words:
                other.title = role.title  # the fuller wording of the one post, and the organisation it names
                if role.org or role.org_name:
                    other.org, other.org_name = role.org, role.org_name
            return other
        return None

    def _all(self) -> Iterator[Role]:
        doc = self.doc
        for mention_start in self._person_mention_starts():
            yield from self._before_name(mention_start)
        for token in tokens_where(doc, "DEP", {"appos"}):
            yield from self._apposition(token)
        for token in tokens_where(doc, "LEMMA", COPULAS):
            if token.pos_ in ("AUX", "VERB"):
                yield from self._copula(token)

    def _person_mention_starts(self) -> list[int]:
        starts = []
        prev_key = None
        for i in range(len(self.doc)):
            key = self.index.token_entity.get(i)
            if key and self.index.entities[key].kind == "PERSON" and (prev_key != key or i == 0 or self.index.token_entity.get(i - 1) != key):
                starts.append(i)
            prev_key = key
        return starts

    def _make(self, person: str, title: str, first: int, last: int, org: str, org_name: str, former: bool) -> Role:
        if not (org or org_name) and title.split()[0].lower() in BODIES and " " in title:
            org_name = title.split()[0].capitalize()  # "Treasury Secretary": the department is in the title
        if org_name and not org:
            # A place or party named only by an adjective or a code ("Russian", "R-Neb."): an entity all the same.
            kind = "ORG" if org_name.lower().endswith(("party", "caucus", "committee")) or org_name.isupper() \
                or org_name.lower() in BODIES else "GPE"
            org = self.index.ensure(org_name, kind)
        sent = sent_of(self.doc[first])
        span = self.doc[first:last]
        return Role(person=person, title=title, sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
                    start=span.start_char, end=span.end_char, org=org, org_name=org_name, former=former)

    def _before_name(self, name_start: int) -> Iterator[Role]:
        """*UK Foreign Secretary David Lammy*, *Sen. Ben Sasse*, *panel Chairman Rep. Jason Chaffetz*.

        Stacked titles each give a post; a plural title (*Sens. A, B and C*) gives its post to
        every name coordinated with the first.
        """
        doc = self.doc
        person = self.index.token_entity[name_start]
        end = name_start
        while end > 0 and doc[end - 1].is_space and "\n" not in doc[end - 1].text:
            end -= 1  # "Sens.\u00a0John McCain": a no-break space the tokenizer kept
        while end > 0 and doc[end - 1].lower_ in lexicon.honorifics() and not self._honorific_as_post(end - 1):
            end -= 1
        sent_start = sent_of(doc[name_start]).start
        if sent_start > 0 and "\n" not in doc[sent_start - 1].text_with_ws and (
                sent_start - sent_of(doc[sent_start - 1]).start <= 3 or self._ends_with_abbreviation(sent_start)):
            # "Sens." split off as a sentence of its own, or ending one ("The fraud led Sens. | Jon Tester …")
            sent_start = sent_of(doc[sent_start - 1]).start
        name_end = self._mention_end(name_start)
        nearest = True  # the title next to the name
        while True:
            found = match_title(doc, sent_start, end)
            if not found:
                return
            first, title = found
            if self._team_of(first) and " " in title:
                # "Clinton campaign spokesman": the campaign is the organisation, not part of the title.
                first, title = first + 1, title.split(" ", 1)[1]
            owner = self.index.token_entity.get(first)
            if owner is not None and self.index.entities[owner].kind == "PERSON":
                return
            former = False
            plural = doc[first:end].text.lower().split()[0].rstrip(".") in PLURAL_TITLES
            first, title = self._compound_left(first, sent_start, title)
            k = first
            while k > sent_start and (doc[k - 1].lower_ in FORMER | RANKS or  # "ex-", "vice-presidential"
                                      (doc[k - 1].text == "-" and k > 1 and doc[k - 2].lower_ in FORMER | RANKS)):
                if doc[k - 1].lower_ in FORMER:
                    former = True
                elif doc[k - 1].lower_ not in ("senior", "-"):
                    title = f"{doc[k - 1].text.capitalize()} {title}" if doc[k - 1].lower_ != "co" else title
                k -= 1
            org, org_name, k2 = self._org_left_of(k)
            if not (org or org_name) and k > sent_start and title.lower().split()[-1] in PARTY_POSTS:
                # "Republican nominee Donald Trump"; "Liberal Democrat MP", two words (not the US Democrats)
                party = next((w for w in (2, 1) if k - w >= sent_start and doc[k - w:k].text in lexicon.parties()), 0)
                if party:
                    org_name, k2 = lexicon.parties()[doc[k - party:k].text], k - party
            if k2 < k and k2 > sent_start and (doc[k2 - 1].lower_ in FORMER or (
                    doc[k2 - 1].text == "-" and k2 > sent_start + 1 and doc[k2 - 2].lower_ in FORMER)):
                former = True  # "former Ohio Gov. Ana Ruiz", "then-Oregon Gov. Tom Berg"
            elif k2 < k and k2 > sent_start and doc[k2 - 1].lower_ in RANKS - {"senior", "chief", "co"}:
                title = f"{doc[k2 - 1].text.capitalize()} {title}"  # "Interim DNC Chairwoman Donna Brazile"
            org_before = bool(org or org_name)
            if not org_before and nearest:
                # Only the title next to the name owns what follows it: in *panel Chairman Rep. Jason
                # Chaffetz (R-Utah)* Utah is where he is a Representative, not where he chairs.
                org, org_name = self._org_after_name(name_start, name_end)
            yield self._make(person, title, min(k, k2), name_end, org, org_name, former)
            if plural:
                shared = (org, org_name) if org_before else ("", "")
                yield from self._coordinated(name_start, title, former, shared)
            if org_before:
                return
            nearest = False
            end = k  # another title may stand before this one
            if end <= sent_start:
                return

    def _compound_left(self, first: int, lo: int, title: str) -> tuple[int, str]:
        """*Finance Director Ann Cole*, *Wisconsin state Rep. Dana Hill*, *the union's general secretary*:
        the words before a title that say what it is of belong to it (up to two).

        A capitalised word joins only when it is a title's own word (*Finance*, *Political*); any
        other capitalised word is a name (an organisation the model left untagged, *Rovers manager*),
        and an entity, a demonym, a party, a body (*Senate*) or an acronym is the organisation.
        """
        doc = self.doc
        taken = 0
        while first - 1 >= max(lo, 0) and taken < 2:
            t = doc[first - 1]
            low = t.lower_
            if not t.is_alpha or t.i in self.index.token_entity or t.is_upper or low in FORMER | RANKS | TEAM_NOUNS \
                    or low in BODIES or low in lexicon.demonyms() or t.text in lexicon.parties() \
                    or low in lexicon.honorifics() or low in lexicon.title_abbreviations() \
                    or t.pos_ not in ("NOUN", "PROPN", "ADJ") or (low in lexicon.titles() and t.pos_ != "ADJ"):
                break  # a title of its own is a second post (*panel Chairman Rep. X*)
            if t.text[:1].isupper() and not (t.is_sent_start and t.tag_ == "NN"):  # "Union leader X spoke."
                if low not in lexicon.title_words():
                    break
            elif t.pos_ == "ADJ":
                if low not in lexicon.title_words() and (not low.endswith(FUNCTION_ADJECTIVE_ENDINGS)
                                                         or low in DESCRIPTIVE_ADJECTIVES):
                    break
            elif t.pos_ != "NOUN" or t.dep_ != "compound" or t.tag_ == "NNS":
                break
            first -= 1
            taken += 1
            title = f"{t.text} {title.lower()}" if t.is_lower else f"{t.text} {title}"
        return first, title

    def _ends_with_abbreviation(self, i: int) -> bool:
        """The tokens right before ``i`` are an abbreviated title (*Sen.*, *Sens.*): the parser took its
        full stop for the end of a sentence."""
        doc = self.doc
        if i < 2 or doc[i - 1].text != "." or doc[i - 2].whitespace_:
            return False
        return (doc[i - 2].text + ".").lower() in lexicon.title_abbreviations() or \
            doc[i - 2].lower_ in PLURAL_TITLES

    def _honorific_as_post(self, i: int) -> bool:
        """*Loyola Law School professor Justin Levitt*: a word that is an honorific (*Professor X*) and
        a title is a post when written in lower case or after its organisation."""
        token = self.doc[i]
        if token.lower_ not in lexicon.titles():
            return False
        if token.text.islower():
            return True
        before = self.index.token_entity.get(i - 1) if i > 0 else None
        return before is not None and self.index.entities[before].kind in ("ORG", "GPE")

    def _coordinated(self, name_start: int, title: str, former: bool,
                     shared: tuple[str, str] = ("", "")) -> Iterator[Role]:
        """The other names a plural title covers: *Sens. Jeff Merkley, Sherrod Brown and Robert Menendez*;
        an organisation before the title is all of theirs (*Ohio state Reps. A and B*)."""
        doc = self.doc
        others = {self.index.entity_of(other) for other in doc[self._mention_end(name_start) - 1].conjuncts}
        seen = {self.index.token_entity[name_start]}
        pos = self._mention_end(name_start)
        starts = []
        while pos < len(doc) and len(starts) < 12:
            # the list read in order, each name with its bracket: "A (Ariz.), B (N.H.) and C (Iowa)"
            if doc[pos].text == "(":
                close = next((j for j in range(pos + 1, min(pos + 8, len(doc))) if doc[j].text == ")"), None)
                if close is None:
                    break
                pos = close + 1
                continue
            if pos < len(doc) and doc[pos].text == ",":
                pos += 1
            if pos < len(doc) and doc[pos].lower_ in ("and", "&"):
                pos += 1
            while pos < len(doc) and doc[pos].is_space:
                pos += 1
            key = self.index.token_entity.get(pos)
            if pos == self._mention_end(name_start) or not key or self.index.entities[key].kind != "PERSON" \
                    or (pos > 0 and self.index.token_entity.get(pos - 1) == key) or key in seen:
                break
            seen.add(key)
            starts.append(pos)
            pos = self._mention_end(pos)
        for other in (o for o in others if not starts and o and o not in seen and self.index.entities[o].kind == "PERSON"):
            starts += [t.i for t in doc[self._mention_end(name_start) - 1].conjuncts
                       if self.index.entity_of(t) == other][:1]  # what the parse joins and the scan did not reach
            seen.add(other)
        for start in starts:
            key = self.index.token_entity[start]
            while start > 0 and self.index.token_entity.get(start - 1) == key:
                start -= 1
            org, org_name = self._org_after_name(start, self._mention_end(start))
            if not (org or org_name):
                org, org_name = shared
            yield self._make(key, title, start, self._mention_end(start), org, org_name, former)

    def _mention_end(self, start: int) -> int:
        key = self.index.token_entity[start]
        end = start
        while end < len(self.doc) and self.index.token_entity.get(end) == key:
            end += 1
        return end

    def _title_phrase(self, head: Token) -> tuple[str, int, int, bool] | None:
        """A title in the noun phrase headed by ``head``: (display, first, last, former)."""
        left = head.left_edge.i
        end = head.i + 1
        while end + 1 < len(self.doc) and self.doc[end].text in ("-", "–") and not self.doc[end - 1].whitespace_:
            end += 2  # "secretary - general" parsed with "secretary" as the head
        found = match_title(self.doc, left, end)
        of = next((g for p in head.rights if p.dep_ == "prep" and p.lower_ == "of" and p.i == head.i + 1
                   for g in p.children if g.dep_ == "pobj" and g.i - head.i <= 3), None)
        longer = match_title(self.doc, left, of.i + 1) if of is not None else None
        if longer is not None and longer[0] <= head.i:
            found, end = longer, of.i + 1  # "his chief of staff", "the secretary of state": the whole title
        if not found:
            return None
        first, title = found
        if head.is_lower and head.lower_ in INDEFINITE_NOT_POSTS and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return None  # "a host of celebrities", "a speaker at the convention": not the office
        first, title = self._compound_left(first, left, title)  # "the bill's floor manager", "general secretary"
        former = any(t.lower_ in FORMER for t in self.doc[left:first]) or _at_the_time(head)
        for t in self.doc[left:first]:
            if t.lower_ in RANKS - {"senior", "chief", "co"} and t.i == first - 1:
                title = f"{t.text.capitalize()} {title}"
        return title, left, end, former

    def _apposition(self, appos: Token) -> Iterator[Role]:
        """*Mark Rutte, NATO's secretary-general,* and *Wells Fargo's chief executive, Timothy Sloan*."""
        head = appos.head
        if head.dep_ == "pobj" and head.head.lower_ in ORG_PREPOSITIONS and self.index.entity_of(head) \
                and self.index.entities[self.index.entity_of(head)].kind in ("ORG", "GPE"):
            head = head.head.head  # "A spokeswoman for Pacific Valley Electric, Dana Whitfield,": the parse hangs her on the company
        between = self.doc[min(head.i, appos.i):max(head.i, appos.i)]
        if any(t.text in DOUBLE_QUOTES for t in between) or _negated(head) or _negated(appos):
            return  # "… Mr. President,” Rep. Dana Hill": a quotation is no apposition; "No mayor, not Tom Berg, …"
        pairs = [(head, appos), (appos, head)]
        for name, post in pairs:
            person = self.index.entity_of(name)
            if not person or self.index.entities[person].kind != "PERSON":
                continue
            if self.index.entity_of(post) == person:
                continue
            shared_org = self._org_of_phrase(post)
            # "a tax lawyer and senior fellow at the Tax Policy Center": each post coordinated in the apposition.
            for each in [post, *(c for c in post.conjuncts if c.i > post.i and c.pos_ in ("NOUN", "PROPN"))]:
                found = self._title_phrase(each) or self._occupation_at(each)
                if not found:
                    continue
                title, first, last, former = found
                org, org_name = self._org_of_phrase(each)
                named = self.index.entities[org].name if org in self.index.entities else org_name
                if named.lower() in title.lower().split():
                    org, org_name = "", ""  # "the secretary of state": the word is the title's, not an organisation
                if not (org or org_name) and each is not post:
                    org, org_name = shared_org
                if org == person:
                    continue
                lo, hi = min(first, name.i), max(last, name.i + 1)
                yield self._make(person, title, lo, hi, org, org_name, former)

    def _occupation_at(self, head: Token) -> tuple[str, int, int, bool] | None:
        """*Raj Mehta, a cardiologist at Massachusetts General Hospital*: any occupation in an
        apposition is a post when the text says at which organisation it is held.

        Not a relation to the organisation (*a supporter of*, *a critic of*), and not where one
        lives (*a resident of Ohio*: a place, not an organisation).
        """
        if head.tag_ != "NN" or head.lower_ in NOT_OCCUPATIONS or head.i in self.index.token_entity \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children) \
                or any(c.dep_ == "conj" for c in head.children):
            return None  # coordinated posts ("a developer and spokeswoman for …") are the titles' to read
        at = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "with", "of", "for")), None)
        target = next((g for g in at.children if g.dep_ == "pobj"), None) if at is not None else None
        key = self.index.entity_in(list(target.subtree)) if target is not None else None
        if not key or self.index.entities[key].kind != "ORG":
            return None
        first = head.i  # with the words right before it that say what kind ("senior", "political science")
        while first > head.left_edge.i and self.doc[first - 1].dep_ in ("amod", "compound") \
                and self.doc[first - 1].is_alpha and self.doc[first - 1].lower_ not in FORMER \
                and first - 1 not in self.index.token_entity:
            first -= 1
        former = any(t.lower_ in FORMER for t in head.lefts)
        return self.doc[first:head.i + 1].text, first, head.i + 1, former

    def _copula(self, verb: Token) -> Iterator[Role]:
        """*Rutte is the secretary-general of NATO*; *X, who serves as the …*."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "conj":
            # "served as director … and is now president of …": the subject both verbs share.
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if not subjects:
            return
        subject = subjects[0]
        if subject.lower_ in ("who",) and verb.dep_ == "relcl":
            subject = verb.head
            if subject.dep_ == "appos" and not self.index.entity_of(subject):
                subject = subject.head  # "James Acton, a physicist who is co-director of …"
            nearer = [c for c in subject.conjuncts if subject.i < c.i < verb.i]
            if nearer:
                subject = nearer[-1]  # "Ruiz and Dana Hill, who was her deputy": the name before "who"
        person = self.index.entity_of(subject)
        if not person or self.index.entities[person].kind != "PERSON":
            return
        posts = [c for c in verb.children if c.dep_ == "attr"]
        posts += [c for p in posts for c in p.conjuncts if c.pos_ == "NOUN"]  # "is a lawyer and the governor of …"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                posts += [g for g in child.children if g.dep_ == "pobj"]
        for post in posts:
            found = self._title_phrase(post)
            if not found:
                continue
            title, first, last, former = found
            # "X, who served as U.S. ambassador from 2012 until …": a post served is a past one.
            # "X, who was the bill's floor manager": a post in the past tense of a relative clause is one held no more.
            former = former or (verb.lemma_ == "serve" and verb.tag_ == "VBD") or \
                (verb.lemma_ == "be" and verb.tag_ == "VBD" and verb.dep_ == "relcl")
            if any(c.lower_ in ("not", "never") for c in verb.children):
                continue
            org, org_name = self._org_of_phrase(post)
            yield self._make(person, title, min(subject.i, first), last, org, org_name, former)


def extract_roles(doc: Doc, index: EntityIndex) -> list[Role]:
    """Posts held by the document's people."""
    return list(RoleExtractor(doc, index).roles())
