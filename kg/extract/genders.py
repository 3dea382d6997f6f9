"""A person's gender, for the pronouns that refer to them: from an honorific (*Mrs*), a title (*chairwoman*),
the first-name lexicon (a guess the text's own *he* or *she* may overrule), or the pronouns that follow a
bare surname (*Berg said … he*), which tell same-surname people apart."""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from spacy.tokens import Span

from kg import lexicon
from kg.extract.names import name_words, normalise

if TYPE_CHECKING:
    from kg.extract.entities import EntityIndex

def set_gender(index: EntityIndex, key: str, span: Span, honorifics: dict[str, str]) -> None:
    """An honorific (Mr., Mrs.) settles a person's gender; a first name only guesses it."""
    doc = span.doc
    honorific = honorifics.get(doc[span.start - 1].lower_, "") if span.start > 0 else ""
    if honorific:
        index.entities[key].gender = honorific
        index.guessed_gender.discard(key)
    elif not index.entities[key].gender:
        index.entities[key].gender = gender_of(span, honorifics)
        if index.entities[key].gender:
            index.guessed_gender.add(key)


def gender_of(span: Span, honorifics: dict[str, str]) -> str:
    doc = span.doc
    if span.start > 0 and honorifics.get(doc[span.start - 1].lower_):
        return honorifics[doc[span.start - 1].lower_]
    first = name_words(span.text)[0].lower()
    if len(name_words(span.text)) > 1:
        return lexicon.first_names().get(first, "")
    return ""


def surname_genders(spans: list[tuple[Span, str]], surnames: set[str]) -> dict[str, str]:
    """The gender each bare surname takes in the text: the pronouns that follow it in its sentences,
    when two in three or more agree (*Berg said she …*, *Berg told her staff …*)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for span, label in spans:
        if len(name_words(span.text)) == 1 and (label == "PERSON" or span.text in surnames):
            gender = pronoun_gender_after(span, strict=False)
            if gender:
                votes[normalise(span.text)][gender] += 1
    out = {}
    for surname, counts in votes.items():
        gender, n = counts.most_common(1)[0]
        if 3 * n >= 2 * sum(counts.values()):
            out[surname] = gender
    return out


def pronoun_gender_after(span: Span, strict: bool = True) -> str:
    """The gender of a he/she in the clause the name is the subject of: *Berg said she would …*, *Ruiz
    says he would pay …* (not *Ortiz called his vote …*, where *his* is someone else's). Not ``strict``:
    the first he/she/his/her after the name in its sentence before anyone else is named, a weaker hint
    that only a vote over the document may use."""
    name = span.root
    pronouns = lexicon.pronouns()
    for token in span.doc[span.end:span.sent.end]:
        if not strict and token.ent_type_ == "PERSON":
            return ""
        if token.pos_ != "PRON":
            continue
        if strict and not (name.dep_ in ("nsubj", "nsubjpass") and token.dep_ in ("nsubj", "nsubjpass")
                           and token.head.head.i == name.head.i and token.head.dep_ in ("ccomp", "conj", "advcl", "xcomp")):
            continue
        gender = pronouns.get(token.lower_, ("", ""))[0]
        if gender in ("m", "f"):
            return gender
    return ""


def pick_by_gender(index: EntityIndex, candidates: list[str], span: Span, honorifics: dict[str, str]) -> str | None:
    """Among people sharing a surname, *Mrs. Trump* is the woman; otherwise the most mentioned so far."""
    doc = span.doc
    unique = list(dict.fromkeys(candidates))
    want = honorifics.get(doc[span.start - 1].lower_, "") if span.start > 0 else ""
    if len(unique) == 1 and (not want or index.entities[unique[0]].gender in (want, "")):
        return unique[0]
    want = honorifics.get(doc[span.start - 1].lower_, "") if span.start > 0 else ""
    if want:
        fitting = [k for k in unique if index.entities[k].gender in (want, "")]
        if not fitting:
            return None  # "Mr. Obama" is not Michelle Obama: someone the text has not named in full
        unique = fitting
    else:
        # "Ruiz says he would pay for it": the pronoun that follows the name in its sentence tells which.
        told = pronoun_gender_after(span)
        fitting = [k for k in unique if index.entities[k].gender == told]
        unique = fitting if told and fitting else unique
    return index.main_person(unique, normalise(span.text))
