"""Where the tagger's names are wrong, mended before the entities are clustered: a span to retype (a club
or company typed a person, a person typed an organisation or titled as one, a place typed a person, a judge
named by style), to cut (a post or a headline's verb run into a name) or to add (a full name the tagger left
untagged, a company name ending in a company word, a name after an honorific)."""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from kg import lexicon
from kg.extract.names import (CLUB_NAME_ENDINGS, COMPANY_ENDINGS, HEADLINE_LOWER, NAMED_THINGS, NOT_ONLY_COMPANIES,
                              ORG_WORDS, PLACE_NAME_ENDINGS, name_words)
from kg.extract.sentences import text_of, tokens_where

def person_inside_a_post(doc: Doc, merged: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """*Coroner for Offaly Dr Aoife Kearney* tagged an organisation: the honorific starts a person's name that
    runs to the end of the span; the post before it names nobody."""
    honorifics = lexicon.honorifics()
    out = []
    for span, label in merged:
        at = next((t.i for t in span[1:-1] if t.lower_.rstrip(".") in honorifics and t.text[:1].isupper()), None)
        if label != "PERSON" and at is not None and doc[span.start].lower_ in lexicon.title_words() \
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[at + 1:span.end]):
            out.append((doc[at + 1:span.end], "PERSON"))
        else:
            out.append((span, label))
    return out


def judge_by_style(doc: Doc, merged: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """*Lord Justice Marwood*, *Mrs Justice Keane*, *Justice Kennedy* tagged an organisation: a judge, named by
    the surname after the style."""
    styles = set(lexicon.honorifics()) | {"lord", "lady"}
    out = []
    for span, label in merged:
        at = span.start
        while at < span.end - 1 and doc[at].lower_.rstrip(".") in styles:
            at += 1
        name = doc[at + 1:span.end]
        if doc[at].text == "Justice" and len(name) and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and t.tag_ != "NNPS" and t.lower_ not in ORG_WORDS
                and t.lower_ not in lexicon.title_words() for t in name):  # not "Justice Secretary Alan Cole"
            out.append((name, "PERSON"))
        else:
            out.append((span, label))
    return out


def place_of_a_person(doc: Doc, merged: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """*Sen. Curtis Vandiver of Elk Prairie*: a name right after a person's name and *of* is where they are
    from, whatever NER typed it."""
    person_ends = {span.end for span, label in merged if label == "PERSON" and len(name_words(span.text)) > 1}
    return [(span, "GPE" if label == "PERSON" and span.start >= 2 and doc[span.start - 1].lower_ == "of"
             and span.start - 1 in person_ends else label) for span, label in merged]


def employer_of_a_post(doc: Doc, merged: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """*an analyst at Hanley Stockwell*, *a professor at Dunmore*: a name a post is held at is an organisation,
    however much it looks like a person's."""
    def employer(span: Span) -> bool:
        if span.start < 2 or doc[span.start - 1].lower_ != "at":
            return False
        post = doc[span.start - 2]
        return post.pos_ == "NOUN" and post.is_lower and (
            post.lower_ in lexicon.titles() or lexicon.speaker_nouns().get(post.lower_, ("",))[0] in ("person", "group"))
    return [(span, "ORG" if label == "PERSON" and employer(span) else label) for span, label in merged]


def person_typed_org(text: str) -> bool:
    """*Enrique Peña Nieto*, *Marcus Okonkwo* tagged ORG: a known first name and no word of an organisation."""
    words = name_words(text)
    return 1 < len(words) <= 4 and words[0].lower() in lexicon.first_names() \
        and not any(w.lower().strip(".,") in ORG_WORDS for w in words)


def titled_person(span: Span) -> bool:
    """*Det Insp Sian Pritchard*, *Cllr Bryn Hughes* tagged ORG: a title, then two or three name words and no
    word of an organisation or a post."""
    titles = lexicon.title_words()
    start = span.start
    while start < span.end and span.doc[start].lower_.rstrip(".") in titles and span.doc[start].text[:1].isupper():
        start += 1
    name = span.doc[start:span.end]
    return start > span.start and 2 <= len(name) <= 3 and all(
        t.pos_ == "PROPN" and t.is_alpha and t.is_title and t.lower_ not in COMPANY_ENDINGS
        and t.lower_ not in titles for t in name)


def person_from_honorific(doc: Doc, covered: set[int]) -> Iterable[Span]:
    """*Mr. Putin*, *Sir Keir Starmer*: a person even when NER did not say so."""
    honorifics = lexicon.honorifics()
    for token in doc[:-1]:
        if token.lower_ not in honorifics or not token.text[:1].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and doc[end].lower_ not in honorifics:
            end += 1
        if end > token.i + 1 and not any(i in covered for i in range(token.i + 1, end)):
            yield doc[token.i + 1:end]


def title_case_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of lines written in title case (headlines): four words or more, every one
    capitalised but short function words, two of them (after the first) outside any name NER found (*Says*,
    *City*): not a sentence that is mostly names (*Did Joe Biden meet Vladimir Putin?*)."""
    out = []
    for match in re.finditer(r"[^\n]+", text_of(doc)):
        span = doc.char_span(*match.span(), alignment_mode="expand")
        words = [t for t in span or () if t.is_alpha]
        if len(words) < 4 or any(t.text[0].islower() and t.lower_ not in HEADLINE_LOWER for t in words):
            continue  # "Prime Minister Keir Starmer met President Macron": a sentence, "met" is lower case
        if sum(1 for t in words[1:] if t.text[0].isupper() and not t.ent_type_) >= 2:
            out.append(match.span())
    return out


def drop_headline_only_people(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """*Mayor Says City Will Rebuild Bridge*: in a title-case headline NER takes capitalised words for
    names; a person named there and nowhere else in the text (not even by surname) is dropped."""
    lines = title_case_lines(doc)
    if not lines:
        return spans

    def in_headline(span: Span) -> bool:
        return any(a <= span.start_char < b for a, b in lines)

    body = [span for span, label in spans if not in_headline(span)]
    body_words = {w for span in body for w in name_words(span.text)}
    text = text_of(doc)
    body_text = " ".join(text[b:a] for (_, b), (a, _) in zip([(0, 0), *lines], [*lines, (len(text), 0)]))
    kept = []
    for span, label in spans:
        if label == "PERSON" and in_headline(span):
            words = name_words(span.text)
            if words and words[-1] not in body_words and words[-1] not in body_text:
                continue
        kept.append((span, label))
    return kept


def part_of_title(span: Span) -> bool:
    """*Finance* in *Finance Minister Lars Berg*: words that make a title of office with the words after
    them name no organisation."""
    doc = span.doc
    titles = lexicon.titles()
    for extra in (1, 2):
        if span.end + extra <= len(doc) and doc[span.start:span.end + extra].text.lower() in titles:
            return True
    return False


def title_in_apposition(span: Span) -> bool:
    """The span's head has an apposition after it headed by a title of office (*a writer for*, *the foreign minister*)."""
    titles = lexicon.titles()
    doc = span.doc
    for child in span.root.children:
        if child.dep_ != "appos" or child.i < span.end or child.i - span.end > 4:
            continue
        words = [t.lower_ for t in doc[max(child.left_edge.i, child.i - 2):child.i + 1]]
        if not any(t.dep_ in ("det", "poss") for t in child.children):
            continue
        if any(" ".join(words[k:]) in titles for k in range(len(words))):
            return True
    return False


def first_names_sharing_a_surname(doc: Doc, spans: list[tuple[Span, str]],
                                    by_text: dict[str, list[int]]) -> dict[int, str]:
    """*Tom and Anna Berg*, *Omar and Leila Haddad*: a first name coordinated with a full name
    carries that name's surname (start of the first name -> the full name it stands for). Not a surname
    in its own right (*Ruiz and Anna Berg*): a known first name, or a word the text uses once."""
    out = {}
    for (first, label), (full, other) in zip(spans, spans[1:]):
        if label != "PERSON" or other != "PERSON" or len(first) != 1 or len(name_words(full.text)) < 2 \
                or full.start != first.end + 1 or doc[first.end].lower_ not in ("and", "&"):
            continue
        if first.text.lower() in lexicon.first_names() or len(by_text.get(first.text, ())) == 1:
            out[first.start] = f"{first.text} {name_words(full.text)[-1]}"
    return out


def untagged_full_names(doc: Doc, spans: list[tuple[Span, str]],
                         by_text: dict[str, list[int]]) -> list[tuple[Span, str]]:
    """*Anna Berg* where NER tagged nothing or a product, in a text that names *Tom Berg*: a known
    first name right before the surname of a person named in full is a full name too."""
    surnames = {name_words(span.text)[-1] for span, label in spans if label == "PERSON" and len(name_words(span.text)) > 1}
    covered = {i: n for n, (span, label) in enumerate(spans) for i in range(span.start, span.end)}
    found = []
    for surname in surnames:
        for i in by_text.get(surname, ()):
            first = doc[i - 1] if i > 0 else None
            if first is None or not first.text.istitle() or first.lower_ not in lexicon.first_names() \
                    or not first.whitespace_ or any(covered.get(j) is not None and spans[covered[j]][1] == "PERSON"
                                                    for j in (i - 1, i)) \
                    or i + 1 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text in ("-", "‐"):
                continue  # not "Siobhán Donnellan-Walsh" after "Bridie Donnellan": a surname of its own
            found.append(doc[i - 1:i + 1])
    # "Saoirse Kettleby, a nursing student, …" where the tagger tagged nothing: a known first name and one
    # capitalised word after it, standing alone (no capitalised word either side), in running text.
    headline_end = text_of(doc).find("\n")
    for first in tokens_where(doc, "POS", {"PROPN"}):
        if first.i + 1 >= len(doc) or not first.text.istitle():
            continue
        last = doc[first.i + 1]
        # "Priya Raghunathan, an analyst …" with only the surname tagged, as a place: the surname alone
        surname_alone = last.i in covered and spans[covered[last.i]][0].start == last.i \
            and spans[covered[last.i]][0].end == last.i + 1 and spans[covered[last.i]][1] != "PERSON"
        if first.i in covered or last.i in covered and not surname_alone or first.idx < headline_end \
                or not first.whitespace_ \
                or any(span.start == first.i for span in found) or first.lower_ not in lexicon.first_names() \
                or last.pos_ != "PROPN" or not last.text.istitle() or not last.is_alpha \
                or last.lower_ in COMPANY_ENDINGS or last.lower_ in lexicon.title_words() \
                or first.i > 0 and doc[first.i - 1].lower_ in ("a", "an", "the") \
                or first.i > 0 and doc[first.i - 1].text[:1].isupper() and doc[first.i - 1].is_alpha \
                and not doc[first.i - 1].is_sent_start \
                or last.i + 1 < len(doc) and doc[last.i + 1].text[:1].isupper() and doc[last.i + 1].is_alpha:
            continue
        found.append(doc[first.i:last.i + 1])
    if not found:
        return spans
    taken = {i for span in found for i in range(span.start, span.end)}
    kept = [(span, label) for span, label in spans if not any(i in taken for i in range(span.start, span.end))]
    return sorted(kept + [(span, "PERSON") for span in found], key=lambda item: item[0].start)


def name_of_a_thing(span: Span) -> bool:
    """*Her fifth album, Salt Years, …*: a name in apposition to a noun for a thing (an album, a ship, a
    storm) names that thing, not a person, unless it starts with a first name."""
    root = span.root
    return root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in NAMED_THINGS \
        and span[0].lower_ not in lexicon.first_names()


def organisation_by_ending(text: str) -> bool:
    """*Carrowdale Minerals*, *Ashcombe Rovers*: a name ending in a word only companies or clubs end in is an
    organisation, whatever the tagger said (not *Tom Rovers*, not *Zaldy Co*)."""
    words = name_words(text)
    last = words[-1].lower().strip(".,") if words else ""
    return len(words) > 1 and words[0].lower() not in lexicon.first_names() \
        and (last in COMPANY_ENDINGS - NOT_ONLY_COMPANIES or last in CLUB_NAME_ENDINGS - PLACE_NAME_ENDINGS)


def with_cut_first_words(ent: Span) -> Span:
    """*Kestrel Bay Timber Corp.* tagged from *Bay*: the capitalised words of the same name right before
    the organisation, which the parse hangs on it, belong to it."""
    doc, start = ent.doc, ent.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].dep_ == "compound" and ent.start <= doc[start - 1].head.i < ent.end \
            and not doc[start - 1].ent_type_ and doc[start - 1].whitespace_ \
            and doc[start - 1].lower_.rstrip(".") not in lexicon.title_words() \
            and doc[start - 1].lower_ not in lexicon.honorifics():
        start -= 1  # not "Representative" before "Brooks" tagged an organisation
    return doc[start:ent.end]


def split_run_on_names(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """*the Washington Post Trump said*: NER ran an organisation into the surname of a person the
    document names in full; the surname is the person, the rest the organisation."""
    full = [s for s, label in spans if label == "PERSON" and len(name_words(s.text)) > 1]
    surnames = {name_words(s.text)[-1] for s in full}
    full_texts = {s.text for s in full}
    out = []
    for span, label in spans:
        words = name_words(span.text)
        if len(span) > 1 and words[-1] in surnames and span.text not in full_texts and \
                not any(f.text.endswith(span.text) or span.text.endswith(f.text) for f in full) and \
                words[0].lower() not in lexicon.first_names():
            out.append((span[:-1], "ORG" if label == "PERSON" else label))
            out.append((span[-1:], "PERSON"))
        else:
            out.append((span, label))
    return out


def untagged_organisations(doc: Doc, tagged: set[int]) -> list[tuple[Span, str]]:
    """Runs of two or more capitalised proper nouns, none tagged, ending in a company word."""
    def name_word(token: Token) -> bool:
        return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha and token.i not in tagged

    found: list[tuple[Span, str]] = []
    for last in tokens_where(doc, "LOWER", COMPANY_ENDINGS):  # read from spaCy's arrays: few candidates
        if not name_word(last) or (found and found[-1][0].end > last.i):
            continue
        if last.i + 1 < len(doc) and name_word(doc[last.i + 1]):
            continue  # not the end of the name ("Meridian Health Partners" ends later)
        start = last.i
        while start > 0 and name_word(doc[start - 1]):
            start -= 1
        while start < last.i and doc[start].lower_ in lexicon.title_words():
            start += 1  # "Secretary Acme Health": the title is not part of the name
        if last.i - start >= 1 and "\n" not in doc[start:last.i + 1].text:
            found.append((doc[start:last.i + 1], "ORG"))
    return found
