"""Who speaks for a reporting verb: its subject, the agent of a passive, a name after it, and the repairs
for what the small parser gets wrong in news sentences (a name hung on the phrase before it, a participle
hung on a quotation, an addressee taken for the teller, a place or a dateline taken for the subject).

:class:`SpeakerFinder` is mixed into :class:`kg.extract.quotes.QuoteExtractor`; it returns the token
that heads the speaker's phrase, and :mod:`kg.extract.coref` resolves that phrase to an entity.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg import lexicon
from kg.extract.names import age_description
from kg.extract.sentences import sent_of
from kg.extract.statement import trailing_comment

NOT_SPEECH_SUBJECTS = {"it", "this", "that", "which", "what"}
# "She called him to say …", "he promised them to …": verbs whose subject, not their object, does the infinitive.
SUBJECT_CONTROL = {"promise", "call", "phone", "ring", "contact", "email", "write", "text", "visit", "meet", "join"}
ADDRESSEE_FIRST = {"tell", "inform", "assure", "remind"}  # verbs whose first object is the one spoken to


class SpeakerFinder:
    """The speaker-finding half of the statement rules; needs ``doc``, ``index``, ``verbs``, ``inside_quote``,
    ``dateline`` and ``_conjoined_with_reported_clause`` from the class it is mixed into."""

    def speaker_of(self, cue: Token) -> Token | None:
        """The subject of a cue, or the agent of a passive one, or a name right after it (*said Smith*)."""
        # "X said" with the name right before the cue is the surest subject, whatever the parse says.
        left = cue.i - 1
        while left >= 0 and self.doc[left].pos_ in ("ADV", "AUX", "PART") and cue.i - left < 4 \
                and not self.index.entity_of(self.doc[left]):  # "Reilly said", Reilly parsed as an adverb
            left -= 1
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)  # "X was called …": X is no speaker
        if left >= 0 and not passive and not self.inside_quote(self.doc[left]):
            key = self.index.entity_of(self.doc[left])
            if key and self.index.entities[key].kind in ("PERSON", "ORG"):
                named = self.doc[left]
                while named.dep_ == "pobj" and self.index.entity_of(named.head.head) == key:
                    named = named.head.head  # "of the Central Bank of Marvania": up to the name's own head
                holder = named.head.head if named.dep_ == "pobj" else None
                owner = self.index.entity_of(holder) if holder is not None else None
                if owner and self.index.entities[owner].kind == "PERSON":
                    return holder  # "Chief Sam Cole of the Tulsa Police Department said": Cole speaks
                where = holder is not None and holder.pos_ == "NOUN" and self.doc[left].head.lower_ == "in"
                if (holder is None or holder.pos_ not in ("VERB", "AUX")) and not where:
                    # not "… taking to Twitter to call X": where a verb went is no speaker; nor "officials in
                    # Kyiv said": where they are
                    return self.doc[left]
        # "…,” said Mr. Lammy / …, asserts Trump: an inverted subject right after a cue that follows punctuation;
        # it wins over a subject the parse found before the quotation. Not "…, called Mr. Obama's remarks".
        # "…,” Berg tells the Harbour Times": whoever is told is never the one telling.
        after = self._name_after(cue) if cue.lemma_.lower() not in ADDRESSEE_FIRST else None
        if after is not None and self._addressee(cue, after):
            after = None
        if after is not None and after.head.i == cue.i and after.dep_ not in ("poss", "compound"):
            return after
        if not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in cue.children):
            described = self._description_hung_elsewhere(cue) or self._age_hung_on_cue(cue)
            if described is not None:
                return described
        verb = cue
        for _ in range(3):
            for child in self._named_subject_first(verb):
                if self.dateline is not None and self.dateline.covers(child.idx):
                    # "ISTANBUL (Reuters) - Turkey's foreign ministry said": the place it was filed from is
                    # no speaker; the subject the parse hung on it as an apposition is
                    subject = next((c for c in child.children if c.dep_ == "appos" and not self.dateline.covers(c.idx)),
                                   None)
                    if subject is None:
                        continue
                    return subject
                if child.dep_ == "nsubj" and child.lower_ == "it" and verb is cue and not self.inside_quote(child):
                    organisation = self._organisation_it_means(child)
                    if organisation is not None:
                        return organisation
                if child.dep_ == "nsubj" and child.lower_ not in NOT_SPEECH_SUBJECTS and not self.inside_quote(child):
                    named = self.named_in_apposition(child)
                    if named is not None:
                        return named
                    if child.i > verb.i and self.index.entity_of(child):
                        child = self._person_after_rank(child)  # "…,” said Air Force Lt. Tyler Ross"
                    subject = self.index.entity_of(child)
                    if not subject or self.index.entities[subject].kind == "GPE":
                        # A dateline the parse made the subject: "WASHINGTON -- President Obama … said".
                        # "With 50 days until the election, Minyon Moore, a senior adviser, called …":
                        # the parse took the wrong noun; the name in apposition is the speaker.
                        for appos in child.children:
                            key = self.index.entity_of(appos)
                            if appos.dep_ == "appos" and key and self.index.entities[key].kind == "PERSON":
                                return appos
                        named = self._person_before(child, verb) if self._place_or_time(child) else None
                        if named is not None:
                            return named
                    return self._relative_antecedent(child)
                if child.dep_ == "agent" and verb is cue:  # "after telling …, she was booed by fans": not the fans
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            for child in verb.children:
                # "After saying …, she was whisked off": a participle's speaker is the subject of its clause.
                if child.dep_ == "nsubjpass" and (cue.lemma_ in ("quote", "cite") or verb is not cue):
                    return child
            # "… ended with Ruiz asking Berg whether …": the person a participle follows is its speaker.
            doer = self._absolute_subject(verb)
            if doer is not None:
                return doer
            # "issued a statement calling …", "his letter urging …": who made the statement.
            if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and \
                    verb.head.lemma_.lower() in lexicon.reporting_nouns() | lexicon.cue_class("document"):
                noun = verb.head
                owner = next((c for c in noun.children if c.dep_ == "poss"), None)
                if owner is not None:
                    return owner
                if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                    verb = noun.head
                    continue
                break
            controller = self._object_of_control(verb)
            if controller is not None:
                return controller
            antecedent = _antecedent_of_relative_clause_before(verb)
            if antecedent is not None:
                return antecedent
            # "…, contending that …", "… and said that …": the subject of the verb it hangs from.
            if verb.dep_ in ("advcl", "conj", "xcomp", "acl") and verb.head.pos_ in ("VERB", "AUX"):
                if verb.dep_ in ("conj", "advcl") and (self._conjoined_with_reported_clause(verb)
                                                       or self._next_report_in_cue_tense(verb)
                                                       or self._comment_on_reported_clause(verb)):
                    verb = verb.head  # "She said the gaps remained wide and warned that …": she warned
                verb = self._outside_quotation(verb.head)
                continue
            # "… by telling them that …", "after saying that …": through the preposition to its verb.
            if verb.dep_ == "pcomp" and verb.head.dep_ in ("prep", "conj") and verb.head.head.pos_ in ("VERB", "AUX"):
                verb = verb.head.head
                continue
            break
        # No subject at all: a name right after the cue, however the parse hung it ("…,” said Smith").
        if after is not None and after.dep_ != "poss":
            return after
        return self._named_after_quotation(cue) or self._subject_hung_elsewhere(cue) \
            or self._subject_of_governing_verb(cue)

    def _comment_on_reported_clause(self, verb: Token) -> bool:
        """*Cruz said Trump represents “New York values,” stating during the debate that …*: a reporting
        participle set off after a reported clause goes on with the report; Cruz stated it, not Trump."""
        clause = verb.head
        return verb.tag_ == "VBG" and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.verbs \
            and trailing_comment(clause) == verb

    def _subject_of_governing_verb(self, cue: Token) -> Token | None:
        """*In addition to stating that …, Ortiz has vowed*, *He went out of his way to say that …*: a
        participle or infinitive with no subject of its own speaks for the subject of the nearest verb
        above it, however many prepositions and nouns the parse put between them."""
        if cue.tag_ not in ("VBG", "VB") or cue.lemma_.lower() in lexicon.object_cues():
            return None  # "… attacking critics", "… describe Ortiz as …": too often someone else's act
        subject = self._subject_above(cue)
        return self._relative_antecedent(subject) if subject is not None else None

    def _subject_above(self, cue: Token, outside_quotes: bool = False) -> Token | None:
        """The subject of the nearest verb above ``cue`` that has one, within four steps; None at a passive
        or an expletive on the way (and, if asked, at a verb inside a quotation)."""
        for hops, above in enumerate(cue.ancestors):
            if hops >= 4 or outside_quotes and self.inside_quote(above):
                break
            if above.pos_ in ("VERB", "AUX"):
                subject = next((c for c in above.children
                                if c.dep_ == "nsubj" and c.lower_ not in NOT_SPEECH_SUBJECTS), None)
                if subject is not None:
                    return subject
                if any(c.dep_ in ("nsubjpass", "expl") for c in above.children):
                    return None
        return None

    def subject_above(self, cue: Token) -> Token | None:
        """*Lopez is the only member of the panel to have pledged to visit every county*: where the parse
        hung the cue on a noun and gave it no subject, the named (or pronoun) subject of the nearest verb
        above it, within four steps. Less sure than :meth:`speaker_of`; the rules propose it only for the
        sieve to judge."""
        subject = self._subject_above(cue, outside_quotes=True)
        if subject is None:
            return None
        key = self.index.entity_of(subject)
        if key and self.index.entities[key].kind in ("PERSON", "ORG") or subject.pos_ == "PRON":
            return self._relative_antecedent(subject)
        return None

    def _subject_hung_elsewhere(self, cue: Token) -> Token | None:
        """*As part of his plea, Marco Lenz, 44, said that …*: the small model hung the name on the phrase
        before it and left the verb without a subject. A finite cue with no subject takes the name that
        ends right before it, with nothing between but its own apposition, punctuation and adverbs."""
        if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in cue.children):
            return None
        start = sent_of(cue).start
        for i in range(cue.i - 1, max(start, cue.i - 30) - 1, -1):
            key = self.index.entity_of(self.doc[i])
            if not key or self.index.entities[key].kind not in ("PERSON", "ORG") or self.inside_quote(self.doc[i]):
                continue
            name = self.doc[i]
            while name.dep_ in ("compound", "flat") and name.head.i == name.i + 1:
                name = name.head
            between = self.doc[name.i + 1:cue.i]
            if all(t.is_punct or t.pos_ == "ADV" or name in t.ancestors for t in between):
                return name
            return None
        return None

    def _description_hung_elsewhere(self, cue: Token) -> Token | None:
        """*…, a Western diplomat, who spoke on condition of anonymity, told Wire*: the parse hung the
        description on the clause before it; the noun whose phrase ends at the comma before the cue speaks,
        when it is a noun for a person (*diplomat*, *official*)."""
        if cue.i < 3 or self.doc[cue.i - 1].text != ",":
            return None
        token = self.doc[cue.i - 2]
        for noun in (token, *token.ancestors):
            if noun.right_edge.i != cue.i - 2 or noun.i >= cue.i:
                return None
            if noun.dep_ == "appos" and self._speaker_noun(noun):
                # not the description of a name ("Eva Ross, an activist for Greenpeace, demanded")
                return None if self.index.entity_of(noun.head) or noun.head.pos_ == "PROPN" else noun
        return None

    def named_in_apposition(self, noun: Token) -> Token | None:
        """*Ireland's largest lender, Allied Dublin Bank, said*, *The Member for Penrith, Stuart Ayres, said*,
        *according to the council's planning officer, Rachel Dunmore*: a description followed by a name
        between commas is that name's (a person's; an organisation's only when the description names no one).
        Not *Tom Hale, a lawyer*, which names the speaker first."""
        own = self.index.entity_of(noun)
        own_kind = self.index.entities[own].kind if own else ""
        if own_kind == "PERSON":
            return None
        for token in noun.subtree:
            if token.dep_ != "appos" or token.i <= noun.i or self.doc[token.left_edge.i - 1].text != "," \
                    or token.right_edge.i + 1 >= len(self.doc) or self.doc[token.right_edge.i + 1].text != ",":
                continue  # a name between commas
            if token.head.i != noun.i and not (token.head.dep_ == "pobj" and token.head.head.head.i == noun.i):
                continue  # the name of the description's own phrase ("The Member for Penrith, Stuart Ayres")
            key = self.index.entity_of(token)
            kind = self.index.entities[key].kind if key else ""
            if kind == "PERSON" or kind == "ORG" and own_kind in ("", "GPE"):
                return token
        return None

    def _organisation_it_means(self, it: Token) -> Token | None:
        """*Harlow Foods reported a loss. It said …*: the organisation that is the last subject before it, in
        this sentence or the one before; not any organisation named on the way (*It said, citing the Census*),
        nor one before a subject that is no organisation (*the trade group … as it commented*)."""
        sentence = sent_of(it)
        start = sent_of(self.doc[sentence.start - 1]).start if sentence.start > 0 else sentence.start
        subject = next((t for t in reversed(self.doc[start:it.i]) if t.dep_ in ("nsubj", "nsubjpass")
                        and t.pos_ != "PRON" and not self.inside_quote(t)), None)
        key = self.index.entity_of(subject) if subject is not None else None
        return subject if key and self.index.entities[key].kind == "ORG" else None

    def _age_hung_on_cue(self, cue: Token) -> Token | None:
        """*The 26-year-old said …*: the parse hung the age on the cue, as a modifier, and left it no subject."""
        age = self.doc[cue.i - 1] if cue.i > 0 else None
        if age is None or age.head.i != cue.i or age.dep_ == "nsubj" or not age_description(age):
            return None
        return age

    @staticmethod
    def _speaker_noun(noun: Token) -> bool:
        return noun.pos_ == "NOUN" and lexicon.speaker_nouns().get(noun.lower_, ("",))[0] in ("person", "group") \
            or noun.lemma_.lower() in lexicon.title_words()

    def _named_after_quotation(self, cue: Token) -> Token | None:
        """*“…,” Gene Lott, a former adviser, said*: the parse hung the name on the quotation; the name
        that opens the words between the closing mark and the cue (an apposition closed by a comma) speaks."""
        if cue.i < 2 or self.doc[cue.i - 1].text != ",":
            return None
        sentence = sent_of(cue)
        mark = next((t for t in reversed(self.doc[max(sentence.start, cue.i - 25):cue.i])
                     if t.is_quote and self.inside_quote(self.doc[t.i - 1]) and not self.inside_quote(t)), None)
        if mark is None:
            return None
        first = next((t for t in self.doc[mark.i + 1:cue.i] if not t.is_punct and t.lower_ not in lexicon.honorifics()), None)
        key = self.index.entity_of(first) if first is not None else None
        if not key or self.index.entities[key].kind != "PERSON":
            return None
        name = first
        while name.i + 1 < cue.i and self.index.entity_of(self.doc[name.i + 1]) == key:
            name = self.doc[name.i + 1]
        return name

    def _absolute_subject(self, verb: Token) -> Token | None:
        """*with Ruiz asking Berg whether …*, *the host, Ann Lee, asking …*: a participle right after a
        person's name (its head, or the object of *with* before it) has that person for its subject."""
        if verb.tag_ != "VBG" or verb.i == 0:
            return None
        before = self.doc[verb.i - 1]
        key = self.index.entity_of(before)
        if not key or self.index.entities[key].kind != "PERSON":
            return None
        if verb.dep_ == "acl" and verb.head.i == before.i or before.dep_ == "pobj" and before.head.lower_ == "with":
            return before
        return None

    def _next_report_in_cue_tense(self, verb: Token) -> bool:
        """*Berg said the union was not in a crisis, and urged that …*: a reporting verb without a subject,
        conjoined to a reported clause and in the tense of the cue above it, is the speaker's next statement,
        whoever the reported clause's subject is."""
        clause = verb.head
        return verb.dep_ == "conj" and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.verbs \
            and verb.tag_ == clause.head.tag_ and verb.tag_ in ("VBD", "VBZ") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)

    def _outside_quotation(self, verb: Token) -> Token:
        """*Lee was ready to riff on it, telling the crowd, “Some people get carried away”*: the parse hung
        the participle on the quotation's verb; its subject is that of the nearest verb outside the quotation."""
        while self.inside_quote(verb) and verb.head.i != verb.i:
            verb = verb.head
        return verb

    @staticmethod
    def _object_of_control(verb: Token) -> Token | None:
        """*The timing led Republicans to say …*, *she urged voters to reject …*: an infinitive after a
        verb's object has that object for its subject (but *he promised them to …* keeps his own)."""
        if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.lemma_.lower() in SUBJECT_CONTROL:
            return None
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)

    def _named_subject_first(self, verb: Token) -> list[Token]:
        """A verb's children with a named subject first, a person before anything else: *A former
        candidate -- Ann Lee -- said*, *In Salem, New Hampshire, Lee went after Ford, calling him …* give the
        verb two subjects, and the person is who speaks."""
        def rank(child: Token) -> int:
            key = self.index.entity_of(child) if child.dep_ == "nsubj" else None
            return 2 if not key else 0 if self.index.entities[key].kind == "PERSON" else 1
        return sorted(verb.children, key=rank)

    def _addressee(self, cue: Token, after: Token) -> bool:
        """*Ana Ruiz, Berg's director, told the Courier that …*, *Berg denied it, dismissing Ortiz
        as …*: a name after the cue is its object, not an inverted subject, when the cue has a subject of
        its own before it or is a participle (only a finite verb inverts: *…,” said Smith*)."""
        return after.dep_ in ("dobj", "dative") and (cue.tag_ == "VBG" or any(
            c.dep_ == "nsubj" and c.i < cue.i and not self.inside_quote(c) for c in cue.children))

    def _place_or_time(self, token: Token) -> bool:
        """A subject that is a place or a time (*Saturday at the convention Sen. Warren said*, a
        dateline *SPRINGVALE, Ore. - …, Ruiz promised*): the parse took a scene-setter for the speaker."""
        key = self.index.entity_of(token)
        return token.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") and not (key and self.index.entities[key].kind == "ORG") \
            or bool(key) and self.index.entities[key].kind == "GPE"

    def _person_before(self, subject: Token, verb: Token) -> Token | None:
        """The first person named between a scene-setting subject and its verb, not as an object
        or a possessor: the speaker the parse missed."""
        for token in self.doc[subject.i + 1:verb.i]:
            key = self.index.entity_of(token)
            if key and self.index.entities[key].kind == "PERSON" and not self.inside_quote(token):
                head = token
                while head.dep_ in ("compound", "flat") and head.head.i != head.i and head.head.i < verb.i:
                    head = head.head
                if head.dep_ not in ("pobj", "poss", "dobj", "dative"):
                    return head
        return None

    def _name_after(self, cue: Token) -> Token | None:
        """The head of a name right after a cue that follows punctuation (*…,” said Mr. Lammy*), if any."""
        if cue.i > 0 and not self.doc[cue.i - 1].is_punct:
            return None
        right = cue.i + 1
        while right < len(self.doc) and self.doc[right].lower_ in lexicon.honorifics():
            right += 1
        if right >= len(self.doc) or right - cue.i > 3 or self.doc[right].ent_type_ in ("DATE", "TIME") or \
                not (self.doc[right].pos_ == "PROPN" or self.index.entity_of(self.doc[right])):
            return None  # "…, McConnell said Tuesday": a day is not a speaker
        name = self.doc[right]
        while name.i + 1 < len(self.doc) and name.head.i == name.i + 1 and name.dep_ in ("compound", "flat"):
            name = self.doc[name.i + 1]
        return self._person_after_rank(name)

    def _person_after_rank(self, name: Token) -> Token:
        """*said Air Force 1st Lt. Tyler Ross*: a service or an agency before a rank is where the person
        serves; the person named after the rank speaks."""
        key = self.index.entity_of(name)
        if key and self.index.entities[key].kind == "PERSON":
            return name
        for token in self.doc[name.i + 1:min(len(self.doc), name.i + 6)]:
            person = self.index.entity_of(token)
            if person and self.index.entities[person].kind == "PERSON":
                while token.i + 1 < len(self.doc) and self.index.entity_of(self.doc[token.i + 1]) == person:
                    token = self.doc[token.i + 1]
                return token
            if not (token.text == "." or token.lower_.rstrip(".") in lexicon.title_words() or token.like_num
                    or token.pos_ == "PROPN" and not self.index.entity_of(token)):
                break
        return name

    def _relative_antecedent(self, token: Token) -> Token:
        """What *who* stands for: in *Patti LaBelle and Stevie Wonder, who joked …* the nearest name of a
        list, wherever the parse hung the clause."""
        if token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
            head = token.head.head
            before = [t for t in (head, *head.conjuncts) if t.i < token.i]
            head = max(before, key=lambda t: t.i) if before else head
            if token.lower_ == "who" and head.dep_ == "pobj" and head.head.lower_ in ("of", "from") \
                    and not self.index.person_of(head) and self.index.person_of(head.head.head):
                return head.head.head  # "Sen. Curtis Vandiver of Elk Prairie, who said": the senator
            return head
        return token


def _antecedent_of_relative_clause_before(verb: Token) -> Token | None:
    """*Amina Serwadde, whose party had been expected to win, called the delay …*: the parse conjoined the
    verb to the relative clause set off by commas before it; the speaker is the person that clause describes."""
    clause = verb.head
    if verb.dep_ != "conj" or clause.dep_ != "relcl" or clause.i > verb.i or clause.head.pos_ not in ("PROPN", "NOUN") \
            or verb.doc[verb.left_edge.i - 1].text != "," or verb.doc[clause.left_edge.i - 1].text != "," \
            or any(c.dep_ == "cc" for c in clause.children if clause.i < c.i < verb.i):
        return None
    return clause.head
