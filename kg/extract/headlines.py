"""Headlines and transcript turns: a line that names its speaker and says the rest.

*Ada Brenn: The ferry must run*, *BRENN: We are ready* (a transcript turn, the surname of a person named
in the story, or a label when the text has several such turns), *Brenn Says Ferry Will Run Again*,
*Ferry Will Run Again, Brenn Says*, *Fares will rise, residents warn*, and a headline that ends in a
quotation after a colon (*Brenn on the Crossing: ‘We Will Not Give Up’*). The verb forms come from the
reporting-verb lexicon (:func:`_inflections`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg import lexicon
from kg.extract.sentences import sent_of, sentences
from kg.extract.statement import Statement, trim


# "EXCLUSIVE – ", "WATCH - ": a label in capitals before the headline proper
KICKER = r"(?:[A-Z]{3,}(?: [A-Z]{3,})? [–—-] )?"


class Headlines:
    """The headline and transcript rules; need ``doc``, ``text``, ``index``, ``resolver``, ``token_at``,
    ``paragraph_of`` and ``is_cue`` from the class they are mixed into."""

    def headlines(self, direct_ranges: list[tuple[int, int]]) -> Iterator[Statement]:
        """Headlines and transcripts: *Pat Caddell: Voters are worried*, *WALLACE: Let's start*,
        *Obama Says Museum Will Tell …*, *Trump Could Address Energy, Graham Says*."""
        verbs = "|".join(sorted(_inflections(lexicon.reporting_verbs() | set(lexicon.object_cues()))))
        groups = "|".join(sorted(lexicon.speaker_nouns_of("group")))
        patterns = [
            (re.compile(rf"(?m)^{KICKER}[\"“]?(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}): (?P<what>\S.{{10,}})$"), False),
            (re.compile(rf"(?m)^{KICKER}(?P<who>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,3}}) (?P<cue>{verbs}) (?P<what>\S.{{10,}}?)\.?$"), True),
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
                if self.dateline is not None and self.dateline.covers(name_start):
                    continue  # "KARACHI: Sindh's minister …": where the story was filed, not who spoke
                token = self.token_at(name_start)
                if token is None:
                    continue
                key = self.index.entity_of(self.token_at(match.end("who") - 1) or token) or self.index.entity_of(token)
                who = match.group("who")
                if key is None and who.lower() == "police":
                    key = self.resolver.police_force()  # "…, police said." after the force was named
                if key is None and who.split()[-1] in lexicon.speaker_nouns_of("group"):
                    key = self.index.add_source(who)
                if key is None and capitalised_verb and " " not in who and who.lower() in lexicon.title_words() \
                        and sentences(self.doc)[1][token.i] == 0:
                    # "Lawmaker urges retaliation on Russia": the person the story then quotes.
                    key = self.resolver.headline_speaker(token)
                if len(who.rstrip(".")) == 1:
                    continue  # "Q:" and "A:" mark an interview's turns; they name nobody
                turn = None
                if key is None and not capitalised_verb and " " not in who and not who.isupper() \
                        and who.lower() not in lexicon.speaker_nouns() and who.lower() not in lexicon.title_words() \
                        and len(re.findall(rf"(?m)^{re.escape(who)}: ", self.text)) >= 2 \
                        and re.search(rf"[A-Z][\w.'’-]* {re.escape(who)}\b", self.text):  # a surname, not "Photo:"
                    # "Morrow-Lind: Less than the wind, honestly.", a turn of a transcript under the surname of
                    # someone the story named: resolved in reading order, as any speaker's name
                    turn = self.token_at(match.end("who") - 1)
                if key is None and who.isupper() and not capitalised_verb:
                    # A transcript speaker in capitals (WALLACE:): the person with that surname, if named, or
                    # a label in a transcript (several such turns); a lone "CORRECTION:" is an editor's note.
                    key = self.index.person_by_surname(who)
                    if key is None and len(re.findall(r"(?m)^[\"“]?[A-Z][A-Z.'’ -]*: ", self.text)) < 2:
                        continue
                    key = key or self.index.add_source(who.title())
                    if self.index.entities[key].kind == "SOURCE":
                        self.index.entities[key].kind = "PERSON"
                if turn is None and (key is None or self.index.entities[key].kind not in ("PERSON", "ORG", "SOURCE")):
                    continue
                start, end = trim(self.text, *match.span("what"))
                if any(s <= start < e for s, e in direct_ranges) or end - start < 8:
                    continue
                seen.add(name_start)
                cue = self.token_at(match.start("cue")) if "cue" in pattern.groupindex else None
                yield Statement([(start, end)], "indirect", cue, turn, sent_of(token), self.paragraph_of(start),
                                speaker=key, rule="headline")

    def _headline_quotes(self, direct_ranges: list[tuple[int, int]], seen: set[int]) -> Iterator[Statement]:
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
            start, end = trim(self.text, *match.span("what"))
            if any(s <= start < e for s, e in direct_ranges) or end - start < 8:
                continue
            seen.add(match.start("before"))
            yield Statement([(start, end)], "direct", None, None, sent_of(before[0]), self.paragraph_of(start),
                             speaker=people.pop(), rule="transcript")


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
