"""The words names are made of: what ends an organisation's name, a club's, a place's; the particles of a
person's name; the small words of a headline; and the keys names are compared by."""
from __future__ import annotations

import re

from spacy.tokens import Token

from kg import lexicon

PLACE_PREPOSITIONS = {"in", "from", "across", "near", "outside", "inside", "between", "into", "throughout", "within"}
POSSESSIVE = {"'s", "’s", "'", "’"}
ORG_WORDS = {"inc", "corp", "co", "company", "university", "college", "school", "institute", "foundation", "party",
             "committee", "council", "group", "bank", "fund", "association", "society", "news", "times", "post",
             "journal", "tech", "state", "center", "centre", "hospital", "church", "club", "league", "agency",
             "department", "ministry", "office", "court", "house", "senate", "network", "media", "press", "llc", "ltd"}
# Things with names of their own: "her fifth album, Salt Years", "the storm, Typhoon Mawar".
NAMED_THINGS = {"album", "record", "ep", "single", "song", "book", "novel", "memoir", "film", "movie", "documentary",
                "play", "opera", "musical", "show", "series", "podcast", "painting", "ship", "vessel", "boat", "yacht",
                "ferry", "aircraft", "plane", "storm", "hurricane", "typhoon", "cyclone", "horse", "app", "game",
                "exhibition", "festival", "campaign", "operation", "programme", "program", "scheme", "project"}
CLUB_NAME_ENDINGS = {"city", "united", "town", "rovers", "athletic", "wanderers", "albion", "county", "rangers",
                     "fc", "afc", "hotspur", "villa", "orient", "argyle", "wednesday", "dons", "thistle"}
PLACE_NAME_ENDINGS = {"city", "town", "county", "villa", "wednesday"}  # also places, days or surnames
INSTITUTION_WORDS = {"Street", "Avenue", "Square", "Palace", "Hall", "Plaza"}  # "Downing Street said"
NAME_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "bin", "ibn", "al"}
LEADING_JUNK = {"the", "a", "an", "'s", "’s", "interim", "acting", "former", "then"}  # ranks belong to posts
HEADLINE_LOWER = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
                  "as", "from", "into", "vs", "via", "per", "s", "t"}  # what title case leaves in lower case
# Legal forms a company's name ends in: "the company" is "Kestrel Timber Corp.", not the union named last.
CORPORATE_ENDINGS = {"corp", "inc", "ltd", "plc", "llc", "co", "limited", "corporation", "incorporated", "holdings", "ag", "sa"}
COMPANY_ENDINGS = ORG_WORDS | CORPORATE_ENDINGS | {"health", "capital", "partners", "systems", "motors", "software", "energy", "labs",
                               "airlines", "holdings", "financial", "insurance", "pharmaceuticals", "industries",
                               "technologies", "securities", "entertainment", "foods", "brands", "logistics",
                               "minerals", "mining", "resources", "pharma", "telecom", "airways", "railways"}
NOT_ONLY_COMPANIES = {"post", "times", "news", "state", "co", "house", "tech"}  # also surnames (Zaldy Co) or titles


def normalise(name: str) -> str:
    """A key for a name: lower case, no punctuation or honorifics, single spaces."""
    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", name.lower())
    return " ".join(w for w in words if w.rstrip(".") not in lexicon.honorifics())


def name_words(text: str) -> list[str]:
    return [w for w in re.split(r"\s+", text.strip()) if w]


def age_description(head: Token) -> bool:
    """*the 25-year-old*, *the 42-year-old father*: an age heads the phrase, or qualifies its noun."""
    if head.lower_ == "old" or head.lower_.endswith("-year-old"):
        return head.lower_ != "old" or any(t.lower_ in ("year", "years") for t in head.subtree)
    return False
