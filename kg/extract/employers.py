"""Whose post it is: the organisation, country or person a title of office is held at.

*UK Foreign Secretary David Lammy* (a place before the title), *NATO's secretary-general* (a possessive),
*the secretary-general of NATO* (*of*, *at*, *for*), *Clinton campaign spokesman* (a person's campaign),
*Senator Ann Reid (D-Ohio)* (a party and a state), *Its president* (the organisation named last).
:class:`Employers` is mixed into :class:`kg.extract.roles.RoleExtractor`.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from kg import lexicon
from kg.extract.entities import EntityIndex
from kg.extract.sentences import sent_of

# Words before a title that name no employer: rank and time ("former", "deputy"), and bodies that are one.
FORMER = {"former", "ex", "ex-", "onetime", "one-time", "erstwhile", "then", "ousted", "deposed", "late"}
RANKS = {"acting", "deputy", "interim", "vice", "assistant", "associate", "senior", "chief", "co", "shadow"}
BODIES = {"senate", "house", "congress", "parliament", "assembly", "cabinet", "council", "pentagon", "treasury",
          "kremlin", "commons", "lords", "bundestag", "knesset", "duma"}
TEAM_NOUNS = {"campaign", "administration", "team", "transition"}  # "the Clinton campaign"
CAMPAIGN_POSTS = {"manager", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson",
                  "director", "adviser", "advisor", "strategist", "aide", "counsel", "treasurer", "pollster"}
ORG_PREPOSITIONS = ("of", "at", "for", "to", "from")


class Employers:
    """The employer half of the post rules; needs ``doc`` and ``index`` from the class it is mixed into."""

    doc: Doc
    index: EntityIndex

    def _team_of(self, i: int) -> str:
        """*Clinton campaign*, *Trump administration*: a person's campaign or team named by its noun at ``i``."""
        doc = self.doc
        if i < 1 or doc[i].lower_ not in TEAM_NOUNS:
            return ""
        before = doc[i - 1]
        if before.text[:1].isupper() and (before.i in self.index.token_entity or before.pos_ == "PROPN"):
            return f"{before.text} {doc[i].lower_}"
        return ""

    def _org_left_of(self, i: int) -> tuple[str, str, int]:
        """An organisation or country right before token ``i``: entity, possessive or demonym."""
        doc = self.doc
        j = i - 1
        if j >= 0 and doc[j].lower_ in ("'s", "’s", "'", "’"):
            j -= 1
        if j < 0:
            return "", "", i
        team = self._team_of(j)
        if team:
            return "", team, j - 1  # "Clinton campaign spokesman Brian Fallon"
        key = self.index.token_entity.get(j)
        if key is None and doc[j].text[:1].isupper():
            key = self.index.club_by_short_name(doc[j].text)  # "Rovers manager Callum Ramsay"
        if key and self.index.entities[key].kind in ("ORG", "GPE"):
            k = j
            while k > 0 and self.index.token_entity.get(k - 1) == key:
                k -= 1
            own = [p for p in range(k + 1, j) if doc[p].lower_ in ("'s", "’s", "'", "’")]
            if own and self.index.entities[key].kind == "ORG":
                return "", doc[k:own[0]].text, k  # "Harbor News’ Boston" taken as one name: the owner is before
            if self.index.entities[key].kind == "GPE" and k >= 2 and doc[k - 1].lower_ in ("'s", "’s", "'", "’"):
                # "Harbour News' Salem political editor": the place is the bureau, the owner the employer.
                owner = self.index.token_entity.get(k - 2)
                if not owner and doc[k - 2].pos_ == "PROPN":
                    owner = self.index.known_org(doc[k - 2].text)  # "Harbour's" after "Harbour News"
                if owner and self.index.entities[owner].kind == "ORG":
                    k2 = k - 2
                    while k2 > 0 and self.index.token_entity.get(k2 - 1) == owner:
                        k2 -= 1
                    return owner, self.index.entities[owner].name, k2
            return key, self.index.entities[key].name, k
        if key and self.index.entities[key].kind == "PERSON" and j < i - 1:
            # "Clinton's campaign chairman": the person is the employer.
            return key, self.index.entities[key].name, j
        demonym = lexicon.demonyms().get(doc[j].lower_)
        if demonym and doc[j].text[:1].isupper():
            return "", demonym, j
        if doc[j].lower_ in BODIES and doc[j].text[:1].isupper():
            return "", doc[j].text, j  # "House Speaker Paul Ryan", "Senate Majority Leader"
        if doc[j].is_upper and len(doc[j].text.strip(".")) >= 2 and doc[j].pos_ == "PROPN":
            return "", doc[j].text, j  # an acronym NER left untagged: "DNC Chairwoman Donna Brazile"
        if j == i - 1 and doc[j].tag_ in ("NN", "NNS", "NNP", "NNPS") and doc[j].is_alpha and doc[j].is_title \
                and not doc[j].is_sent_start \
                and doc[j].lower_ not in lexicon.title_words() and doc[j].text not in lexicon.parties() \
                and doc[j].lower_ not in FORMER | RANKS and doc[j].lower_ not in lexicon.honorifics():
            # a name NER left untagged: "Union leader Mick Lynch", "Rovers manager", "New South Wales Premier"
            k = j
            while k > 0 and doc[k - 1].is_title and doc[k - 1].is_alpha and doc[k - 1].pos_ == "PROPN" \
                    and doc[k - 1].lower_ not in lexicon.title_words() and doc[k - 1].lower_ not in lexicon.honorifics() \
                    and "\n" not in doc[k - 1].whitespace_:
                k -= 1
            return "", doc[k:j + 1].text, k
        return "", "", i

    def _org_after_name(self, name_start: int, name_end: int) -> tuple[str, str]:
        """*Rep. Charles Rangel of New York*, *Sen. Ben Sasse (R-Neb.)*."""
        doc = self.doc
        if name_end + 1 < len(doc) and doc[name_end].lower_ == "of":
            at = name_end + 2 if doc[name_end + 1].lower_ == "the" and name_end + 2 < len(doc) else name_end + 1
            key = self.index.token_entity.get(at)
            if key and self.index.entities[key].kind in ("ORG", "GPE"):
                return key, self.index.entities[key].name
        return self._party_state_code(name_start)

    def _party_state_code(self, name_start: int) -> tuple[str, str]:
        """*Ben Sasse (R-Neb.)*: the state in the bracket after a name is where the post is."""
        doc = self.doc
        end = self._mention_end(name_start)
        if end + 2 < len(doc) and doc[end].text == "(":
            inner = doc[end + 1:min(end + 8, len(doc))].text
            if "-" in inner and inner.split("-")[0].strip() in ("R", "D", "I"):
                code = inner.split("-", 1)[1].split(")")[0].strip()
                return "", lexicon.us_states().get(code, code)
            code = inner.split(")")[0].strip()
            if ")" in inner and code in lexicon.us_states():
                return "", lexicon.us_states()[code]  # "Sens. John McCain (Ariz.), Kelly Ayotte (N.H.)"
        # "Mitch McConnell, R-Ky., said"
        if end + 4 < len(doc) and doc[end].text == "," and doc[end + 1].text in ("R", "D", "I") and doc[end + 2].text == "-":
            code = doc[end + 3].text
            if code in lexicon.us_states():
                return "", lexicon.us_states()[code]
        # "Charles Grassley, Republican of Iowa"
        if end + 3 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("republican", "democrat", "independent") \
                and doc[end + 2].lower_ == "of":
            key = self.index.token_entity.get(end + 3)
            if key and self.index.entities[key].kind in ("GPE", "ORG"):
                return key, self.index.entities[key].name
        return "", ""

    def _org_of_phrase(self, head: Token) -> tuple[str, str]:
        """*NATO's secretary-general*, *the secretary-general of NATO*, *FBI director*."""
        found = self._org_of_word(head)
        if found[0] or found[1]:
            return found
        # "secretary - general" split by the tokenizer: the organisation hangs on the other half.
        for part in head.children:
            if part.dep_ in ("amod", "compound") and abs(part.i - head.i) == 2 and self.doc[min(part.i, head.i) + 1].text == "-":
                found = self._org_of_word(part)
                if found[0] or found[1]:
                    return found
        return "", ""

    def _org_of_word(self, head: Token) -> tuple[str, str]:
        for child in head.lefts:
            if child.dep_ in ("nmod", "compound", "poss") and child.pos_ == "PROPN" and child.i + 1 < head.i \
                    and child.nbor().lower_ in ("'s", "’s", "'", "’") and head.lower_ in CAMPAIGN_POSTS:
                # "Ruiz' campaign manager", the possessive parsed as a modifier
                person = self.index.token_entity.get(child.i) or self.index.person_by_surname(child.text)
                if person and self.index.entities[person].kind == "PERSON" and not _managed_person(head):
                    return "", self._campaign_of(person)
        for child in head.children:
            if child.dep_ == "poss":
                if child.lower_ == "its":
                    key = self._org_named_last(child.i)  # "the Fund. Its president, Ann Cole,"
                    if key:
                        return key, self.index.entities[key].name
                    continue
                key = self.index.entity_of(child) or self._named_before(child)
                if key and self.index.entities[key].kind == "PERSON" and head.lower_ in CAMPAIGN_POSTS \
                        and not _managed_person(head):
                    return "", self._campaign_of(key)  # "Ruiz' campaign manager": the campaign employs
                if key and self.index.entities[key].kind in ("ORG", "GPE", "PERSON"):
                    return key, self.index.entities[key].name
        after = self._org_after_of(head)
        if after[0] or after[1]:
            return after
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ORG_PREPOSITIONS:
                for obj in child.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        team = self._team_of(obj.i)
                        if team:
                            return "", team
                        key = self.index.entity_in(list(obj.subtree))
                        if key and self.index.entities[key].kind in ("ORG", "GPE"):
                            return key, self.index.entities[key].name
        for child in head.lefts:
            key = self.index.entity_of(child)
            if key and self.index.entities[key].kind in ("ORG", "GPE"):
                return key, self.index.entities[key].name
            demonym = lexicon.demonyms().get(child.lower_)
            if demonym and child.text[:1].isupper():
                return "", demonym
        return "", ""

    def _campaign_of(self, person: str) -> str:
        return f"{self.index.entities[person].name.split()[-1]} campaign"

    def _org_named_last(self, i: int) -> str | None:
        """The organisation named last before token ``i``, within the sentence before it: what *its* stands for."""
        doc = self.doc
        sent = sent_of(doc[i])
        lo = sent_of(doc[sent.start - 1]).start if sent.start > 0 else sent.start
        for j in range(i - 1, lo - 1, -1):
            key = self.index.token_entity.get(j)
            if key and self.index.entities[key].kind == "GPE" and j + 2 < len(doc) and doc[j + 1].text in ("-", "‐") \
                    and doc[j + 2].lower_ == "based":
                continue  # "the Little Lambs Trust, a Kilcronan-based charity. Its founder": the trust's
            if key and self.index.entities[key].kind in ("ORG", "GPE"):
                return key if self.index.entities[key].kind == "ORG" else None
        return None

    def _org_after_of(self, head: Token) -> tuple[str, str]:
        """*leader of France's far-right National Front party*, *editor of Example.com*, *chairman of Dana
        Hill's campaign*, *adviser to the Ruiz family*: the words right after the title, read in order up to the
        end of the phrase, since the parse often hangs them elsewhere. An entity followed by a possessive
        owns what comes after it only when nothing else is named."""
        doc = self.doc
        i = head.i + 1
        while i + 1 < len(doc) and doc[i].text in ("-", "–") and not doc[i - 1].whitespace_:
            i += 2  # "secretary - general"
        if i >= len(doc) or doc[i].lower_ not in ORG_PREPOSITIONS:
            return "", ""
        found: list[tuple[str, bool]] = []
        branch: list[tuple[str, bool]] = []
        j = i + 1
        while j < len(doc) and j <= i + 10 and not doc[j].is_punct or (j < len(doc) and doc[j].text in ("-", "'", "’")):
            if doc[j].lower_ == "of" and found and doc[j - 1].pos_ in ("NOUN", "ADJ") and doc[j - 1].is_lower \
                    and j - 1 not in self.index.token_entity:
                # "president of the Harlow Creek local of the Forest Workers Union": a branch of the union
                branch, found = found, []
                j += 1
                continue
            if doc[j].pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON") and j not in self.index.token_entity:
                break
            key = self.index.token_entity.get(j)
            if key:
                end = j
                while end < len(doc) and self.index.token_entity.get(end) == key:
                    end += 1
                possessive = end < len(doc) and doc[end].lower_ in ("'s", "’s", "'", "’")
                found.append((key, possessive))
                if possessive and self.index.entities[key].kind == "PERSON" and end + 1 < len(doc) \
                        and doc[end + 1].lower_ == "campaign":
                    return "", self._campaign_of(key)  # "chairman of Dana Hill's campaign"
                j = end
                continue
            if doc[j].like_url and "." in doc[j].text.strip("."):
                return "", doc[j].text  # "editor of Example.com"
            if doc[j].lower_ == "family" and found and self.index.entities[found[-1][0]].kind == "PERSON":
                return "", f"{self.index.entities[found[-1][0]].name.split()[-1]} family"  # "adviser to the Ruiz family"
            j += 1
        orgs = [(k, pos) for k, pos in found or branch if self.index.entities[k].kind in ("ORG", "GPE")]
        best = next((k for k, pos in orgs if not pos), None) or (orgs[0][0] if orgs else None)
        return (best, self.index.entities[best].name) if best else ("", "")

    def _named_before(self, noun: Token) -> str | None:
        """*the guild's president* after *the Software Workers Guild*: the last organisation named
        before whose name ends in that noun."""
        if noun.pos_ == "PROPN" and noun.text[:1].isupper():
            return self.index.known_org(noun.text)  # "Meridian's chief medical officer" after "Meridian Health"
        if noun.pos_ != "NOUN":
            return None
        for i in range(noun.i - 1, -1, -1):
            key = self.index.token_entity.get(i)
            if key and self.index.entities[key].kind == "ORG" and \
                    self.index.entities[key].name.lower().split()[-1] == noun.lower_:
                return key
        return self.index.described_as(noun.lemma_.lower(), noun.i)  # "Tallyvane, the payroll software company"


def _managed_person(post: Token) -> bool:
    """*Nadia Quell's manager*: a singer's or a boxer's manager works for that person, not for a campaign
    (*Ruiz' campaign manager* does)."""
    return post.lower_ == "manager" and not any(c.lower_ == "campaign" for c in post.lefts)
