"""Score query answers against hand-written expectations, with the team's matching rules.

These functions mirror the team's scorer (``../shared/eval/score.py``: content token F1
≥ 0.5 matched one-to-one best first; speakers by name, bare surname, shared first name or
initial, or acronym, never a pronoun; roles by contained words, a rank word on one side
only breaking the match). They are copied rather than imported because a user's clone has
no ``../shared``; keep them in step with that file.
"""
from __future__ import annotations

import re
from collections import Counter

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "the", "prof", "president"}
PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them", "his", "hers", "you", ""}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
CONTENT_MATCH = 0.5
TITLE_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant",
                       "gen": "general", "sec": "secretary", "pres": "president", "atty": "attorney",
                       "amb": "ambassador", "supt": "superintendent", "ceo": "chief executive officer"}
RANK_MODIFIERS = {"vice", "deputy", "assistant", "under", "former", "ex", "acting", "associate", "co",
                  "undersecretary", "elect", "designate", "interim", "emeritus"}
ORG_ALIASES = [{"uk", "united kingdom", "britain", "great britain", "british government"},
               {"us", "usa", "united states", "united states of america", "america"},
               {"russia", "russian federation", "kremlin", "moscow"},
               {"ukraine", "kyiv"}]


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower().replace("’", "'"))


def token_f1(gold: str, predicted: str) -> float:
    """Bag-of-words F1 of two contents.

    Examples:
        >>> token_f1("the talks would resume", "the talks would resume next week")
        0.8
    """
    g, p = Counter(tokens(gold)), Counter(tokens(predicted))
    common = sum((g & p).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def name_key(name: str) -> list[str]:
    words = [t for t in tokens(name) if t not in HONORIFICS]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def acronym(words: list[str], raw: str) -> bool:
    capitals = [w[0].lower() for w in re.findall(r"[A-Z][\w'’-]*", raw)]
    return len(words) == 1 and len(capitals) > 1 and words[0] == "".join(capitals)


def same_agent(gold: str, predicted: str) -> bool:
    """The same speaker or person, as the team's scorer decides it.

    Examples:
        >>> same_agent("Joe Biden", "Joseph R. Biden Jr."), same_agent("Bill Clinton", "Hillary Clinton")
        (True, False)
        >>> same_agent("Democratic National Committee", "DNC"), same_agent("Mark Rutte", "he")
        (True, False)
    """
    g, p = name_key(gold), name_key(predicted)
    if not p or not g or " ".join(p) in PRONOUNS:
        return False
    if g == p or acronym(p, gold) or acronym(g, predicted):
        return True
    if g[-1] != p[-1]:
        return False
    return len(g) == 1 or len(p) == 1 or g[0] in p or p[0] in g or g[0][0] == p[0][0]


def role_words(role: str) -> str:
    return " ".join(TITLE_ABBREVIATIONS.get(t, t) for t in tokens(role))


def same_role(gold: str, predicted: str) -> bool:
    """One title's words contain the other's; a rank word on one side only breaks the match.

    Examples:
        >>> same_role("Foreign Secretary", "UK Foreign Secretary"), same_role("President", "Vice President")
        (True, False)
    """
    g, p = role_words(gold), role_words(predicted)
    if (set(g.split()) ^ set(p.split())) & RANK_MODIFIERS:
        return False
    return bool(p) and (g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} ")


def same_org(gold: str, predicted: str) -> bool:
    g, p = " ".join(name_key(gold)), " ".join(name_key(predicted))
    if not p:
        return False
    if g == p or g in p.split() or p in g.split() or acronym(name_key(predicted), gold) \
            or acronym(name_key(gold), predicted):
        return True
    return any(g in aliases and p in aliases for aliases in ORG_ALIASES)


def greedy_match(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """(score, gold index, predicted index) -> {gold index: predicted index}, best first, one-to-one."""
    used_gold, used_pred, match = set(), set(), {}
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            match[gi] = pi
    return match


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "pred": n_pred, "gold": n_gold}


def score_quotes(golds: list[dict], predicted: dict[str, list[dict]], misses: list[str]) -> dict:
    """Detection (content matches) and attribution (content and speaker match); optional gold counts neither way."""
    tp_det = tp_attr = n_pred = n_gold = 0
    for doc in golds:
        gold = doc.get("quotes", [])
        preds = predicted.get(doc["doc_id"], [])
        pairs = [(token_f1(g["content"], p["content"]), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)]
        match = greedy_match([x for x in pairs if x[0] >= CONTENT_MATCH])
        n_pred += len(preds) - sum(1 for gi in match if gold[gi].get("optional"))
        n_gold += sum(1 for g in gold if not g.get("optional"))
        for gi, g in enumerate(gold):
            if g.get("optional"):
                continue
            if gi not in match:
                misses.append(f"quote missed  [{doc['doc_id']}] {g['speaker']}: {g['content'][:60]}")
                continue
            tp_det += 1
            speaker = preds[match[gi]]["speaker"]
            if same_agent(g["speaker"], speaker):
                tp_attr += 1
            else:
                misses.append(f"wrong speaker [{doc['doc_id']}] {speaker!r} should be {g['speaker']!r}")
        for pi, p in enumerate(preds):
            if pi not in match.values():
                misses.append(f"quote extra   [{doc['doc_id']}] {p['speaker']}: {p['content'][:60]}")
    return {"detection": prf(tp_det, n_pred, n_gold), "attribution": prf(tp_attr, n_pred, n_gold)}


def score_roles(golds: list[dict], predicted: dict[str, list[dict]], misses: list[str]) -> dict:
    """Person and title must match; the organisation is scored as accuracy on matched roles."""
    tp = n_pred = n_gold = org_ok = org_n = 0
    for doc in golds:
        gold = doc.get("roles", [])
        seen, preds = set(), []
        for p in predicted.get(doc["doc_id"], []):
            key = (" ".join(name_key(p["person"])), role_words(p["role"]))
            if key not in seen:
                seen.add(key)
                preds.append(p)
        pairs = [(1.0, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(preds)
                 if same_agent(g["person"], p["person"]) and same_role(g["role"], p["role"])]
        match = greedy_match(pairs)
        n_pred += len(preds) - sum(1 for gi in match if gold[gi].get("optional"))
        n_gold += sum(1 for g in gold if not g.get("optional"))
        for gi, g in enumerate(gold):
            if g.get("optional"):
                continue
            if gi not in match:
                misses.append(f"role missed   [{doc['doc_id']}] {g['person']} holds {g['role']}")
                continue
            tp += 1
            if g.get("org") and not g.get("org_optional"):
                org_n += 1
                orgs = [p.get("org", "") for p in predicted.get(doc["doc_id"], [])
                        if same_agent(g["person"], p["person"]) and same_role(g["role"], p["role"])]
                org_ok += any(same_org(g["org"], o) for o in orgs)
        for pi, p in enumerate(preds):
            if pi not in match.values():
                misses.append(f"role extra    [{doc['doc_id']}] {p['person']} holds {p['role']}")
    return {**prf(tp, n_pred, n_gold), "org_accuracy": round(org_ok / org_n, 3) if org_n else None}


def doc_key(value: str) -> str:
    """A document IRI, path or file name -> the input file's stem."""
    last = re.split(r"[/#\\]", (value or "").rstrip("/"))[-1]
    return re.sub(r"\.[A-Za-z0-9]+$", "", last)
