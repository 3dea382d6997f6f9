"""Quotation spans on raw text: marks paired on characters, across sentences and paragraphs.

No spaCy here: :func:`find_quotations` works on the text alone, so these tests are instant.
A strict xfail is a known miss (see test_quotes.py).
"""
from __future__ import annotations

import pytest

from kg.extract.quotations import find_quotations, quoted_ranges


def texts(source: str) -> list[str]:
    quotations, _ = find_quotations(source)
    return [q.text(source).rstrip(",.") for q in quotations]


@pytest.mark.parametrize("source", [
    "“We will win,” she said.",
    '"We will win," she said.',
    "‘We will win,’ she said.",
    "«We will win», she said.",
    "„We will win“, she said.",
    "''We will win,'' she said.",
])
def test_each_quote_style_pairs(source):
    assert texts(source) == ["We will win"]


def test_guillemets_with_inner_spaces():
    assert texts("« Nous gagnerons », a-t-elle dit.") == ["Nous gagnerons"]


def test_offsets_exclude_the_marks():
    source = "She said: “Not now.” Then she left."
    quotations, warnings = find_quotations(source)
    assert not warnings
    (q,) = quotations
    assert source[q.start - 1] == "“" and source[q.end] == "”"
    assert quoted_ranges(source) == [(q.start, q.end)]


@pytest.mark.parametrize("source", ["The farmers' union said it's over.",
                                    "He is 6' tall and the board is 2' wide.",
                                    "Rock ’n’ roll is not dead, the critics’ poll says."])
def test_apostrophes_and_inch_marks_are_not_quotations(source):
    quotations, warnings = find_quotations(source)
    assert quotations == [] and warnings == []


def test_apostrophe_inside_a_quotation_does_not_close_it():
    assert texts("“It's not over, and we can’t stop now,” he said.") == ["It's not over, and we can’t stop now"]


def test_nested_quotation_stays_inside_the_outer_one():
    assert texts("“The plan, ‘Operation Dawn’, failed,” he said.") == ["The plan, ‘Operation Dawn’, failed"]


def test_two_quotations_around_a_cue():
    assert texts("“We will win,” she said, “and soon.”") == ["We will win", "and soon"]


def test_quotation_continued_in_the_next_paragraph_is_one_span():
    source = "“We will win. It will take time.\n“Nobody should doubt it.”\nThen she left."
    quotations, warnings = find_quotations(source)
    assert warnings == []
    (q,) = quotations
    assert q.closed and len(q.segments) == 2
    assert q.text(source) == "We will win. It will take time. Nobody should doubt it."


def test_three_paragraph_quotation():
    source = "He said: “First.\n\n“Second.\n\n“Third.”\n\nAfter."
    (q,) = find_quotations(source)[0]
    assert q.text(source) == "First. Second. Third."


def test_open_quotation_closes_at_paragraph_end_with_a_warning():
    source = "“We will win.\nThen she left. “Again,” she said."
    quotations, warnings = find_quotations(source)
    assert [q.text(source).rstrip(",.") for q in quotations] == ["We will win", "Again"]
    assert quotations[0].closed is False and quotations[1].closed is True
    assert len(warnings) == 1 and "unbalanced" in warnings[0]


def test_open_quotation_at_end_of_text_warns():
    source = "She said: “We will win"
    quotations, warnings = find_quotations(source)
    assert [q.text(source) for q in quotations] == ["We will win"] and not quotations[0].closed
    assert len(warnings) == 1


def test_stray_closing_mark_is_ignored():
    source = "We will win” she said. “Next,” he said."
    assert texts(source) == ["Next"]


def test_straight_single_marks_pair_but_apostrophes_do_not_open():
    text = "'We will win,' she said. The Smiths' house and Ukraine's army stood.\n\nIt was the '90s then."
    quotations, warnings = find_quotations(text)
    assert [q.text(text) for q in quotations] == ["We will win,"] and not warnings


def test_a_nested_single_quotation_closing_with_a_typewriter_double_one():
    """''Some say, 'Go home,''' said X: the three marks close the inner quotation, then the outer one."""
    text = "''Some say, 'Go home,''' said Ana Ruiz, who was born in Porto. ''This is my city.''"
    quotations, warnings = find_quotations(text)
    assert [q.text(text) for q in quotations] == ["Some say, 'Go home,'", "This is my city."]
    assert not warnings


def test_a_closing_mark_parted_from_its_comma_by_a_space_still_closes():
    from kg.extract.quotations import find_quotations

    text = "''We built strong coalitions, '' said Ana Ruiz. ''It worked.''"
    quotations, warnings = find_quotations(text)
    assert [q.text(text) for q in quotations] == ["We built strong coalitions,", "It worked."]
    assert warnings == []
