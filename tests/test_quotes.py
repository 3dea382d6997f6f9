"""Who said what, one construction per test, on sentences written for these tests.

Each test names the construction of news English it covers (issues 2 and 3). A test
marked ``xfail(strict=True)`` is a construction the extractors still get wrong: it
fails loudly once fixed, so the mark is removed with the fix.
"""
from __future__ import annotations

import re

import pytest

PRONOUNS = {"he", "she", "they", "it", "i", "we", "him", "her", "them", "you"}


def words(text: str) -> list[str]:
    """Content compared word by word: quotation marks, commas and the final stop do not matter."""
    return re.findall(r"[\w’'-]+", text.lower().replace("’", "'"))


def only(said: list) -> object:
    assert len(said) == 1, f"expected one statement, got {said}"
    return said[0]


# --- direct quotes in every common quote style ------------------------------------

QUOTE_STYLES = [
    pytest.param("“", "”", id="curly-double"),
    pytest.param('"', '"', id="straight-double"),
    pytest.param("‘", "’", id="curly-single"),
    pytest.param("«", "»", id="guillemets"),
    pytest.param("« ", " »", id="guillemets-spaced"),
    pytest.param("''", "''", id="typewriter"),
]


@pytest.mark.parametrize("opening, closing", QUOTE_STYLES)
def test_direct_quote_in_each_style_speaker_before(run, opening, closing):
    text = f"Maria Lopez said: {opening}The bridge will reopen in May.{closing}"
    said = only(run(text).said)
    assert said.speaker == "Maria Lopez"
    assert said.cue == "said"
    assert words(said.content) == words("The bridge will reopen in May")
    assert said.kind == "direct"


@pytest.mark.parametrize("opening, closing", [
    ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"),
])
def test_direct_quote_in_each_style_speaker_after(run, opening, closing):
    said = only(run(f"{opening}Our shelters are full,{closing} said Lena Fischer.").said)
    assert (said.speaker, said.cue, said.kind) == ("Lena Fischer", "said", "direct")
    assert words(said.content) == words("Our shelters are full")


# --- where the speaker stands ------------------------------------------------------

def test_speaker_after_quote_as_pronoun(run):
    said = only(run("Tom Harris met the mayor on Tuesday. “We have no money left,” he said.").said)
    assert (said.speaker, said.cue, said.kind) == ("Tom Harris", "said", "direct")
    assert words(said.content) == words("We have no money left")


def test_speaker_after_quote_inverted_with_honorific(run):
    result = run("“We have no money left,” said Mr. Kaine.")
    said = only(result.said)
    assert said.speaker == "Kaine" and said.speaker_kind == "PERSON"
    assert said.cue == "said"
    assert "Mr. Kaine" in result.entities("PERSON")["Kaine"].aliases


def test_speaker_after_quote_inverted_with_apposition(run):
    result = run("“The polls are tightening,” said Jennifer Palmieri, the campaign's communications director.")
    said = only(result.said)
    assert (said.speaker, said.cue, said.kind) == ("Jennifer Palmieri", "said", "direct")
    assert words(said.content) == words("The polls are tightening")
    assert [h.title.lower() for h in result.posts_of("Jennifer Palmieri")] == ["communications director"]


def test_speaker_after_quote_with_other_verb(run):
    said = only(run("Nadia Haddad runs the clinic. “We are out of insulin,” she emphasized.").said)
    assert (said.speaker, said.cue, said.kind) == ("Nadia Haddad", "emphasized", "direct")


def test_speaker_in_the_middle_comma_is_one_statement(run):
    said = only(run("Peter Novak runs the port. “The ships are late,” he said, “and the cranes are broken.”").said)
    assert said.speaker == "Peter Novak" and said.kind == "direct"
    assert words(said.content) == words("The ships are late and the cranes are broken")


def test_speaker_in_the_middle_full_stop_is_one_statement(run):
    said = only(run("Peter Novak runs the port. “The ships are late,” he said. “The cranes are broken.”").said)
    assert said.speaker == "Peter Novak"
    assert words(said.content) == words("The ships are late The cranes are broken")


def test_quote_only_paragraph_after_a_speakers_quote_is_the_speakers(run):
    result = run("Anna Berg spoke to the council on Friday. “We need more buses,” she said.\n"
                 "“The old ones break down every week.”\n")
    assert {s.speaker for s in result.said} == {"Anna Berg"}
    contents = " ".join(s.content for s in result.said)
    assert "We need more buses" in contents and "The old ones break down every week" in contents


def test_quotation_continued_over_paragraphs_is_one_statement(run):
    result = run("Anna Berg spoke to the council on Friday. “We need more buses and more drivers,” she said. "
                 "“The old ones break down every week.\n"
                 "“Nobody wants to wait an hour in the rain.”\n")
    said = only(result.said)
    assert said.speaker == "Anna Berg"
    assert "break down every week" in said.content and "wait an hour in the rain" in said.content
    assert not result.raw.warnings


def test_unbalanced_quotation_extracts_what_it_can_and_warns(run):
    result = run("Ivan Petrov said: “The talks are over. We will not return.\n"
                 "Officials said the talks would resume next week.\n")
    petrov = only(result.by("Ivan Petrov"))
    assert words(petrov.content) == words("The talks are over. We will not return")
    officials = only(result.by("Officials"))
    assert officials.speaker_kind == "SOURCE"
    assert words(officials.content) == words("the talks would resume next week")
    assert any("unbalanced" in w for w in result.raw.warnings)


def test_scare_quotes_and_titles_of_works_are_not_statements(run):
    result = run("The so-called “peace plan” was never published, and her novel “The Long Winter” "
                 "sold a million copies.")
    assert result.said == []


# --- indirect speech ---------------------------------------------------------------

@pytest.mark.parametrize("verb", ["stated", "warned", "insisted", "emphasised", "predicted", "promised",
                                  "confirmed", "argued", "wrote", "tweeted", "claimed", "acknowledged"])
def test_indirect_speech_with_reporting_verb(run, verb):
    said = only(run(f"Lena Fischer {verb} that the trains would run on time.").said)
    assert (said.speaker, said.cue, said.kind) == ("Lena Fischer", verb, "indirect")
    assert words(said.content) == words("the trains would run on time")


def test_indirect_speech_told_reporters(run):
    said = only(run("Senator Paul Grant told reporters that the vote would be close.").said)
    assert (said.speaker, said.cue) == ("Paul Grant", "told")
    assert words(said.content) == words("the vote would be close")


def test_indirect_speech_denied(run):
    said = only(run("Representative Carla Diaz denied that she had met the lobbyist.").said)
    assert (said.speaker, said.cue) == ("Carla Diaz", "denied")
    assert words(said.content) == words("she had met the lobbyist")


def test_indirect_speech_with_time_between_cue_and_clause(run):
    said = only(run("Mayor Frank Olsen said on Monday that the snow would be cleared by noon.").said)
    assert (said.speaker, said.cue) == ("Frank Olsen", "said")
    assert words(said.content) == words("the snow would be cleared by noon")


@pytest.mark.parametrize("sentence, cue, content", [
    ("Senator Ruth Baker called on the governor to veto the bill.", "called", "the governor to veto the bill"),
    ("Senator Ruth Baker urged the council to delay the vote.", "urged", "the council to delay the vote"),
    ("Senator Ruth Baker pressed the minister to resign.", "pressed", "the minister to resign"),
])
def test_a_request_names_whom_it_asks_and_what(run, sentence, cue, content):
    said = only(run(sentence).said)
    assert (said.speaker, said.cue) == ("Ruth Baker", cue)
    assert words(said.content) == words(content)


@pytest.mark.parametrize("sentence, cue, content", [
    ("Ruth Baker described Tom Reed as a “disgrace” on Monday.", "described", "Tom Reed as a disgrace on Monday"),
    ("Ruth Baker called Burma a success story.", "called", "Burma a success story"),
    ("Ruth Baker characterized the senator as a lifetime politician.", "characterized",
     "the senator as a lifetime politician"),
    ("Ruth Baker denied being a member of the club.", "denied", "being a member of the club"),
])
def test_what_an_object_is_called_or_taken_for(run, sentence, cue, content):
    said = only(run(sentence).said)
    assert (said.speaker, said.cue) == ("Ruth Baker", cue)
    assert words(said.content) == words(content)


def test_calling_a_person_is_no_statement(run):
    assert run("Ruth Baker called Tom Reed on Sunday.").said == []


def test_a_clause_subject_parsed_as_the_object_of_said_stays_in_the_content(run):
    said = only(run("The campaign has said single parents and families - adoptive and foster - would "
                    "qualify for the tax breaks.").said)
    assert words(said.content) == words("single parents and families - adoptive and foster - would qualify for "
                                        "the tax breaks")


def test_a_second_speaker_joined_by_and_is_a_statement_of_its_own(run):
    said = run("Mary Lane spoke first. She said parents who adopt would not be eligible, and when pressed, "
               "her aide replied that the rules were clear.").said
    assert [words(s.content) for s in said] == [words("parents who adopt would not be eligible"),
                                                words("the rules were clear")]


def test_what_was_said_keeps_its_own_coordinated_clauses(run):
    said = only(run("John Lee said the economy is strong and jobs are growing.").said)
    assert words(said.content) == words("the economy is strong and jobs are growing")


@pytest.mark.parametrize("sentence, speaker, content", [
    ("The Security Council issued a statement calling the test “a clear violation” of its resolutions.",
     "Security Council", "the test a clear violation of its resolutions"),
    ("The coalition published a policy paper calling for permanent bases in the east.", "coalition",
     "permanent bases in the east"),
    ("Ruth Baker spoke on Monday. Her letter urging the council to act went unanswered.", "Ruth Baker",
     "the council to act"),
])
def test_a_statement_or_paper_that_calls_for_something_is_its_makers(run, sentence, speaker, content):
    said = only(run(sentence).said)
    assert said.speaker == speaker
    assert words(said.content) == words(content)


def test_noting_something_reports_it(run):
    said = only(run("Ruth Baker noted the new rule in an interview.").said)
    assert (said.speaker, said.cue) == ("Ruth Baker", "noted")
    assert words(said.content)[:3] == words("the new rule")


@pytest.mark.parametrize("sentence, cue, content", [
    ("Ruth Baker stressed her support of the raid.", "stressed", "her support of the raid"),
    ("Ruth Baker bragged about her record in the debates.", "bragged", "her record in the debates"),
    ("Ruth Baker railed against the influence of lobbyists.", "railed", "the influence of lobbyists"),
])
def test_stance_verbs_report_their_object(run, sentence, cue, content):
    said = only(run(sentence).said)
    assert (said.speaker, said.cue) == ("Ruth Baker", cue)
    assert words(said.content) == words(content)


def test_told_with_a_long_addressee_before_that(run):
    said = only(run("Ruth Baker told an invited crowd at the Union League club in Philadelphia that the plan "
                    "would work.").said)
    assert (said.speaker, said.cue) == ("Ruth Baker", "told")
    assert words(said.content) == words("the plan would work")


def test_scare_quotes_before_a_cue_with_its_own_content_are_not_what_it_reports(run):
    # What she bemoaned may be a statement of its own (the statement sieve keeps it); it is not what she accused.
    said = [s for s in run("Bemoaning the “phony system,” Ruth Baker accused the moderator of bias.").said
            if s.cue == "accused"]
    assert len(said) == 1 and "phony" not in words(said[0].content)


def test_headline_ending_in_a_quotation_quotes_the_person_it_names(run):
    said = only(run("Elizabeth Warren Grills Bank Chief: ‘You Should Be Investigated.’\n\nSenator Elizabeth Warren "
                    "spoke on Tuesday.").said)
    assert (said.speaker, said.kind) == ("Elizabeth Warren", "direct")
    assert words(said.content) == words("You Should Be Investigated")


def test_headline_quotation_naming_two_people_is_nobodys(run):
    assert run("Ann Harris Meets Tom Reed: ‘A Long Night Ahead.’\n\nThey met.").said == []


def test_a_gerund_cue_after_and_for_speaks_for_the_subject_of_its_clause(run):
    said = only(run("Ruth Baker was criticised for her role in the scheme and for saying that the pills were "
                    "a “magic cure.”").said)
    assert (said.speaker, said.cue) == ("Ruth Baker", "saying")
    assert words(said.content) == words("the pills were a magic cure")


def test_an_offer_of_something_is_no_request(run):
    said = run("Tom Reed offered the senator a platform to speak.").said
    assert not any("senator" in words(s.content) for s in said)


def test_a_place_name_the_tagger_took_for_a_verb_does_not_hide_the_speaker(run):
    said = only(run("“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.").said)
    assert (said.speaker, said.cue) == ("Chuck Jordan", "said")


def test_a_dateline_is_not_the_speaker(run):
    said = only(run("WASHINGTON -- President Ann Harris, opening the museum on Saturday, said it would tell an "
                    "American story.").said)
    assert said.speaker == "Ann Harris"


def test_who_after_a_list_of_names_is_the_last_one(run):
    said = only(run("Guests included Oprah Winfrey, Will Smith and Stevie Wonder, who joked of the museum, "
                    "“I haven't seen it yet, but I'm going to.”").said)
    assert said.speaker == "Stevie Wonder"


def test_a_lead_description_is_the_speaker_named_next_not_another_holder_of_the_title(run):
    said = run("Former party chairman calls for a contingency plan.\n\n"
               "A former party chairman says the leaders should act now.\n\n"
               "“Now is the time to act,” said Don Fowler, who led the party in the 1990s.\n\n"
               "Ed Rendell, who served as chairman of the party in 2000, disagreed.").said
    assert [s.speaker for s in said][:3] == ["Don Fowler"] * 3


def test_a_relative_clause_after_the_object_is_not_a_that_clause(run):
    said = only(run("Ruth Baker has attacked loopholes that benefit the rich.").said)
    assert words(said.content) == words("loopholes that benefit the rich")


def test_blaming_someone_for_something_is_a_statement_about_them(run):
    said = only(run("Ruth Baker attacked Tom Reed for his support of the war.").said)
    assert (said.speaker, said.cue) == ("Ruth Baker", "attacked")
    assert words(said.content) == words("Tom Reed for his support of the war")


def test_a_cue_between_commas_that_the_parse_made_the_root_reports_both_sides(run):
    said = only(run("Ruth Baker spoke. Though that transition was relatively seamless, she said, replacing the "
                    "nominee would be much harder.").said)
    assert (said.speaker, said.cue) == ("Ruth Baker", "said")
    assert words(said.content) == words("Though that transition was relatively seamless replacing the nominee "
                                        "would be much harder")


def test_a_passive_cue_with_an_agent_quotes_the_agent(run):
    said = only(run("Tom Reed has been called a charlatan by fellow physicians.").said)
    assert (said.speaker, said.cue) == ("fellow physicians", "called")
    assert words(said.content) == words("Tom Reed a charlatan")


def test_a_passive_cue_without_an_agent_quotes_nobody(run):
    assert run("Tom Reed has been called a charlatan.").said == []


def test_a_subordinate_clause_after_the_object_is_another_event(run):
    said = only(run("The Security Council condemned the latest missile launch as Pyongyang fired three missiles "
                    "into the sea.").said)
    assert words(said.content) == words("the latest missile launch")


def test_the_reason_given_with_a_claim_is_part_of_it(run):
    said = only(run("Ruth Baker said the claim smacked of hypocrisy, because her rivals had asked the same "
                    "questions.").said)
    assert words(said.content) == words("the claim smacked of hypocrisy because her rivals had asked the same "
                                        "questions")


def test_reported_speech_that_runs_on_into_the_next_sentence(run):
    said = only(run("Ann Lee opened the museum. The museum, Ms. Lee said, would make visitors face hard truths. "
                    "But it would also capture the greatness of the country.").said)
    assert words(said.content) == words("The museum would make visitors face hard truths But it would also "
                                        "capture the greatness of the country")


def test_a_next_sentence_of_narrative_is_not_reported_speech(run):
    said = only(run("Ann Lee said the plan would work. But the rain fell all day on the town.").said)
    assert words(said.content) == words("the plan would work")


@pytest.mark.parametrize("sentence, speaker, content", [
    ("As reported by The New York Times, the deal collapsed on Friday.", "New York Times",
     "the deal collapsed on Friday"),
    ("As stated in the council's report, the bridge is unsafe for heavy trucks.", "council",
     "the bridge is unsafe for heavy trucks"),
])
def test_as_reported_by_a_source(run, sentence, speaker, content):
    said = only(run(sentence).said)
    assert said.speaker == speaker
    assert words(said.content) == words(content)


def test_as_expected_reports_nothing(run):
    assert run("As expected, the vote failed on Tuesday.").said == []


def test_calling_without_an_addressee_is_no_request(run):
    said = run("Ruth Baker called to say she would be late, and pressed the button.").said
    assert [(s.cue, words(s.content)) for s in said] == [("say", words("she would be late"))]


def test_a_quotation_after_a_reported_statement_goes_on_with_it(run):
    said = only(run("The budget may slip into next year, Ruth Baker said. “We have not seen the figures. "
                    "Nobody has.”").said)
    assert (said.speaker, said.cue, said.kind) == ("Ruth Baker", "said", "mixed")
    assert words(said.content) == words("The budget may slip into next year We have not seen the figures Nobody has")


def test_scare_quotes_after_a_reported_statement_stay_out_of_it(run):
    said = only(run("The budget may slip, Ruth Baker said. Her “rainy day fund” is empty on paper.").said)
    assert words(said.content) == words("The budget may slip")


def test_indirect_speech_with_medium(run):
    result = run("Lena Fischer said in an interview with Die Zeit that the trains were late.")
    said = only(result.said)
    assert said.speaker == "Lena Fischer"
    assert words(said.content) == words("the trains were late")
    quote = result.raw.quotes[0]
    assert quote.medium and result.raw.entities[quote.medium].name == "Die Zeit"


def test_according_to(run):
    result = run("The economy is growing, according to Finance Minister Lars Berg.")
    said = only(result.said)
    assert said.speaker == "Lars Berg"
    assert said.cue == "according to"  # the phrase that attributes it, as the graph's cue
    assert words(said.content) == words("The economy is growing")
    assert "Finance" not in result.entities("ORG")


def test_in_a_statement_x_said(run):
    said = only(run("In a statement, Diane Walsh said the company would appeal the ruling.").said)
    assert (said.speaker, said.cue) == ("Diane Walsh", "said")
    assert words(said.content) == words("the company would appeal the ruling")


def test_possessive_statement_said(run):
    said = only(run("Acme Corp's statement said the recall covered two million cars.").said)
    assert said.speaker == "Acme Corp" and said.speaker_kind == "ORG"
    assert words(said.content) == words("the recall covered two million cars")


def test_passive_cue_with_agent(run):
    said = only(run("It was announced by the ministry that fares would rise.").said)
    assert said.speaker.lower() == "ministry" and said.cue == "announced"
    assert words(said.content) == words("fares would rise")


def test_accused_of(run):
    said = only(run("Senator Ruth Ellis accused the agency of hiding the report.").said)
    assert (said.speaker, said.cue) == ("Ruth Ellis", "accused")
    assert "hiding the report" in said.content


def test_called_x_y(run):
    said = only(run("Senator Ruth Ellis called the plan a disaster.").said)
    assert (said.speaker, said.cue) == ("Ruth Ellis", "called")
    assert "the plan" in said.content and "a disaster" in said.content


def test_called_for(run):
    said = only(run("Senator Ruth Ellis called for an inquiry into the crash.").said)
    assert (said.speaker, said.cue) == ("Ruth Ellis", "called")
    assert "an inquiry into the crash" in said.content


def test_parenthetical_cue(run):
    said = only(run("Karen Olsen leads the central bank. The economy, she noted, is strong.").said)
    assert (said.speaker, said.cue) == ("Karen Olsen", "noted")
    assert words(said.content) == words("The economy is strong")


def test_mixed_quote_keeps_quotation_marks(run):
    said = only(run("Senator Ruth Ellis said the plan was “a slow-motion disaster” for farmers.").said)
    assert said.speaker == "Ruth Ellis" and said.kind == "mixed"
    assert "“a slow-motion disaster”" in said.content
    assert said.content.startswith("the plan was")


@pytest.mark.parametrize("text", ["George Baker did not say that the factory would close.",
                                  "George Baker never said that the factory would close."])
def test_negated_cue_is_not_a_statement(run, text):
    assert run(text).said == []


# --- knowing who -------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Michael Grant met Susan Clarke in Paris on Monday. She said the deal was dead.", "Susan Clarke"),
    ("Susan Clarke met Michael Grant in Paris on Monday. He said the deal was dead.", "Michael Grant"),
    ("Oleksandr Kovalenko met Priyanka Sharma. She said the deal was dead.", "Priyanka Sharma"),
    ("Priyanka Sharma met Oleksandr Kovalenko. He said the deal was dead.", "Oleksandr Kovalenko"),
    ("Mr. Osei met Mrs. Patel in Accra. She said the deal was dead.", "Patel"),
])
def test_pronoun_resolved_with_gender_agreement(run, text, expected):
    said = only(run(text).said)
    assert said.speaker == expected
    assert words(said.content) == words("the deal was dead")


def test_pronoun_resolved_with_a_first_name_the_model_misses(run):
    said = only(run("Chiamaka Obi met Kwabena Mensah in Lagos. She said the deal was dead.").said)
    assert said.speaker == "Chiamaka Obi"


def test_two_speakers_alternating_pronouns(run):
    result = run("Michael Grant met Susan Clarke in Paris on Monday. She said the deal was dead. "
                 "He said the talks would go on.")
    assert [(s.speaker, words(s.content)[1]) for s in result.said] == [("Susan Clarke", "deal"),
                                                                       ("Michael Grant", "talks")]


def test_first_person_inside_a_quote_is_the_speaker(run):
    result = run("Carlos Mendes addressed the union. “I will not resign, and we will win this fight,” he said.")
    said = only(result.said)
    assert said.speaker == "Carlos Mendes"
    assert set(result.entities("PERSON")) == {"Carlos Mendes"}


def test_pronoun_without_antecedent_is_never_a_speaker(run):
    result = run("“The game is over,” he said. They said the season was finished.")
    assert all(s.speaker.lower() not in PRONOUNS for s in result.said)
    assert all(name.lower() not in PRONOUNS for name in result.entities())


def test_description_resolved_to_the_person_named_with_it(run):
    said = only(run("The company hired Emma Rossi as its spokeswoman last year. "
                    "The spokeswoman said the plant would stay open.").said)
    assert said.speaker == "Emma Rossi"


def test_description_resolved_to_the_titled_person(run):
    said = only(run("Senator Ben Okafor visited the plant. The senator said the jobs were safe.").said)
    assert said.speaker == "Ben Okafor"


def test_description_named_later_in_the_text(run):
    said = only(run("“We are ready,” the minister said. Lena Fischer, the transport minister, spoke in Berlin.").said)
    assert said.speaker == "Lena Fischer"


@pytest.mark.parametrize("text, description", [
    ("Officials said the border would stay closed.", "officials"),
    ("A senior official said the border would stay closed.", "senior official"),
    ("“The border will stay closed,” a government spokesman said.", "government spokesman"),
])
def test_unnamed_source_becomes_a_source_node(run, text, description):
    said = only(run(text).said)
    assert said.speaker_kind == "SOURCE"
    assert description in said.speaker.lower()


@pytest.mark.parametrize("text, org", [
    ("The Kremlin said the talks had failed.", "Kremlin"),
    ("The White House said the president would sign the bill.", "White House"),
    ("The Pentagon said the drills would continue.", "Pentagon"),
    ("Downing Street announced that the summit would go ahead.", "Downing Street"),
])
def test_organisation_as_speaker(run, text, org):
    said = only(run(text).said)
    assert said.speaker == org
    assert said.speaker_kind == "ORG"


def test_headline_says(run):
    result = run("Mayor Says City Will Rebuild Bridge\n"
                 "Mayor Helen Ortiz said on Tuesday that the bridge would be rebuilt.\n")
    assert {s.speaker for s in result.said} == {"Helen Ortiz"}
    assert any("bridge would be rebuilt" in s.content for s in result.said)


def test_headline_words_are_not_a_person(run):
    result = run("Mayor Says City Will Rebuild Bridge\n"
                 "Mayor Helen Ortiz said on Tuesday that the bridge would be rebuilt.\n")
    assert set(result.entities("PERSON")) == {"Helen Ortiz"}


def test_transcript_speaker_labels(run):
    result = run("SMITH: We will not raise taxes.\nJONES: That is not what you said last year.\n")
    assert [(s.speaker, words(s.content)[:2]) for s in result.said] == [("Smith", ["we", "will"]),
                                                                       ("Jones", ["that", "is"])]


def test_question_put_to_the_subject_is_not_their_statement(run):
    result = run("Asked whether she would resign, Anna Berg said: “Never.”")
    assert [(s.speaker, s.cue, s.kind) for s in result.said] == [("Anna Berg", "said", "direct")]


def test_indefinite_spokeswoman_is_an_unnamed_source_not_the_last_person(run):
    result = run("Anna Berg arrived in Oslo on Monday. “We followed every rule,” a spokeswoman for the firm said.")
    (said,) = result.said
    assert said.speaker_kind == "SOURCE" and "spokeswoman" in said.speaker


def test_definite_title_is_the_person_who_holds_it(run):
    result = run("Foreign Minister Anna Berg arrived in Oslo. “We will not back down,” the minister told reporters.")
    assert [(s.speaker, s.cue) for s in result.said] == [("Anna Berg", "told")]


def test_claim_noun_with_its_owner(run):
    result = run("The video contradicts the city police’s earlier claim that the driver had refused to stop.")
    (said,) = result.said
    assert said.cue == "claim" and said.content == "the driver had refused to stop"


def test_cue_ending_a_paragraph_with_a_colon_takes_the_next_paragraph(run):
    result = run("Mayor Tom Reyes spoke on Friday. He added:\n\nThe bridge will reopen in May. Nobody was hurt.\n\nTraffic resumed.")
    assert [(s.speaker, s.content) for s in result.said] == [("Tom Reyes", "The bridge will reopen in May. Nobody was hurt")]


def test_straight_opening_and_curly_closing_marks_pair(run):
    result = run('"The pulpit is huge,” said Dana Wells, a professor of surgery.')
    assert [(s.speaker, s.content, s.kind) for s in result.said] == [("Dana Wells", "The pulpit is huge", "direct")]


def test_headline_with_a_group_speaker(run):
    result = run("Bridge repairs will take a year, engineers say\n\nThe city closed the bridge on Monday.")
    assert [(s.speaker_kind, s.content) for s in result.said] == [("SOURCE", "Bridge repairs will take a year")]


def test_inverted_speaker_wins_over_a_name_before_the_quotation(run):
    result = run("Lee and Park ‘must reach a deal’, insists Maria Lopez\n\nThe talks resume on Monday.")
    assert [(s.speaker, s.cue) for s in result.said] == [("Maria Lopez", "insists")]


def test_parenthetical_cue_takes_the_whole_clause_it_interrupts(run):
    result = run("Luis Rubio spoke on Monday. The economic weapons his country has, he added, are like "
                 "“bombs that you can't use.”")
    (said,) = result.by("Luis Rubio")
    assert said.cue == "added"
    assert said.content.startswith("The economic weapons his country has are like") and "can't use" in said.content


def test_gerund_cue_after_a_preposition_speaks_with_the_verbs_subject(run):
    result = run("John Smith courted voters by telling them that their lives would improve.")
    assert [(s.speaker, s.cue, s.content) for s in result.said] == [
        ("John Smith", "telling", "their lives would improve")]


def test_a_day_after_the_cue_is_not_the_speaker(run):
    result = run("“The veto will be overridden,” Senate leader Mitch McConnell, R-Ky., said Tuesday.")
    assert [s.speaker for s in result.said] == ["Mitch McConnell"]


def test_a_pronoun_overrules_a_gender_guessed_from_a_first_name(run):
    result = run("“We are tired of waiting,” said widow Terry Strada. “Denying us justice is wrong,” she said.")
    assert {s.speaker for s in result.said} == {"Terry Strada"}


def test_a_spokesman_then_someone_with_another_post_are_two_people(run):
    result = run("A spokesman for the Software Workers Guild, which represents the staff, said the union would "
                 "seek talks. The guild's president, Sam Whitaker, accused the company of greed.")
    said = {s.cue: s for s in result.said}
    assert said["said"].speaker_kind == "SOURCE" and "spokesman" in said["said"].speaker
    assert said["accused"].speaker == "Sam Whitaker"


def test_the_name_between_commas_after_a_description_speaks(run):
    result = run("A spokeswoman for Pacific Valley Electric, Dana Whitfield, said the utility was cooperating.")
    assert [(s.speaker, s.content) for s in result.said] == [("Dana Whitfield", "the utility was cooperating")]
    assert [(h.title, h.org) for h in result.posts_of("Dana Whitfield")] == [("Spokeswoman", "Pacific Valley Electric")]


def test_a_person_of_an_organisation_speaks_not_the_organisation(run):
    result = run("Police Chief Sam Cole of the Tulsa Police Department said the officer was on leave.")
    assert [s.speaker for s in result.said] == ["Sam Cole"]


def test_a_post_before_a_name_the_model_missed_is_not_part_of_the_name(run):
    result = run("Fire Chief Ana Ruiz said the blaze was out.")
    assert [s.speaker for s in result.said] == ["Ana Ruiz"]
    assert [h.title for h in result.posts_of("Ana Ruiz")] == ["Chief"]


def test_asking_not_to_be_named_is_no_statement(run):
    result = run("An aide to the governor, who asked not to be named, said talks would resume.")
    assert [(s.cue, s.content) for s in result.said] == [("said", "talks would resume")]


def test_his_attorney_and_the_governor_are_not_the_man_just_quoted(run):
    result = run("A spokesman for the mayor, Tom Berg, said the plan was sound. "
                 "Later the governor said he was pleased. Pagliano stayed home, and his attorney said he would not testify.")
    speakers = [s.speaker for s in result.said]
    assert speakers[0] == "Tom Berg" and "Tom Berg" not in speakers[1:] and "Pagliano" not in speakers
    assert [h.title for h in result.posts_of("Tom Berg")] == ["Spokesman"]


def test_a_reporting_verb_conjoined_to_the_reported_clause_is_the_speakers(run):
    result = run('Annalena Baerbock spoke next. She said the gaps remained "very wide" and warned that time '
                 "was running out.")
    assert [(s.speaker, s.cue, s.content) for s in result.said] == [
        ("Annalena Baerbock", "said", 'the gaps remained "very wide"'),
        ("Annalena Baerbock", "warned", "time was running out")]


def test_the_company_said_paragraphs_later_is_the_company_but_another_kind_of_body_is_not(run):
    filler = " ".join(f"Sales rose in region {n} last quarter." for n in range(12))
    result = run(f"Brightline Software will cut 900 jobs. {filler} Affected staff will get severance pay, "
                 "the company said. The Sierra County Fire Department sent crews. The fire was contained, "
                 "according to the state forestry agency.")
    speakers = {s.content: s.speaker for s in result.said}
    assert speakers["Affected staff will get severance pay"] == "Brightline Software"
    assert speakers["The fire was contained"] != "Sierra County Fire Department"


def test_a_bare_noun_in_a_headline_is_no_speaker(run):
    result = run("Ministers meet in Geneva as ceasefire talks stall\n\nJudge says the trial will go ahead.")
    assert [s.speaker for s in result.said] == ["Judge"]


def test_straight_single_quotation_marks_british_style(run):
    result = run("Dame Meg Hillier said the changes had been rushed.\n\n'I have never seen colleagues this angry,' "
                 "she told the BBC's Today programme. 'They are being asked to vote for the opposite.'")
    direct = [s for s in result.said if s.kind == "direct"]
    assert [(s.speaker, s.cue) for s in direct] == [("Meg Hillier", "told")]
    assert direct[0].content.startswith("I have never seen") and direct[0].content.endswith("the opposite.")


def test_a_participle_the_parse_hung_inside_the_reported_clause_is_the_speakers(run):
    result = run('Keir Starmer spoke on Tuesday. He insisted that the reforms were "fair and necessary", telling MPs '
                 "that the welfare system was failing.")
    assert [(s.speaker, s.cue, s.content) for s in result.said] == [
        ("Keir Starmer", "insisted", 'the reforms were "fair and necessary"'),
        ("Keir Starmer", "telling", "the welfare system was failing")]


def test_someone_newly_made_the_subject_takes_the_focus_from_the_last_speaker(run):
    result = run("Rovers manager Joey Barton praised his side. He said the players had followed the plan. "
                 "City's manager, Pep Guardiola, was gracious in defeat. “We have no excuses,” the Spaniard said. "
                 "“They were better,” he added.")
    assert [(s.speaker, s.cue) for s in result.said] == [
        ("Joey Barton", "said"), ("Pep Guardiola", "said"), ("Pep Guardiola", "added")]


def test_a_one_sentence_paragraph_ending_in_a_group_cue_keeps_its_cue(run):
    result = run("The former mayor was sentenced on Friday to six years in prison for taking bribes, prosecutors said.")
    assert [(s.speaker, s.cue) for s in result.said] == [("prosecutors", "said")]


def test_a_stadium_the_model_typed_an_organisation_does_not_speak_for_the_club(run):
    result = run("Rovers beat Manchester City at the Etihad Stadium. The club said the captain would have a scan.")
    assert [s.speaker for s in result.said] != ["Etihad Stadium"]


def test_an_organisation_description_with_what_it_is_of_is_not_the_last_outlet_named(run):
    result = run("“We are running out of time,” Maria Delgado said in an interview with The Associated Press. "
                 "The state water agency said it was doing everything it could.")
    speakers = {s.content: s.speaker for s in result.said}
    assert speakers["it was doing everything it could"] != "Associated Press"


def test_a_company_the_model_took_for_a_place_speaks_as_the_company(run):
    result = run("Regulators opened an inquiry into the artificial intelligence company Lumen on Thursday. "
                 "Lumen said it would cooperate. “Privacy is built into everything we make,” the company said.")
    assert [(s.speaker, s.speaker_kind) for s in result.said] == [("Lumen", "ORG"), ("Lumen", "ORG")]


def test_a_headline_deck_with_a_bare_post_is_the_person_the_story_quotes(run):
    result = run("Lawmaker urges retaliation on Russia;\nMember of House panel says U.S. has to keep Moscow out "
                 "of elections.\n\nRep. Adam Schiff, the top Democrat on the House Intelligence Committee, said Russia "
                 "must pay a price.")
    assert {s.content: s.speaker for s in result.said}["U.S. has to keep Moscow out of elections"] == "Adam Schiff"


def test_a_title_case_headline_with_a_bare_post_is_the_person_the_story_quotes(run):
    # (a three-word object in a headline is a statement the sieve is unsure of: a longer one here)
    result = run("Lawmaker Urges Tougher Sanctions on Russia Over Hacking\n\nRep. Adam Schiff, the top Democrat on "
                 "the House Intelligence Committee, said Russia must pay a price.")
    assert [(s.speaker, s.content) for s in result.said][0] == ("Adam Schiff", "Tougher Sanctions on Russia Over Hacking")


def test_according_to_at_the_end_of_a_sentence_attributes_all_of_it(run):
    # The employee's report is part of what the police report says, as annotated news counts it.
    result = run("Officers came after an employee reported that two men had fled with watches, according to a "
                 "police report.")
    assert [(s.speaker, s.content) for s in result.said] == [
        ("police report", "Officers came after an employee reported that two men had fled with watches")]


# --- learned from the train split: constructions the rules missed on unseen news ----------

def test_a_reporting_verb_conjoined_in_the_cues_tense_is_a_second_statement(run):
    said = run("Nadia Okafor said she regretted the delay and promised to finish the bridge by June.").said
    first = next(s for s in said if s.cue == "said")
    assert words(first.content) == words("she regretted the delay")
    second = next(s for s in said if s.cue == "promised")
    assert second.speaker == "Nadia Okafor" and "finish the bridge" in second.content


@pytest.mark.parametrize("sentence, cue, content", [
    ("“The old plan is dead,” said Ivo Marsh, referring to the harbour tunnel proposal.",
     "referring", "the harbour tunnel proposal"),
    ("Greta Lind mentioned the unpaid invoices from the summer festival.",
     "mentioned", "the unpaid invoices from the summer festival"),
    ("Paolo Brandt recalled the long winter strike at the steel plant.",
     "recalled", "the long winter strike at the steel plant"),
])
def test_referring_mentioning_and_recalling_report_what_they_name(run, sentence, cue, content):
    said = [s for s in run(sentence).said if s.cue == cue]
    assert len(said) == 1, run(sentence).said
    assert words(said[0].content) == words(content)
    assert said[0].speaker in ("Ivo Marsh", "Greta Lind", "Paolo Brandt")


# --- text as scraped: what a news site leaves between the paragraphs ------------------------------

def test_link_lines_ads_and_follow_prompts_are_no_statements(run):
    text = ("The council approved a new flood barrier on Monday, Mayor Lena Ortiz said.\n\n"
            "Read more: Residents say the old barrier failed twice last winter\n\n"
            "ADVERTISEMENT\n\n"
            "“We cannot wait for the next storm,” Ortiz said.\n\n"
            "Follow @CityDesk on Twitter. Contact the reporter at jane.doe@example.com.\n\n"
            "Related: Engineers warn river levels will rise, report says\n")
    said = run(text).said
    assert {s.speaker for s in said} == {"Lena Ortiz"}
    assert len(said) == 2
    assert not any("Residents" in s.content or "Engineers" in s.content for s in said)


def test_a_sentence_that_only_starts_like_a_link_line_is_still_a_statement(run):
    said = run("More than forty residents said the barrier leaked, Mayor Lena Ortiz said.").said
    assert said and all(s.speaker in ("Lena Ortiz", "More than forty residents") for s in said)


def test_told_with_an_infinitive_reports_the_request_with_its_addressee(run):
    said = only(run("Since March, health officials have told Harbour residents not to swim in the bay.").said)
    assert said.cue == "told" and said.speaker == "health officials"
    assert words(said.content) == words("Harbour residents not to swim in the bay")


def test_a_name_the_parse_hung_on_the_phrase_before_is_still_the_subject(run):
    said = only(run("As part of the deal, Marco Lenz, 44, said that he sold nearly 100 stolen cars from his garage.").said)
    assert (said.speaker, said.cue) == ("Marco Lenz", "said")


def test_a_statement_nested_in_another_that_repeats_it_is_not_counted_twice(run):
    said = only(run("Lena Ortiz told reporters she believes the old bridge will reopen in early May.").said)
    assert (said.speaker, said.cue) == ("Lena Ortiz", "told")
    assert words(said.content) == words("she believes the old bridge will reopen in early May")


def test_a_nested_statement_is_part_of_the_outer_one(run):
    # Annotated news counts what the residents said as part of what the mayor reported (the 737 train
    # articles: an inner statement wholly inside another was twice as often no statement of its own).
    said = run("Mayor Lena Ortiz added that several residents had called her to say they would not pay the new fee.").said
    assert {s.speaker for s in said} == {"Lena Ortiz"}


def test_as_the_paper_reported_attributes_the_clause_it_hangs_on(run):
    said = only(run("As the Daily Courier reported, the singer gave thousands of dollars to the campaign.").said)
    assert (said.speaker, said.cue) == ("Daily Courier", "reported")
    assert words(said.content) == words("the singer gave thousands of dollars to the campaign")


def test_an_as_clause_of_time_is_no_attribution(run):
    assert not run("As Mayor Lena Ortiz spoke, the crowd outside grew louder.").said


def test_said_yes_is_an_answer(run):
    said = only(run("Asked whether she would run again, Mayor Lena Ortiz said yes.").said)
    assert said.cue == "said" and words(said.content) == ["yes"]


@pytest.mark.parametrize("sentence, speaker", [
    ("Some said the new stadium would ruin the riverside.", "Some"),
    ("Many of the delegates say the vote was rigged.", "Many of the delegates"),
    ("Two told reporters that the plant would close in June.", "Two"),
])
def test_a_quantified_group_is_an_unnamed_source(run, sentence, speaker):
    said = only(run(sentence).said)
    assert said.speaker == speaker and said.speaker_kind == "SOURCE"


@pytest.mark.parametrize("sentence, cue", [
    ("In addition to stating that the dam was safe, Mayor Lena Ortiz has promised a new inquiry.", "stating"),
    ("Governor Ana Ruiz went out of her way to say that the budget was balanced.", "say"),
])
def test_a_participle_or_infinitive_speaks_for_the_subject_of_the_verb_above(run, sentence, cue):
    said = [s for s in run(sentence).said if s.cue == cue]
    assert len(said) == 1 and said[0].speaker in ("Lena Ortiz", "Ana Ruiz")


@pytest.mark.parametrize("sentence, cue, content", [
    ("Mayor Lena Ortiz reminded voters that the levy would expire in June.", "reminded",
     "the levy would expire in June"),
    ("Union leader Tom Berg requested that the board keep the plant open.", "requested",
     "the board keep the plant open"),
    ("Ana Ruiz listed three reasons for the delay at the harbour.", "listed",
     "three reasons for the delay at the harbour"),
])
def test_more_general_reporting_verbs(run, sentence, cue, content):
    said = [s for s in run(sentence).said if s.cue == cue]
    assert len(said) == 1, run(sentence).said
    assert words(content) == words(said[0].content) or set(words(content)) <= set(words(said[0].content))


def test_a_gerund_object_is_what_was_reported(run):
    said = only(run("The Harbour Action Fund has reported spending two million dollars on radio ads.").said)
    assert said.cue == "reported" and words(said.content) == words("spending two million dollars on radio ads")


def test_a_second_verb_of_the_reported_clauses_own_subject_stays_in_the_clause(run):
    said = only(run("City Hall announced that Mayor Lena Ortiz has met the governor and "
                    "“repeated the need for help with the flooded harbour”.").said)
    assert "repeated the need for help" in said.content and said.speaker == "City Hall"


def test_a_belief_is_no_statement(run):
    assert not run("Mayor Lena Ortiz believes the harbour will recover by summer.").said


def test_interview_turn_markers_name_nobody(run):
    text = ("Q: Will the harbour reopen this year?\n\nA: Not before the storms are over, I am afraid.\n\n"
            "Q: And the ferry?\n\nA: The ferry will run again in May.")
    assert not [s for s in run(text).said if s.speaker in ("Q", "A")]


# --- speakers the parse hides (issue 12, item 3) ------------------------------------

def test_a_dateline_the_parse_made_the_subject_is_no_speaker(run):
    result = run("DENVER, Colo. - Meeting teachers who are struggling to pay rent, Governor Alan Pierce tried on "
                 "Friday to ease their worries and promised to raise their pay.")
    assert [s.speaker for s in result.said] == ["Alan Pierce"]


def test_an_outlet_told_after_the_subject_is_the_addressee_not_the_speaker(run):
    result = run("Dana Whitfield, the mayor's chief of staff, told Reuters that the bridge would reopen in May.")
    assert [(s.speaker, s.content) for s in result.said] == [("Dana Whitfield", "the bridge would reopen in May")]


def test_a_post_before_a_headline_verb_is_the_person_the_story_quotes(run):
    result = run("Sheriff Tells Voters Crime Is Down\n\nSheriff Tom Vance told voters on Monday that crime was down.")
    assert {s.speaker for s in result.said} == {"Tom Vance"}


def test_a_name_between_dashes_after_a_description_is_the_speaker(run):
    result = run("A former Democratic presidential nominee -- Walter Brand, who lost the 1996 election to Harding -- "
                 "said the president \"offered no new ideas to fix the economy.\"")
    assert [s.speaker for s in result.said] == ["Walter Brand"]


def test_a_name_the_parse_hung_on_the_quotation_speaks_it(run):
    result = run("Maria Lopez will focus on jobs in December. “It is not the position that everything is hunky-dory,” "
                 "Gene Sperry, a top outside Lopez adviser, said at a recent CNN event on the economy in Iowa.")
    assert [(s.speaker, s.content) for s in result.said] == \
        [("Gene Sperry", "It is not the position that everything is hunky-dory")]


def test_a_document_filed_by_someone_speaks_for_them(run):
    result = run("The plant will close next year, according to a lawsuit filed in Ohio by Marta Kline, a former manager.")
    assert [(s.speaker, s.speaker_kind) for s in result.said] == [("Marta Kline", "PERSON")]


def test_the_object_of_a_verb_before_to_say_is_the_speaker(run):
    result = run("Even the late timing of the hearing led Republicans to say that the mayor was hiding something.")
    assert [s.speaker for s in result.said] == ["Republicans"]


def test_of_two_subjects_the_parse_gives_a_verb_the_person_speaks(run):
    result = run("Governor Ann Lee and Senator Tom Ford are rivals. Speaking at a town hall event in Salem, "
                 "New Hampshire, Ford went after Lee, calling her “a total stiff.”")
    assert [s.speaker for s in result.said] == ["Tom Ford"]


def test_where_a_verb_went_is_no_speaker_of_the_infinitive_after_it(run):
    result = run("Coach Dana Whitfield denied the report on Monday, with Whitfield taking to Twitter to call the "
                 "story “totally false.”")
    assert {s.speaker for s in result.said} == {"Dana Whitfield"}


def test_a_description_the_text_names_on_the_spot_is_that_person(run):
    result = run("The mayor was shaking hands. A woman later identified as Eva Resnick, an activist for a housing "
                 "group, demanded to know whether the mayor would return the donations.")
    assert [(s.speaker, s.speaker_kind) for s in result.said] == [("Eva Resnick", "PERSON")]


def test_whoever_is_told_is_never_the_one_telling(run):
    result = run("Several leaders endorsed the senator last week. “Yes, I support Ted Marsh,” Brent Hollis, founder of "
                 "the Civic Research Center, tells the Harbour Times in an exclusive interview.")
    assert [s.speaker for s in result.said] == ["Brent Hollis"]
    result = run("The mayor changed course again, telling CBS that the tax “is settled.”")
    assert "CBS" not in {s.speaker for s in result.said}


def test_a_service_before_a_rank_is_not_the_speaker_named_after_it(run):
    result = run("“I really don’t understand how a better candidate didn’t jump into the race,” said Air Force 1st Lt. "
                 "Dana Cole.")
    assert [s.speaker for s in result.said] == ["Dana Cole"]


def test_a_name_after_a_participle_is_its_object_not_its_speaker(run):
    result = run("Governor Ann Lee denied the accusations through a spokeswoman, dismissing Ray Dillon as \"a "
                 "disgruntled former employee.\"")
    assert {s.speaker for s in result.said} == {"Ann Lee"}


def test_a_participle_hung_on_the_quotation_takes_the_subject_outside_it(run):
    result = run("Governor Ann Lee seemed to be ready to joke about the incident in Dayton, telling the crowd, “Some "
                 "people get a little carried away, have you noticed that?”")
    # "joke about the incident" may be a statement of its own (a topic, as the annotated corpus counts them)
    quoted = [s for s in result.said if "carried away" in s.content]
    assert [s.speaker for s in quoted] == ["Ann Lee"]
    assert {s.speaker for s in result.said} == {"Ann Lee"}


def test_who_booed_a_speaker_is_not_the_speaker(run):
    result = run("Sarah Pell was booed and shouted down by Tom Marsh supporters after telling holdouts for the senator "
                 "that they were “being ridiculous.”")
    assert [s.speaker for s in result.said] == ["Sarah Pell"]


def test_the_person_before_a_participle_after_with_asks(run):
    result = run("The conversation ended with Okafor asking Lee pointedly whether she would pick a farmer as a "
                 "running mate.")
    assert [s.speaker for s in result.said] == ["Okafor"]


def test_a_name_in_apposition_with_a_relative_clause_after_it_is_the_speaker(run):
    result = run("“The plan will fail,” said a spokeswoman for the city, Dana Webb, who joined in May.")
    assert [s.speaker for s in result.said] == ["Dana Webb"]


def test_a_bare_surname_the_model_parsed_as_an_adverb_still_speaks(run):
    result = run("But Bill Skelly, a veteran harbour pilot, spoke up for both of them.\n\n“Having two pilots who know the "
                 "channel is worth a lot,” said Skelly, explaining he had trained them on the night ferries.")
    assert [s.speaker for s in result.said] == ["Bill Skelly"]


def test_a_headline_quotation_is_the_person_the_headline_opens_with(run):
    result = run("Hargrove on Ann Lee Releasing Her Speech Transcripts: ‘I Think She Will.’\n\nOn Friday, Sen. Mary "
                 "Hargrove, a supporter of Ann Lee, said she believed Lee would release the transcripts.")
    assert {s.content: s.speaker for s in result.said}["I Think She Will."] == "Mary Hargrove"


def test_a_reporting_verb_conjoined_to_a_reported_clause_in_the_cues_tense_is_the_speakers(run):
    result = run("RNC spokesman Tom Pryce on Thursday evening said the Republican Party was not in a crisis, and urged "
                 "that everyone take a deep breath and relax.")
    assert {s.speaker for s in result.said} == {"Tom Pryce"}


# --- content boundaries -------------------------------------------------------------


@pytest.mark.parametrize("text, content", [
    pytest.param("Anna Berg said that the ferry “is not safe for children” and should be retired.",
                 "the ferry is not safe for children and should be retired", id="quote-inside-that-clause"),
    pytest.param("Anna Berg said on Friday that “the ferry is not safe” and that the port should retire it.",
                 "the ferry is not safe and that the port should retire it", id="quote-then-second-that-clause"),
    pytest.param("The old ferry, Anna Berg said, “is not safe for children.”",
                 "The old ferry is not safe for children", id="subject-before-cue-then-quote"),
])
def test_a_quotation_inside_a_reported_clause_is_a_mixed_statement_of_the_whole_clause(run, text, content):
    said = only(run(text).said)
    assert (said.speaker, said.cue, said.kind) == ("Anna Berg", "said", "mixed")
    assert words(said.content) == words(content)


def test_a_quotation_closed_by_its_own_comma_ends_the_statement(run):
    said = only(run("Anna Berg wrote “It is time to go,” and shared a link to her page.").said)
    assert (said.kind, words(said.content)) == ("direct", words("It is time to go"))


def test_a_relative_clause_after_a_comma_at_the_end_of_a_report_is_the_writers(run):
    said = only(run("Anna Berg said she backs the new budget, which includes funds for schools.").said)
    assert words(said.content) == words("she backs the new budget")


def test_a_second_that_clause_after_but_goes_on_with_the_report(run):
    said = only(run("Mayor Anna Berg predicted that rents would rise, but that wages would more than offset "
                    "the increase.").said)
    assert words(said.content) == words("rents would rise but that wages would more than offset the increase")


def test_a_reason_after_a_cue_set_off_by_commas_is_part_of_the_report(run):
    said = only(run("The economy is strong, Anna Berg said, because people are spending.").said)
    assert words(said.content) == words("The economy is strong because people are spending")


def test_a_conjoined_cue_verb_with_the_speaker_as_subject_starts_a_second_statement(run):
    said = run("Senator Anna Berg says she respects the governor and calls her a capable leader.").said
    assert [(s.cue, words(s.content)) for s in said] == [("says", words("she respects the governor")),
                                                         ("calls", words("her a capable leader"))]


@pytest.mark.parametrize("text, content", [
    pytest.param("Mayor Anna Berg said the team won the title, leaving the city excited about next season.",
                 "the team won the title", id="participle"),
    pytest.param("Anna Berg said most voters had decided, with about four in ten saying they could still change.",
                 "most voters had decided", id="absolute-with"),
])
def test_a_writers_comment_after_a_reported_clause_is_not_what_was_said(run, text, content):
    said = only([s for s in run(text).said if s.speaker == "Anna Berg"])  # "about four in ten" say their own
    assert words(said.content) == words(content)


def test_a_quotation_after_but_goes_on_with_the_reported_statement(run):
    said = only(run("Anna Berg said she had received offers for the boat, but “the offers were not serious.”").said)
    assert said.kind == "mixed"
    assert words(said.content) == words("she had received offers for the boat the offers were not serious")


def test_a_quotation_opened_inside_a_reported_clause_runs_to_its_close(run):
    said = only(run("Anna Berg said she would “close the port for good. I do not know if it will ever open "
                    "again.”").said)
    assert said.kind == "mixed"
    assert words(said.content) == words("she would close the port for good I do not know if it will ever open again")


def test_a_statement_wholly_inside_another_is_part_of_it(run):
    # What the residents complained of is part of what Ortiz said; it is not a second statement.
    said = run("Ortiz said residents had complained that the fee was unfair.").said
    assert [(s.speaker, s.content) for s in said] == [("Ortiz", "residents had complained that the fee was unfair")]


@pytest.mark.parametrize("text", ["Raj Patel criticised the plan.", "Mayor Lena Ortiz praised the new staff."])
def test_blame_or_praise_with_a_plain_object_is_no_statement(run, text):
    # What was criticised or praised is not what was said (an event, when the object is an entity).
    assert not run(text).said


def test_blame_with_an_object_that_says_something_is_a_statement(run):
    said = only(run("Raj Patel criticised the council's slow handling of the flood warnings.").said)
    assert (said.speaker, said.cue) == ("Raj Patel", "criticised")
    assert words(said.content) == words("the council's slow handling of the flood warnings")


def test_a_verb_of_naming_conjoined_to_a_reported_clause_about_a_thing_starts_a_second_statement(run):
    said = run("Tom Reilly said the harbour levy would drive away the ferries, and called the mayor "
               "the main backer of the scheme.").said
    assert [(s.speaker, s.cue, words(s.content)) for s in said] == [
        ("Tom Reilly", "said", words("the harbour levy would drive away the ferries")),
        ("Tom Reilly", "called", words("the mayor the main backer of the scheme"))]


def test_a_post_of_another_kind_is_not_the_person_just_quoted(run):
    result = run("Detective Inspector Sarah Cole told the court the defendant had shown no remorse. "
                 "The judge criticised the delay, saying it was unacceptable.")
    assert [s.speaker for s in result.said][0] == "Sarah Cole"
    assert "Sarah Cole" not in [s.speaker for s in result.said][1:]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("President Lena Ortiz spoke on Monday. The Valdorian leader said the talks were useful.",
                 "Lena Ortiz", id="generic-post"),
    pytest.param("Senator Lena Ortiz spoke on Monday. The presidential candidate said the talks were useful.",
                 "Lena Ortiz", id="running-for-a-post"),
    pytest.param("Senator Lena Ortiz spoke on Monday. The former governor said the talks were useful.",
                 "Lena Ortiz", id="a-past-post"),
])
def test_a_description_compatible_with_the_persons_posts_is_that_person(run, text, speaker):
    assert [s.speaker for s in run(text).said] == [speaker]


def test_a_reported_clause_parsed_as_a_relative_clause_of_whom_it_was_told_is_what_was_told(run):
    said = run("Prosecutors said Daniel Hart, 42, had taken the money from the charity. "
               "Hart told the jury he had repaid the money.").said
    assert [(s.speaker, s.cue, s.content) for s in said][1:] == [("Daniel Hart", "told", "he had repaid the money")]


@pytest.mark.parametrize("text", [
    pytest.param("Marcus Webb scored twice on Saturday. “It was a special day for the club,” said the 25-year-old.",
                 id="age"),
    pytest.param("Marcus Webb scored twice on Saturday. The midfielder said it was a special day for the club.",
                 id="position"),
])
def test_a_description_by_age_or_occupation_is_the_person_just_named(run, text):
    assert [s.speaker for s in run(text).said] == ["Marcus Webb"]


def test_two_cues_of_one_speaker_reading_the_same_words_give_one_statement(run):
    said = run("Ana Ruiz repeated her comments that she would be a fair broker in the talks.").said
    assert [(s.speaker, words(s.content)) for s in said] == [
        ("Ana Ruiz", words("she would be a fair broker in the talks"))]


def test_the_same_words_said_in_two_sentences_are_two_statements(run):
    said = run("Ana Ruiz said the port would close. On Friday she said again that the port would close.").said
    assert [(s.speaker, words(s.content)) for s in said] == [("Ana Ruiz", words("the port would close"))] * 2


def test_an_unnamed_spokesperson_is_not_a_person_quoted_before(run):
    said = run("Councillor Mira Okafor said the depot would stay open. A spokesperson for the drivers' union said "
               "members were angry. “Nobody has asked us,” she added. Ms Okafor insisted that nobody would lose "
               "their job.").said
    assert [(s.speaker, s.cue) for s in said] == [
        ("Mira Okafor", "said"), ("spokesperson for the drivers' union", "said"),
        ("spokesperson for the drivers' union", "added"), ("Mira Okafor", "insisted")]


def test_a_named_person_quoted_after_an_unnamed_source_takes_the_pronoun_back(run):
    said = run("Councillor Mira Okafor said the depot would stay open. A spokesperson for the drivers' union said "
               "members were angry. Ms Okafor spoke again on Friday. “We will not close it,” she said.").said
    assert [s.speaker for s in said][-1] == "Mira Okafor"


def test_the_council_is_the_council_named_before_not_the_last_organisation(run):
    said = run("Officials at Harrow Vale District Council met on Monday. The Transport Workers Union opposed the "
               "plan. The new timetable starts in May, the council confirmed.").said
    assert [(s.speaker, s.cue) for s in said] == [("Harrow Vale District Council", "confirmed")]


def test_calling_for_something_to_be_done_reports_the_for_clause(run):
    said = run("The Harbour Board called for the ferry to be repaired before winter.").said
    assert [(s.speaker, s.cue, s.content) for s in said] == [
        ("Harbour Board", "called", "the ferry to be repaired before winter")]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Ravi Shah said the hearing was fair. A neighbour, who asked not to be named, said the family had "
                 "moved away.", "neighbour", id="asked-not-to-be-named"),
    pytest.param("Ravi Shah said the hearing was fair. The official, who asked not to be identified, said the family "
                 "had moved away.", "official", id="a-post-kept-anonymous"),
    pytest.param("Ravi Shah said the hearing was fair. The daughter of one tenant said the family had moved away.",
                 "daughter of one tenant", id="related-to-someone-unnamed"),
])
def test_an_anonymous_or_related_person_is_an_unnamed_source_not_the_person_before(run, text, speaker):
    assert [s.speaker for s in run(text).said] == ["Ravi Shah", speaker]


def test_the_mother_of_three_is_the_person_just_named(run):
    said = run("Ravi Shah's wife Asha Shah said she was relieved. The mother of three said the family would move.").said
    assert [s.speaker for s in said] == ["Asha Shah", "Asha Shah"]


def test_according_to_the_company_is_not_the_broadcaster_someone_spoke_to(run):
    said = run("Marlow Foods will close 14 stores. Retail analyst Tom Lyle told Channel Nine News that the cuts were "
               "expected. According to the company, the stores will close by March.").said
    assert [(s.speaker, words(s.content)) for s in said][-1] == ("Marlow Foods", words("the stores will close by March"))


def test_calling_for_someone_to_act_reports_whom_and_what(run):
    said = run("Nora Pike has called for the harbour master to publish the inspection report.").said
    assert [(s.speaker, s.content) for s in said] == [
        ("Nora Pike", "the harbour master to publish the inspection report")]


@pytest.mark.parametrize("text, content", [
    ("On Saturday, Senator Anna Vell called on Governor Rick Stone to resign over the water crisis.",
     "Governor Rick Stone to resign over the water crisis"),
    ("Tom Hale called upon Mayor Ann Lee to restart the talks with the unions.",
     "Mayor Ann Lee to restart the talks with the unions"),
])
def test_calling_on_someone_to_act_reports_whom_and_what(run, text, content):
    assert [s.content for s in run(text).said] == [content]


def test_calling_on_a_day_to_say_something_is_what_was_said(run):
    said = run("Tom Hale called on Friday to say he was fine.").said
    assert [(s.speaker, s.content) for s in said] == [("Tom Hale", "he was fine")]


@pytest.mark.parametrize("text, speaker, content", [
    ("The plan includes a new bridge over the river, Transport Secretary Ann Lee told a Commons committee on "
     "Wednesday.", "Ann Lee", "The plan includes a new bridge over the river"),
    ("Mayor Tom Hale remains committed to the scheme, his chief aide, Rob Dent, told the Courier.",
     "Rob Dent", "Mayor Tom Hale remains committed to the scheme"),
    ("Councils should publish their accounts and not hide behind words like “soon”, Tom Hale told reporters.",
     "Tom Hale", "Councils should publish their accounts and not hide behind words like “soon”"),
])
def test_a_cue_after_a_comma_the_parse_made_a_conjunct_reports_the_clause_before(run, text, speaker, content):
    assert [(s.speaker, s.content) for s in run(text).said] == [(speaker, content)]


def test_a_clause_before_a_comma_and_a_conjoined_event_is_no_statement(run):
    assert run("Hale opened the bridge on Monday, Ann Lee cut the ribbon.").said == []


def test_the_company_is_the_company_named_by_its_legal_form_not_the_union_quoted_last(run):
    said = run("Kestrel Timber Corp. reported a drop in profit on Thursday. Denise Arcand, president of the "
               "Coastal Forest Workers Union, said members were angry. The company said staff would be paid.").said
    assert [s.speaker for s in said] == ["Kestrel Timber Corp.", "Denise Arcand", "Kestrel Timber Corp."]


def test_a_cue_the_parse_conjoined_to_a_relative_clause_is_the_described_persons(run):
    said = run('Opposition leader Amina Serwadde, whose Veshara Democratic Front had been expected to make gains in '
               'the north, called the delay "a constitutional coup in slow motion".').said
    assert [s.speaker for s in said] == ["Amina Serwadde"]


def test_an_unnamed_source_the_parse_hung_on_the_clause_before_the_cue_speaks_and_is_the_same_source_later(run):
    said = run("Donors were not consulted before the announcement, a Western diplomat, who spoke on condition of "
               "anonymity because he was not authorised to brief the media, told the agency. The diplomat said "
               'several embassies were "deeply uneasy". "There is a real risk this becomes open-ended," he said.').said
    assert [(s.speaker, s.content) for s in said] == [
        ("Western diplomat", "Donors were not consulted before the announcement"),
        ("Western diplomat", 'several embassies were "deeply uneasy"'),
        ("Western diplomat", "There is a real risk this becomes open-ended")]


def test_she_after_an_unnamed_woman_is_that_woman_not_the_officer_quoted_before(run):
    said = run('Const. Dana Roux, a spokesperson for the detachment, said officers caught the man. "This was a '
               'reckless act," Roux said. A woman who lives across the street, and who did not want her name used, '
               'said the crash sounded "like a bomb going off." "I looked out and there were bottles all over the '
               'sidewalk," she said. "My first thought was, is anyone inside?"').said
    assert [s.speaker for s in said] == ["Dana Roux", "Dana Roux", "woman", "woman"]


@pytest.mark.parametrize("text, speaker, content", [
    ("Talks to resume.\n\nISTANBUL (Reuters) - Kestria's foreign ministry said on Monday that the talks would "
     "resume.", "Kestria's foreign ministry", "the talks would resume"),
    ("Polls delayed.\n\nKALUNDA, March 3 (Wire) - Veshara will postpone the regional elections, Interior Minister "
     "Joseph Ndaru-Kito said on Monday.", "Joseph Ndaru-Kito", "Veshara will postpone the regional elections"),
    ("Bridge opens.\n\nHARBOUR CITY -- Mayor Ann Lee, opening the bridge, said it would carry 9,000 cars a day.",
     "Ann Lee", "it would carry 9,000 cars a day"),
])
def test_a_wire_dateline_is_no_speaker_and_not_part_of_what_was_said(run, text, speaker, content):
    assert [(s.speaker, s.content) for s in run(text).said] == [(speaker, content)]


def test_the_place_of_a_dateline_is_a_place(run):
    assert "ISTANBUL" in run("Talks to resume.\n\nISTANBUL (Reuters) - Kestria's foreign ministry said on Monday "
                             "that the talks would resume.").entities("GPE")


def test_a_feature_writers_she_laughs_cues_a_quotation_but_never_reported_speech(run):
    said = run("Marisol Quenby is apologising for the state of her kitchen. “I'm hopeless at tidying,” she laughs, "
               "moving a guitar case off a chair. Her fifth album, Salt Years, is out next month. “It was closer to two "
               "minutes,” she says. Many laughed at the plan to sell the pier.").said
    assert [(s.speaker, s.cue, s.content) for s in said] == [
        ("Marisol Quenby", "laughs", "I'm hopeless at tidying"),
        ("Marisol Quenby", "says", "It was closer to two minutes")]


def test_a_press_conference_write_up_keeps_each_player_one_person(run):
    said = run("Morrow-Lind shrugs off wrist scare to reach semi-finals.\n\nCASTLEMERE - Katya Morrow-Lind said her "
               'strapped right wrist was "nothing to worry about" after she beat Sienna Okafor-Hale on Thursday.\n\n'
               "“It's a niggle, not an injury,” said the world No. 4, who had never gone beyond the quarter-finals."
               "\n\nOkafor-Hale, playing her first tournament since March, said she had run out of energy. \"I had "
               'chances in the first set," she said.').said
    assert [s.speaker for s in said] == ["Katya Morrow-Lind", "Katya Morrow-Lind", "Sienna Okafor-Hale",
                                         "Sienna Okafor-Hale"]


def test_transcript_turns_under_a_surname_are_the_persons_the_reporters_questions_are_not(run):
    said = run("Katya Morrow-Lind said her wrist was fine.\n\nExcerpts from her news conference:\n\n"
               "Reporter: How much was the wrist bothering you in the third set?\n"
               "Morrow-Lind: Less than the wind, honestly. The wind was the bigger problem.\n\n"
               "Reporter: Does that make you the favourite now?\n"
               "Morrow-Lind: No. Ilse is No. 1 for a reason.").said
    assert [(s.speaker, s.content) for s in said] == [
        ("Katya Morrow-Lind", "her wrist was fine"),
        ("Katya Morrow-Lind", "Less than the wind, honestly. The wind was the bigger problem"),
        ("Katya Morrow-Lind", "No. Ilse is No. 1 for a reason")]


@pytest.mark.parametrize("text, content", [
    ("Jo Hart, who teaches fourth grade, spoke last. Her message to the board on Tuesday was blunt: “Teachers are not "
     "line items. Talk to us first.”", "Teachers are not line items. Talk to us first."),
    ("Jo Hart put down her guitar. Her verdict on the finished album is simple: “It's the most honest thing I've "
     "made.”", "It's the most honest thing I've made."),
    # the words are the object of the person's verb; and the time the person spoke before is no topic of theirs
    ("Mayor Jo Hart spoke on Monday. Hart gave the council a warning: “We cannot afford another year like this.”",
     "We cannot afford another year like this."),
    ("Jo Hart spoke on Monday. She had one message for the board: “Spend less.”", "Spend less."),
])
def test_a_quotation_after_someones_words_and_a_colon_is_theirs(run, text, content):
    assert [(s.speaker, s.content) for s in run(text).said] == [("Jo Hart", content)]


def test_an_obituarys_daughter_statement_and_orchestra_are_who_the_text_named(run):
    said = run("Walter Brennock, who started the Dunmarrow Youth Orchestra, died on Sunday. His daughter, Ruth "
               "Brennock, said he had been ill for only a few weeks. Dunmarrow's mayor, Aisling Fenwick, said flags "
               "would fly at half-mast. The Dunmarrow Youth Orchestra said in a statement that its spring concert "
               'would be dedicated to him. "Walter built this orchestra one child at a time," the statement said. '
               "His daughter said he had spoken of her mother every day since.").said
    assert [s.speaker for s in said] == ["Ruth Brennock", "Aisling Fenwick", "Dunmarrow Youth Orchestra",
                                         "Dunmarrow Youth Orchestra", "Ruth Brennock"]


def test_the_carrier_is_the_airline_named_before(run):
    said = run("Meridian Crest Airlines will launch fewer new routes this year than planned, the carrier said on "
               "Thursday.").said
    assert [s.speaker for s in said] == ["Meridian Crest Airlines"]


def test_a_headlines_passive_is_no_statement_of_its_subject(run):
    said = run("Pellbrook Bank savers urged to check rates after quiet cut.\n\nPellbrook Bank has cut the rate on its "
               "easy-access account, the bank said on Monday.").said
    assert [(s.speaker, s.content) for s in said] == [
        ("Pellbrook Bank", "Pellbrook Bank has cut the rate on its easy-access account")]


def test_the_spokesperson_and_the_source_are_those_just_introduced(run):
    said = run("Saoirse Kettleby helped organise the march. Carrowdale Minerals said in a statement that the project "
               "would create 400 jobs. A spokesperson for Harrowmere Constabulary said three people had been "
               "arrested. “The vast majority of those attending were peaceful,” the spokesperson said. A source close "
               "to the couple told the paper the decision was taken last month. “She would not marry without her "
               "mum there,” the source told the paper.").said
    assert [s.speaker for s in said] == ["Carrowdale Minerals", "Harrowmere Constabulary", "Harrowmere Constabulary",
                                         "source close to the couple", "source close to the couple"]


def test_asking_that_ones_name_not_be_used_is_no_statement_but_makes_the_source_he(run):
    said = run("Heart patients wait months for scans.\n\nA 52-year-old man who asked that his name not be used first "
               "felt the tightness in his chest last October.\n\n“Every night I lie "
               "there wondering whether this is the night,” he said.").said
    assert [(s.speaker, s.content) for s in said] == [
        ("52-year-old man", "Every night I lie there wondering whether this is the night")]


@pytest.mark.parametrize("text, said", [
    ("Ann Lee said the mill would reopen next year.\nPhoto: Ann Lee outside the old mill on Castle Street.\nPhoto: "
     "The mill after the fire that gutted it in May.", [("Ann Lee", "the mill would reopen next year")]),
    ("Rates rise.\n\nCOVID-19 cases will peak in March, the health minister said on Tuesday.",
     [("health minister", "COVID-19 cases will peak in March")]),
    ("A spokesperson for Harrowmere Council said the road would reopen on Monday. The spokesperson for Harrowmere "
     "Police said officers would stay at the scene.", [("Harrowmere Council", "the road would reopen on Monday"),
                                                      ("spokesperson for Harrowmere Police", "officers would stay at the scene")]),
    ("Unilever, the consumer goods company, bought Graze Ltd in 2019. On Tuesday Graze Ltd said it would close its "
     "Leeds plant. The company said 200 jobs would go.", [("Graze Ltd", "it would close its Leeds plant"),
                                                          ("Graze Ltd", "200 jobs would go")]),
    ("Former congressman Zaldy Co denied on Monday that he took the money. Co said the allegations were false.",
     [("Zaldy Co", "he took the money"), ("Zaldy Co", "the allegations were false")]),
    ("Someone in the crowd shouted “Liar!” Ann Lee laughed.", [("Someone in the crowd", "Liar!")]),
    ("The song's message is simple: “Love wins, and it always will.”", []),
    ("Sir Tom Rudd asked that his name not be used on the new hospital wing.",
     [("Tom Rudd", "his name not be used on the new hospital wing")]),
])
def test_what_this_rounds_rules_leave_alone(run, text, said):
    assert [(s.speaker, s.content) for s in run(text).said] == said


def test_a_quotation_after_a_name_and_a_colon_is_that_persons(run):
    said = run('Mayor Ana Ortiz and Senator Tom Walsh both reject the idea. Ortiz: "Our goal is to close the gap, '
               'not to manage it." Walsh: "The gap will close by itself."').said
    assert [(s.speaker, s.content) for s in said] == [
        ("Ana Ortiz", "Our goal is to close the gap, not to manage it."),
        ("Tom Walsh", "The gap will close by itself.")]


def test_thanking_someone_after_a_reported_clause_is_not_part_of_it(run):
    said = run("Mayor Ana Ortiz said it had been a difficult decision and thanked the drivers for their patience.").said
    assert [s.content for s in said][0] == "it had been a difficult decision"


def test_a_question_quoted_before_its_cue_keeps_its_cue_when_the_parser_ends_the_sentence_at_the_mark(run):
    said = run('Mayor Tom Hale spoke on the radio. "You think I am going to change?" Hale asked reporters. '
               '"I am not changing."').said
    assert [(s.speaker, s.cue, s.kind) for s in said] == [("Tom Hale", "asked", "direct")]
    assert said[0].content.startswith("You think I am going to change?")


@pytest.mark.parametrize("text", [
    "Mayor Tom Hale spoke on the radio. Asked by presenter Jo Morgan if he would stand again, Hale said he would.",
    "Presenter Jo Morgan asked Mayor Tom Hale if he would stand again.",
])
def test_an_if_clause_after_asked_is_the_question(run, text):
    said = run(text).said
    assert ("Jo Morgan", "if he would stand again") in [(s.speaker, s.content) for s in said]


def test_as_a_paper_has_reported_reads_the_rest_of_the_sentence(run):
    said = run("As the Harton Gazette has reported, the council spent the money on consultants.").said
    assert [(s.speaker, s.content) for s in said] == [("Harton Gazette", "the council spent the money on consultants")]


def test_a_clause_about_the_speaker_between_a_quotation_and_its_cue_is_part_of_the_speakers_phrase(run):
    said = run('"We are ready to go," Anna Vell, who was then working for the transport ministry, told reporters.').said
    assert [(s.speaker, s.cue, s.content) for s in said] == [("Anna Vell", "told", "We are ready to go")]


def test_a_persons_call_for_something_is_what_they_called_for(run):
    said = run("Mayor Tom Hale spoke on Monday. Other councillors joined Hale's call for a public inquiry.").said
    assert [(s.speaker, s.content) for s in said] == [("Tom Hale", "a public inquiry")]


def test_claims_by_someone_that_something_is_so_are_theirs(run):
    said = run("The ministry pushed back against claims by the harbour pilots that the channel was unsafe.").said
    assert [(s.speaker, s.content) for s in said] == [("harbour pilots", "the channel was unsafe")]


def test_a_while_clause_with_its_own_speaker_ends_what_the_first_speaker_said(run):
    said = run("Ana Ortiz suggested that the budget could not be balanced, while Tom Hale said that the council "
               "had failed.").said
    assert [(s.speaker, s.content) for s in said] == [
        ("Ana Ortiz", "the budget could not be balanced"), ("Tom Hale", "the council had failed")]


def test_a_ledes_unnamed_person_is_the_person_the_next_sentence_names(run):
    said = run("A man accused of stealing a tractor has told a jury he bought it in good faith.\n\n"
               "Owen Marsh, 48, is on trial at the county court.").said
    assert [(s.speaker, s.content) for s in said] == [("Owen Marsh", "he bought it in good faith")]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("Detective Constable Ravi Shah said the sentence would help the families.", "Ravi Shah",
                 id="a-police-rank-is-a-title-not-part-of-the-name"),
    pytest.param('Mayor Ana Ortiz spoke on the radio on Monday.\n\nAdded Ortiz:\n\n"We will not close the gap by '
                 'waiting for it to close."', "Ana Ortiz", id="a-cue-before-a-name-and-colon-is-read-as-a-cue"),
    pytest.param("Harton City have sacked their manager after six defeats. Chairman Robert Finch left the ground "
                 "early. In a statement, the club said the decision had been difficult.", "Harton City",
                 id="the-club-the-tagger-took-for-a-place"),
    pytest.param("The Harbour Authority reopened the port on Monday. The foreign ministry of neighbouring Kestria "
                 "said in a statement that it remained committed to the talks.",
                 "foreign ministry of neighbouring Kestria", id="a-ministry-of-a-named-country-is-not-the-last-body"),
])
def test_the_one_speaker_of_a_sentence_in_local_and_wire_copy(run, text, speaker):
    assert [s.speaker for s in run(text).said] == [speaker]


@pytest.mark.parametrize("text, speakers", [
    pytest.param("The union criticised Marlow Foods over the closures. The company said the stores were losing money.",
                 ["Marlow Foods"], id="the-company-criticised-is-not-someone-spoken-to"),
    pytest.param("Ravi Shah said he was pleased. The minister, who did not name the company, said the deal was done.",
                 ["Ravi Shah", "Ravi Shah"], id="not-naming-something-is-not-anonymity"),
    pytest.param("Asha Shah said she was relieved. The mother of two young boys said the family would move.",
                 ["Asha Shah", "Asha Shah"], id="the-mother-of-two-is-the-person-just-named"),
    pytest.param("Mayor Ana Ortiz and Senator Tom Walsh both reject the idea. Ortiz: ''Our goal is to close the gap, "
                 "not to manage it.''", ["Ana Ortiz"], id="a-label-before-typewriter-quotes"),
])
def test_what_the_new_source_rules_leave_alone(run, text, speakers):
    assert [s.speaker for s in run(text).said] == speakers


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Tom Hale scored a century on Friday. “It means a lot,” the left-hander said.", ["Tom Hale"],
                 id="a-sport-description-of-the-player-just-named"),
    pytest.param('Cody Brandt caught the winning pass. "I just held on," the tight end said with a grin.', ["Cody Brandt"],
                 id="a-two-word-position"),
    pytest.param("Liam Corr shot a 65 to finish third. “I was trying to post a number,” the Queenslander said.",
                 ["Liam Corr"], id="where-someone-comes-from"),
    pytest.param("Ana Ortiz said the road would reopen. “We are nearly there,” the New Zealander said.",
                 ["Ana Ortiz", "Ana Ortiz"], id="a-two-word-nationality"),
    pytest.param("The ministry said no one had been hurt. No group claimed responsibility.", ["ministry"],
                 id="no-group-is-nobody"),
    pytest.param("The bill drew support from Sen. Tom Reed of Elk Prairie, who said his father had diabetes.",
                 ["Tom Reed"], id="who-after-a-place-of-a-person-is-the-person"),
    pytest.param("Lena Volk arrived with two drivers. “We will respond firmly,” Volk said, according to a "
                 "translation provided by her ministry.", ["Lena Volk"], id="a-translation-is-no-source"),
    pytest.param("Akinyi Odera walked 400 kilometres. Akinyi admits the last three days were the hardest.",
                 ["Akinyi Odera"], id="a-first-name-no-lexicon-knows"),
    pytest.param("Chief executive Goh Kian Seng spoke on Monday. There are no plans to cut jobs, Goh said.",
                 ["Goh Kian Seng"], id="a-surname-written-first"),
    pytest.param("Ella Brand scored the winner. “I just hit it and hoped,” the teenager said.", ["Ella Brand"],
                 id="the-teenager"),
    pytest.param("Femke Visser fell at the last hurdle. “I lost my rhythm,” the Dutchwoman told reporters.",
                 ["Femke Visser"], id="the-dutchwoman"),
    pytest.param("Justice Mary Okafor heard the petition. Counsel Tom Reddy said the land had been sold twice. "
                 "Rejecting the request, the judge said: “The State cannot hide behind its own delays.”",
                 ["Tom Reddy", "Mary Okafor"], id="the-judge-is-the-justice-named"),
    pytest.param("Harton City manager Piet Kramer was furious. Striker Leo Marsh said the team had played badly. "
                 "“We gave them two goals,” said the City boss.", ["Leo Marsh", "Piet Kramer"],
                 id="the-boss-is-the-manager-and-a-position-is-no-part-of-a-name"),
    pytest.param("Anya Sokolova won in three sets. The 26-year-old said organisers had been right to close the roof.",
                 ["Anya Sokolova"], id="the-age-the-parse-hung-on-the-verb"),
    pytest.param("Liam Thorne, 34, admitted the assault. Prosecutor Sarah Bell said the victim needed surgery. "
                 "The 34-year-old said he was sorry.", ["Liam Thorne", "Sarah Bell", "Liam Thorne"],
                 id="the-34-year-old-is-the-man-given-that-age"),
    pytest.param("Harlow Foods reported a loss on Monday. It said a decision on the dividend would come in May.",
                 ["Harlow Foods", "Harlow Foods"], id="it-is-the-company-just-the-subject"),
    pytest.param("Kestrel Bank said profits fell. Its chief executive, Ann Moss, resigned. It said a new chief would "
                 "be named in May.", ["Kestrel Bank"], id="it-after-a-subject-that-is-no-organisation-is-nobody"),
    pytest.param("A council spokeswoman said the road would reopen on Friday. Shopkeeper Brian Hart said trade had "
                 "collapsed.", ["council spokeswoman", "Brian Hart"], id="a-spokeswoman-is-not-the-next-person-named"),
    pytest.param("Ireland's largest lender, Allied Dublin Bank, said profits rose. The Member for Penrith, Stuart "
                 "Ayres, said the line would open in 2027.", ["Allied Dublin Bank", "Stuart Ayres"],
                 id="a-name-in-apposition-to-a-description"),
    pytest.param("According to the council's planning officer, Rachel Dunmore, the site is too small for 40 homes.",
                 ["Rachel Dunmore"], id="according-to-a-description-and-a-name"),
    pytest.param("Liam Thorne was jailed for four years. The judge said he had shown no remorse.", ["judge"],
                 id="a-judge-never-named-is-not-the-man-sentenced"),
    pytest.param("Judge Mary Keane adjourned the case. The victim's mother said she had not slept since the attack.",
                 ["victim's mother"], id="someones-mother-is-someone-new"),
    pytest.param("Opening the case, Nicholas Crane KC, prosecuting, said the men had fallen out. Jurors were told "
                 "the debt was large. The prosecutor said the defendant had taken a knife.",
                 ["Nicholas Crane", "Nicholas Crane"], id="the-prosecutor-is-who-the-text-said-prosecutes"),
    pytest.param("Police spokesman Ivan Petrov said two men were arrested. A spokesman for the rebels said the men "
                 "were civilians.", ["Ivan Petrov", "spokesman for the rebels"], id="a-spokesman-for-others-is-someone-new"),
    pytest.param("Governor Teodora Valcu of the Central Bank of Marvania said rates would stay on hold.", ["Teodora Valcu"],
                 id="a-person-of-an-organisation-named-with-of"),
    pytest.param("Harlow Foods made a loss. Analyst James Okafor of Redbridge Securities said the result was weak. "
                 "The company said it would pay a dividend.", ["James Okafor", "Harlow Foods"],
                 id="the-company-is-not-where-an-analyst-works"),
    pytest.param("Velmora Foods cut 200 jobs on Monday. Velmora said demand had fallen.", ["Velmora Foods"],
                 id="a-companys-first-word-is-the-company"),
    pytest.param("The Prime Minister arrived late. A No 10 spokesman said she had full confidence in the minister.",
                 ["No 10 spokesman"], id="no-10-is-not-no-one"),
    pytest.param("Det Insp Sian Pritchard said the car was stolen. Cllr Bryn Hughes said the road was closed. Later, "
                 "Det Insp Pritchard added that two men were arrested.", ["Sian Pritchard", "Bryn Hughes", "Sian Pritchard"],
                 id="british-ranks-before-a-name-the-tagger-called-an-organisation"),
])
def test_descriptions_and_names_of_sport_business_and_world_copy(run, text, speakers):
    assert [s.speaker for s in run(text).said] == speakers


def test_unnamed_people_who_spoke_are_the_people_and_they_of_what_follows(run):
    said = run("Ashcombe Bank is in talks to buy Pellworth Finance, according to people familiar with the matter. "
               "An announcement could come next week, said the people, who asked not to be identified. "
               "The price has been agreed, they said.").said
    assert [s.speaker for s in said] == ["people familiar with the matter"] * 3


def test_the_statement_said_after_a_statement_that_used_according_to_inside_its_quotation(run):
    said = run("In a statement, NHS Carrick said it was aware of the delays. “Patients are seen according to "
               "clinical need,” the statement said.").said
    assert [s.speaker for s in said] == ["NHS Carrick", "NHS Carrick"]


def test_the_carrier_is_not_the_exchange_its_filing_went_to(run):
    said = run("Straitmore Airlines warned on Monday that profit would fall. In a filing to the Singapore "
               "Exchange, the carrier said yields had dropped.").said
    assert [s.speaker for s in said] == ["Straitmore Airlines", "Straitmore Airlines"]


def test_a_second_that_clause_stays_with_the_first_though_a_clause_inside_it_has_a_reporting_verb(run):
    said = run("Sarwan Energy said its staff had been evacuated and that engineers would assess the damage once "
               "the site was declared safe.").said
    assert [s.content for s in said] == [
        "its staff had been evacuated and that engineers would assess the damage once the site was declared safe"]


def test_officials_in_a_city_are_not_the_city(run):
    said = run("Ukrainian officials in Kyiv said a planned exchange of prisoners would go ahead.").said
    assert [s.speaker for s in said] == ["Ukrainian officials in Kyiv"]


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Chief Financial Officer Ken Ota spoke to analysts. Asked about the yen, the CFO said the outlook "
                 "assumed 145 yen to the dollar.", ["Ken Ota"], id="the-cfo-is-the-chief-financial-officer"),
    pytest.param("Priya Raghunathan, an analyst at Tembusu Capital, said the warning was worse than feared. "
                 "\"The fare war could last,\" she wrote.", ["Priya Raghunathan", "Priya Raghunathan"],
                 id="a-surname-the-tagger-took-for-a-place"),
    pytest.param("Returning a verdict of misadventure, Coroner for Offaly Dr Aoife Kearney spoke to the family. "
                 "“These quarries look inviting,” she said.", ["Aoife Kearney"], id="a-name-inside-a-post"),
    pytest.param("Ana Ortiz, the senior coach, spoke after the game. Ortiz told reporters she had changed the plan. "
                 "“I didn't argue,” the coach said. Visiting coach Tom Reed was less happy.",
                 ["Ana Ortiz", "Ana Ortiz"], id="the-coach-just-quoted-not-the-other-one"),
    pytest.param('Ana Ortiz led the study. "The ice is thinner," Ortiz said. Her team combined records kept at '
                 'Wapikwa Lake.\n\nThe decline was "not a gradual slide but a step change" that began in the late '
                 '1990s, the researchers wrote in the journal. They added that shallow lakes had lost the most ice.',
                 ["Ana Ortiz", "researchers", "researchers"], id="a-cue-with-no-subject-does-not-take-the-focus"),
])
def test_who_speaks_in_business_inquest_and_science_copy(run, text, speakers):
    assert [s.speaker for s in run(text).said] == speakers


@pytest.mark.parametrize("text, said", [
    pytest.param("Leader speaks.\n\nKARACHI: Provincial minister Ali Raza said on Monday the water scheme was delayed.",
                 [("Ali Raza", "the water scheme was delayed")], id="a-dateline-with-a-colon"),
    pytest.param("Results.\n\nNew Delhi, Jul 24 (PTI) Kaveri Steel said its profit rose 23 per cent.",
                 [("Kaveri Steel", "its profit rose 23 per cent")], id="an-indian-agency-dateline"),
    pytest.param("Tanya Blake won the final. \"I changed my stride,\" the Jamaican said.",
                 [("Tanya Blake", "I changed my stride")], id="a-nationality-the-tagger-knows"),
    pytest.param("Chief Minister K. Ravi Rao spoke in the capital. The CM said the first instalment would be paid in July.",
                 [("K. Ravi Rao", "the first instalment would be paid in July")], id="the-cm-is-the-chief-minister"),
    pytest.param("Giving judgment, Lord Justice Marwood quashed the conviction. \"The jury might have reached a different "
                 "verdict,\" the judge said.", [("Marwood", "The jury might have reached a different verdict")],
                 id="a-judge-named-by-style"),
    pytest.param("The deputy shot a man on Sunday, Sheriff Dan Pruett told reporters at a news conference.",
                 [("Dan Pruett", "The deputy shot a man on Sunday")], id="where-it-was-said-is-not-what"),
    pytest.param("Grant Reid said the council had given farmers too little warning, and called on the Government to act.",
                 [("Grant Reid", "the council had given farmers too little warning"),
                  ("Grant Reid", "the Government to act")], id="a-second-verb-of-the-speaker-not-the-clause"),
    pytest.param("One senior Liberal MP, who spoke on condition of anonymity to discuss internal deliberations, said "
                 "colleagues were worried.", [("senior Liberal MP", "colleagues were worried")],
                 id="why-a-source-is-unnamed-is-not-a-statement"),
    pytest.param("Kestrel Ridge Resources will close its Carnaby mine, 240 workers in the Pilbara will be affected. The "
                 "miner said it had $480 million in cash.", [("Kestrel Ridge Resources", "it had $480 million in cash")],
                 id="the-miner-is-the-mining-company"),
])
def test_wire_court_and_sport_copy_from_other_countries(run, text, said):
    assert [(s.speaker, s.content) for s in run(text).said] == said


@pytest.mark.parametrize("text, speakers", [
    pytest.param("Det Insp Ana Cole, of the Harrowmere Constabulary, appealed for witnesses. A man was released on "
                 "bail, police said. The force said anyone with information should call 101.",
                 ["Harrowmere Constabulary", "Harrowmere Constabulary"], id="police-and-the-force-are-the-force-named"),
    pytest.param("Leanne Corr wept as the verdict was read. Outside court, her solicitor, Priya Mandal, read a "
                 "statement on her behalf. “I never hurt my son,” the statement said.", ["Leanne Corr"],
                 id="a-statement-read-on-someones-behalf-is-theirs"),
])
def test_whose_words_in_police_and_court_copy(run, text, speakers):
    assert [s.speaker for s in run(text).said] == speakers


@pytest.mark.parametrize("text, speakers", [
    pytest.param("The Police Federation said officers were exhausted. Police said a man had been charged with assault.",
                 ["Police Federation", "Police"], id="a-staff-association-is-not-the-force"),
    pytest.param("President Alan Dorsey left for Geneva on Monday. Vice President Mara Quint said the summit would be "
                 "difficult. \"We expect progress,\" the president said.", ["Mara Quint", "Alan Dorsey"],
                 id="the-vice-president-is-not-the-president"),
    pytest.param("Ama Owusu was convicted in March. Her solicitor read a statement on her behalf. Harrowmere Police "
                 "said in a statement that the case had been complex. \"We thank the witnesses,\" the statement said.",
                 ["Harrowmere Police", "Harrowmere Police"], id="the-newest-statement-is-the-one-meant"),
    pytest.param("Jane Hale visited a dairy farm on Monday. The farmer said milk prices were too low.",
                 ["farmer"], id="a-farmer-is-not-the-visitor"),
    pytest.param("The official, who was granted anonymity, went on to say that the ceasefire was close.",
                 ["official"], id="went-on-to-say-after-anonymity"),
    pytest.param("One official said the talks had stalled. Another official said a deal was still possible.",
                 ["official", "Another official"], id="another-source-is-another-one"),
])
def test_what_this_rounds_source_rules_leave_alone(run, text, speakers):
    assert [s.speaker for s in run(text).said] == speakers


def test_a_clause_with_a_perfect_keeps_its_second_verb(run):
    said = run("The report said the minister had lied to parliament and claimed expenses he was not owed.").said
    assert [s.content for s in said] == ["the minister had lied to parliament and claimed expenses he was not owed"]


@pytest.mark.parametrize("text, said", [
    # a participle after the comma that closes a quotation comments on the report; a reporting one is the
    # speaker's next statement, not the quoted clause's subject's
    ('Hale said Reid represents "old Kent values," stating during the debate that they are "socially liberal."',
     [("Hale", "said", 'Reid represents "old Kent values,"'), ("Hale", "stating", 'they are "socially liberal."')]),
    ("Hale said the team won, adding that the players were brilliant.",
     [("Hale", "said", "the team won"), ("Hale", "adding", "the players were brilliant")]),
    # the participle after a quotation is no cue of it when the quotation is part of the clause before
    ('Hale said things "should be settled by June," referring to the council\'s budget meeting.',
     [("Hale", "said", 'things "should be settled by June,"'), ("Hale", "referring", "the council's budget meeting")]),
    # what the speaker did next, after an object or a request, is no part of what was said
    ('Hale called Reid the "ultimate hypocrite," linking to a story about how Reid attended a dinner.',
     [("Hale", "called", 'Reid the "ultimate hypocrite,"')]),
    ("Mayor Ann Reid urged residents to raise their hands and pledge their support to the plan, creating an "
     "awkward moment.", [("Ann Reid", "urged", "residents to raise their hands and pledge their support to the plan")]),
])
def test_a_participle_after_a_comma_ends_what_was_said(run, text, said):
    assert [(s.speaker, s.cue, s.content) for s in run(text).said] == said


def test_a_quoted_participle_after_a_comma_is_part_of_what_was_said(run):
    (said,) = run('The group might run ads against Reid, "depending on how the race develops," Hale said.').said
    assert said.speaker == "Hale" and said.content.startswith("The group might run ads against Reid")
    assert "depending on how the race develops" in said.content


def test_no_content_ends_in_a_conjunction_whose_second_half_the_parse_hung_elsewhere(run):
    said = run("Reid spoke about the Southern border and how many migrants can easily slip through.").said
    assert [(s.speaker, s.content) for s in said] == [("Reid", "the Southern border")]
