"""Who holds which post, one construction per test, on sentences written for these tests.

Titles are compared without case and hyphens (*Secretary-General* = *secretary general*);
a strict xfail is a known miss (see test_quotes.py).
"""
from __future__ import annotations

import pytest


def norm(title: str) -> str:
    return " ".join(title.lower().replace("-", " ").split())


def post(result, person: str) -> tuple[str, str, bool]:
    """The one post the text gives a person: (title, org, former)."""
    posts = result.posts_of(person)
    assert len(posts) == 1, f"expected one post for {person}, got {result.held}"
    return norm(posts[0].title), posts[0].org, posts[0].former


# --- titles before the name --------------------------------------------------------

@pytest.mark.parametrize("text, person, title, org", [
    ("UK Foreign Secretary David Lammy arrived in Brussels on Tuesday.", "David Lammy", "foreign secretary", "UK"),
    ("FBI Director James Comey testified on Thursday.", "James Comey", "director", "FBI"),
    ("Google CEO Sundar Pichai spoke at the conference.", "Sundar Pichai", "ceo", "Google"),
    ("NATO's Secretary-General Mark Rutte arrived in Vilnius.", "Mark Rutte", "secretary general", "NATO"),
    ("US President-elect Donald Trump spoke to reporters.", "Donald Trump", "president elect", "US"),
    ("Kremlin spokesman Dmitry Peskov spoke to reporters.", "Dmitry Peskov", "spokesman", "Kremlin"),
])
def test_title_before_name_with_organisation(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)


@pytest.mark.parametrize("text, person, title", [
    ("Gov. Gavin Newsom signed the law.", "Gavin Newsom", "governor"),
    ("Spokesperson Dmitry Peskov spoke to reporters.", "Dmitry Peskov", "spokesperson"),
    ("Mayor Frank Olsen cleared the snow.", "Frank Olsen", "mayor"),
])
def test_title_before_name_without_organisation(run, text, person, title):
    assert post(run(text), person) == (title, "", False)


@pytest.mark.parametrize("text, person, title, states", [
    ("Sen. Ben Sasse (R-Neb.) voted against the bill.", "Ben Sasse", "senator", {"Nebraska", "Neb."}),
    ("Rep. Maxine Waters (D-Calif.) spoke first.", "Maxine Waters", "representative", {"California", "Calif."}),
])
def test_abbreviated_title_with_party_and_state(run, text, person, title, states):
    title_found, org, former = post(run(text), person)
    assert title_found == title  # the abbreviation is expanded
    assert org in states and not former


def test_compound_abbreviated_title(run):
    assert post(run("Lt. Gov. Dan Patrick praised the ruling."), "Dan Patrick")[0] == "lieutenant governor"


def test_two_people_with_titles_in_one_sentence(run):
    result = run("Prime Minister Keir Starmer met President Emmanuel Macron in Paris.")
    assert post(result, "Keir Starmer")[0] == "prime minister"
    assert post(result, "Emmanuel Macron")[0] == "president"


def test_honorific_is_not_a_post(run):
    result = run("Sir Keir Starmer met the king. Dr. Helen Marsh was there too.")
    assert result.held == []


# --- appositions, possessives, copulas ---------------------------------------------

def test_apposition_with_possessive_organisation(run):
    assert post(run("Mark Rutte, NATO's secretary-general, arrived in Vilnius."), "Mark Rutte") == \
        ("secretary general", "NATO", False)


def test_apposition_lowercase_title_with_person_as_employer(run):
    title, org, _ = post(run("John Podesta, Clinton's campaign chairman, declined to comment."), "John Podesta")
    assert title == "campaign chairman" and org == "Clinton campaign"  # the campaign employs him


def test_apposition_with_of_organisation(run):
    result = run("Hugh Bennett, the chief executive of Rolls-Royce, said the factory would close.")
    assert post(result, "Hugh Bennett") == ("chief executive", "Rolls-Royce", False)


def test_apposition_without_article(run):
    result = run("Anna Weber, president of the European Central Bank, flew to Rome.")
    assert post(result, "Anna Weber") == ("president", "European Central Bank", False)


def test_name_with_particles_in_apposition(run):
    result = run("Ursula von der Leyen, president of the European Commission, flew to Kyiv.")
    assert post(result, "Ursula von der Leyen") == ("president", "European Commission", False)


def test_apposition_with_long_organisation_name(run):
    result = run("Dr. Anthony Fauci, director of the National Institute of Allergy and Infectious Diseases, testified.")
    assert post(result, "Anthony Fauci") == ("director", "National Institute of Allergy and Infectious Diseases",
                                             False)


def test_title_before_with_comma_and_possessive(run):
    result = run("Wells Fargo's chief executive, Timothy J. Sloan, apologised to customers.")
    assert post(result, "Timothy J. Sloan") == ("chief executive", "Wells Fargo", False)


def test_title_and_name_in_apposition(run):
    assert post(run("The minister, Lena Fischer, said the trains would run."), "Lena Fischer")[0] == "minister"


def test_copula_with_of_organisation(run):
    result = run("Kwame Asante is the chief executive of Ghana Airways. He said the fleet would grow.")
    assert post(result, "Kwame Asante") == ("chief executive", "Ghana Airways", False)


def test_copula_with_hyphenated_title(run):
    assert post(run("Mark Rutte is the secretary-general of NATO."), "Mark Rutte") == \
        ("secretary general", "NATO", False)


def test_who_serves_as(run):
    result = run("Angela Stone, who serves as chief financial officer of Tesla, sold shares.")
    assert post(result, "Angela Stone") == ("chief financial officer", "Tesla", False)


@pytest.mark.parametrize("text, person, org", [
    ("New South Wales Premier Chris Minns said the line would open.", "Chris Minns", "New South Wales"),
    ("Tamil Nadu Chief Minister M. K. Stalin said the scheme would start in June.", "M. K. Stalin", "Tamil Nadu"),
])
def test_a_place_of_several_words_before_a_post(run, text, person, org):
    assert post(run(text), person)[1] == org


@pytest.mark.parametrize("text, person, title, org", [
    ("Shadow chancellor Rachel Penn said the budget had failed.", "Rachel Penn", "shadow chancellor", ""),
    ("Liberal Democrat MP Tessa Munro said the plan was unfair.", "Tessa Munro", "mp", "Liberal Democrats"),
])
def test_westminster_posts(run, text, person, title, org):
    assert post(run(text), person)[:2] == (title, org)


# --- former posts, several posts -------------------------------------------------------

@pytest.mark.parametrize("text, person, title", [
    ("Former President Barack Obama campaigned in Ohio.", "Barack Obama", "president"),
    ("Barack Obama, the former president, campaigned in Ohio.", "Barack Obama", "president"),
    ("Anna Weber is a former chancellor.", "Anna Weber", "chancellor"),
    ("Hugh Bennett, the former chief executive of Rolls-Royce, spoke.", "Hugh Bennett", "chief executive"),
])
def test_former_post_is_marked_former(run, text, person, title):
    found, _, former = post(run(text), person)
    assert found == title and former is True


def test_several_posts_in_one_apposition(run):
    result = run("Kamala Harris, the vice president and a former senator from California, spoke on Monday.")
    posts = {(norm(h.title), h.former) for h in result.posts_of("Kamala Harris")}
    assert posts == {("vice president", False), ("senator", True)}


def test_coordinated_posts_share_the_organisation(run):
    result = run("Anna Berg, a Boston-based developer and spokeswoman for the Harbour Investment Coalition, "
                 "declined to comment.")
    assert post(result, "Anna Berg") == ("spokeswoman", "Harbour Investment Coalition", False)


def test_lowercase_professor_after_the_school_is_a_post(run):
    assert post(run("A study by Loyola Law School professor Justin Levitt found 31 cases."), "Justin Levitt") == \
        ("professor", "Loyola Law School", False)


def test_plural_title_the_parser_cut_off_as_a_sentence(run):
    result = run("The fraud led Sens. Jon Tester (D-Mont.) and David Vitter (R-La.) to invoke the law.")
    assert post(result, "Jon Tester") == ("senator", "Montana", False)
    assert post(result, "David Vitter") == ("senator", "Louisiana", False)


def test_a_leader_is_a_post_only_with_whose(run):
    assert post(run("Seoul accused the North's leader, Kim Jong Un, of recklessness."), "Kim Jong Un")[0] == "leader"
    assert run("Maria Lopez is a leader who embodies the city's spirit.").held == []


def test_a_name_ner_typed_as_organisation_is_a_person_with_a_title_in_apposition(run):
    result = run("Jean-Marc Ayrault, the foreign minister of France, condemned the test.")
    assert post(result, "Jean-Marc Ayrault") == ("foreign minister", "France", False)


def test_stacked_titles_each_give_a_post_and_the_state_code_stays_with_the_nearest(run):
    result = run("“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said.")
    posts = {(norm(h.title), h.org) for h in result.posts_of("Jason Chaffetz")}
    assert posts == {("representative", "Utah"), ("panel chairman", "")}  # the compound keeps its noun


@pytest.mark.parametrize("text, person, title, org", [
    ("Clinton campaign spokesman Brian Fallon said on Monday that she would be back.", "Brian Fallon", "spokesman",
     "Clinton campaign"),
    ("Minyon Moore, a senior adviser to the Clinton campaign, called the remarks a warning.", "Minyon Moore",
     "senior adviser", "Clinton campaign"),
    ("The ceremony featured John Lewis, a Democratic congressman from Georgia, and others.", "John Lewis",
     "congressman", "Georgia"),
    ("“It is destroying this committee,” said Del. Stacey Plaskett of the Virgin Islands.", "Stacey Plaskett",
     "delegate", "Virgin Islands"),
])
def test_organisation_of_a_post_given_by_a_campaign_to_from_or_of_the(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)


def test_a_definite_description_right_after_a_name_gives_that_person_the_post(run):
    result = run("Bernie Sanders spoke in Ohio. The Vermont senator acknowledged that some people still feel "
                 "that way.\n\nDerek Mitchell, a diplomat, said the talks went well.")
    assert post(result, "Bernie Sanders") == ("senator", "Vermont", False)
    assert result.said[0].speaker == "Bernie Sanders"


def test_a_post_served_is_a_former_one(run):
    result = run("Derek Mitchell, who served as U.S. ambassador to Burma from 2012 until this year, said the "
                 "visit mattered.")
    assert post(result, "Derek Mitchell") == ("ambassador", "Burma", True)


def test_a_hyphenated_rank_stays_with_the_title(run):
    result = run("Republican vice-presidential nominee Mike Pence spoke on Sunday.")
    assert post(result, "Mike Pence")[0] == "vice presidential nominee"


def test_a_copula_joined_to_another_verb_shares_its_subject(run):
    result = run("Mr. Dan Holt served as director of the Budget Office and is now president of the Action Forum.")
    posts = {(norm(h.title), h.org) for h in result.posts_of("Dan Holt")}
    assert ("president", "Action Forum") in posts


def test_who_is_after_a_description_in_apposition_is_the_named_person(run):
    result = run("James Acton, a physicist who is director of the Nuclear Policy Program, said so.")
    assert post(result, "James Acton")[:2] == ("director", "Nuclear Policy Program")


def test_several_posts_in_separate_sentences(run):
    result = run("Kwame Asante is the chief executive of Ghana Airways. "
                 "Kwame Asante, the former finance minister, spoke on Monday.")
    posts = {(norm(h.title), h.org, h.former) for h in result.posts_of("Kwame Asante")}
    assert ("chief executive", "Ghana Airways", False) in posts
    assert any(title in ("finance minister", "minister") and former for title, _, former in posts)


def test_description_gives_the_person_the_post(run):
    result = run("On Monday, NATO's secretary-general said the alliance was united. "
                 "Mark Rutte also said Ukraine needed air defence.")
    assert [s.speaker for s in result.said] == ["Mark Rutte", "Mark Rutte"]
    assert [norm(h.title) for h in result.posts_of("Mark Rutte")] == ["secretary general"]


def test_description_gives_the_person_the_post_with_its_organisation(run):
    result = run("On Monday, NATO's secretary-general said the alliance was united. "
                 "Mark Rutte also said Ukraine needed air defence.")
    assert [(norm(h.title), h.org) for h in result.posts_of("Mark Rutte")] == [("secretary general", "NATO")]


def test_rank_before_the_organisation_stays_with_the_post(run):
    held = run("The meeting was led by Interim DNC Chairwoman Donna Brazile.").posts_of("Donna Brazile")
    assert [(h.title, h.org) for h in held] == [("Interim Chairwoman", "DNC")]


def test_surname_the_model_left_out_of_a_name(run):
    result = run("Several women lead the department, including Deputy Attorney General Sally Quillian Yates, "
                 "who spoke first.")
    assert [(h.person, h.title) for h in result.held] == [("Sally Quillian Yates", "Deputy Attorney General")]


def test_the_organisations_noun_with_a_possessive_names_it(run):
    result = run("Some staff belong to the Software Workers Guild. The guild's president, Sam Whitaker, was angry.")
    assert [(h.title, h.org) for h in result.posts_of("Sam Whitaker")] == [("President", "Software Workers Guild")]


def test_an_occupation_at_an_organisation_is_a_post_a_relation_to_it_is_not(run):
    result = run("Raj Mehta, a cardiologist at Massachusetts General Hospital, said so. "
                 "John Doe, a longtime supporter of the Sierra Club, agreed. "
                 "Jane Roe, a senior fellow at the Brookings Institution, disagreed.")
    assert [(h.person, h.title.lower(), h.org) for h in result.held] == [
        ("Raj Mehta", "cardiologist", "Massachusetts General Hospital"),
        ("Jane Roe", "senior fellow", "Brookings Institution")]


def test_a_party_adjective_gives_a_party_post_its_party_but_a_senator_keeps_the_state(run):
    result = run("Conservative leader Kemi Badenoch spoke. Republican Sen. Ben Sasse (R-Neb.) spoke.")
    assert [(h.person, h.title, h.org) for h in result.held] == [
        ("Kemi Badenoch", "Leader", "Conservative Party"), ("Ben Sasse", "Senator", "Nebraska")]


def test_assistant_us_attorney_is_one_title(run):
    held = run("Assistant U.S. Attorney Kevin Park told the court he was guilty.").posts_of("Kevin Park")
    assert [h.title for h in held] == ["Assistant U.S. Attorney"]


def test_a_sports_manager_and_a_noun_the_post_is_of(run):
    result = run("Rovers manager Joey Barton praised his side. Joe Biden, who was the bill's floor manager, spoke.")
    assert [(h.person, h.title.lower(), h.former) for h in result.held] == [
        ("Joey Barton", "manager", False), ("Joe Biden", "floor manager", True)]


# --- organisations read from the whole article, compound titles ------------------------

def test_a_post_named_twice_keeps_the_organisation_the_second_mention_gives(run):
    result = run("The plan was praised by Senator Ruiz on Monday. Later, Senator Ann Ruiz of Oregon voted for it.")
    assert post(result, "Ann Ruiz") == ("senator", "Oregon", False)


@pytest.mark.parametrize("text, person, title, org", [
    ("Finance Director Ann Cole resigned on Friday.", "Ann Cole", "finance director", ""),
    ("Union leader Tom Varga called the strike off.", "Tom Varga", "union leader", ""),
    ("The bill was written by Wisconsin state Sen. Dana Hill.", "Dana Hill", "state senator", "Wisconsin"),
    ("He praised Harbor News’ Boston Political Editor Mara Quinn on Monday.", "Mara Quinn", "political editor",
     "Harbor News"),
    ("Ann Dale, the union's general secretary, said no.", "Ann Dale", "general secretary", ""),
])
def test_compound_titles_keep_their_words(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)


def test_a_plural_title_over_a_list_with_state_brackets(run):
    result = run("Several members, including Sens. Ann Ruiz (Ore.), Paul Becker (Iowa) and Lee Park (Ariz.), "
                 "have since objected.")
    assert [(h.person, h.title, h.org) for h in result.held] == [
        ("Ann Ruiz", "Senator", "Oregon"), ("Paul Becker", "Senator", "Iowa"), ("Lee Park", "Senator", "Arizona")]


def test_a_plural_title_shares_the_state_before_it(run):
    result = run("She endorsed Ohio state Reps. Dana Hill and Lee Park on Tuesday.")
    assert {(h.person, h.org) for h in result.held} == {("Dana Hill", "Ohio"), ("Lee Park", "Ohio")}


@pytest.mark.parametrize("text, person, title, org", [
    ("Lisa Moreno spoke. Tom Reyes, Moreno's campaign manager, said so.", "Tom Reyes", "campaign manager",
     "Moreno campaign"),
    ("Ruth Gates spoke. Tom Reyes, Gates’ campaign manager, said so.", "Tom Reyes", "campaign manager",
     "Gates campaign"),
    ("The group backed Anna Berg, leader of Norway’s right-wing Progress Party, on Monday.", "Anna Berg", "leader",
     "Progress Party"),
    ("\"It is over,\" said Carl Dunn, editor of HarborPolitics.com.", "Carl Dunn", "editor", "HarborPolitics.com"),
    ("\"They agree,\" said Mia Kerr, a political adviser to the Ruiz family.", "Mia Kerr", "political adviser",
     "Ruiz family"),
    ("The other lender is the Nordic Investment Bank. Its president, Ola Berg, was reappointed.", "Ola Berg",
     "president", "Nordic Investment Bank"),
])
def test_the_organisation_the_phrase_names(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)


@pytest.mark.parametrize("text, person, title", [
    ("The group that then-Ohio Gov. Dana Hill founded in the 1990s grew.", "Dana Hill", "governor"),
    ("Allies of ousted campaign manager Tom Reyes were angry.", "Tom Reyes", "campaign manager"),
    ("The seat of the late Justice Ann Ruiz stays empty.", "Ann Ruiz", "justice"),
])
def test_then_ousted_and_late_mark_a_post_held_no_more(run, text, person, title):
    found, _, former = post(run(text), person)
    assert found == title and former is True


def test_a_host_of_and_a_speaker_at_are_not_posts(run):
    assert run("Her targets included Tom Reyes and a host of celebrities.").held == []
    assert run("It was Tom Reyes, a speaker at the 2004 and 2008 conventions.").held == []


@pytest.mark.parametrize("text, person, title, org", [
    ("Its Secretary-Treasurer Gina Holt said no.", "Gina Holt", "secretary treasurer", ""),
    ("Oakland Supervisor Rafael Ortiz voted no.", "Rafael Ortiz", "supervisor", "Oakland"),
])
def test_union_and_county_titles(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)


def test_a_department_in_the_title_is_its_organisation(run):
    result = run("His nomination came in a statement from Treasury Secretary Ann Cole.")
    assert post(result, "Ann Cole") == ("treasury secretary", "Treasury", False)


def test_a_title_inside_a_quotation_is_no_post_of_the_name_after_it(run):
    held = run('"That was a fine speech, Mr. President," Representative Dana Hill, Democrat of Ohio, '
               "told the governor.").held
    assert [(h.person, h.title) for h in held] == [("Dana Hill", "Representative")]


def test_a_possessive_apostrophe_is_no_quotation(run):
    held = run("“We need fair maps by 2030,” Dana Whitfield, Ruiz’ campaign manager, said in a statement.").held
    assert [(h.person, h.title) for h in held] == [("Dana Whitfield", "Campaign Manager")]


def test_a_denied_post_is_no_post(run):
    text = '"No mayor, not Tom Berg, not the best mayor you could imagine, can fix this alone," Berg wrote.'
    assert not run(text).held


def test_a_title_with_of_in_apposition_keeps_all_its_words(run):
    held = run("Ana Ruiz called Dana Hill, her chief of staff, and Tom Berg, the secretary of state.").held
    assert {(h.person, h.title, h.org) for h in held} >= {("Dana Hill", "Chief of Staff", ""),
                                                           ("Tom Berg", "Secretary of State", "")}


def test_a_post_at_the_time_is_a_former_post(run):
    held = run("Ana Ruiz called Dana Hill, her chief of staff at the time.").held
    assert [(h.person, h.title, h.former) for h in held] == [("Dana Hill", "Chief of Staff", True)]


def test_a_shorter_title_later_is_the_same_post(run):
    held = run("U.S. District Judge Ana Ruiz ruled on Monday. Judge Ruiz said the law was clear.").held
    assert [(h.person, h.title, h.org) for h in held] == [("Ana Ruiz", "District Judge", "U.S.")]


def test_a_relative_clause_after_two_names_is_about_the_nearer(run):
    held = run("The emails were exchanges between Ana Ruiz and Tom Berg, who was her chief of staff.").held
    assert [(h.person, h.title) for h in held] == [("Tom Berg", "Chief of Staff")]


@pytest.mark.parametrize("text, person, title, org", [
    ("Denise Arcand, president of the Harlow Creek local of the Coastal Forest Workers Union, said members were "
     "angry.", "Denise Arcand", "president", "Coastal Forest Workers Union"),
    ("Tom Hale, head of the Kestrian branch of Greenpeace, said it was bad.", "Tom Hale", "head", "Greenpeace"),
    ("The hats are given out by Little Lambs Neonatal Trust, a Kilcronan-based charity. Its founder, Declan "
     "Rafferty, said the hats were wonderful.", "Declan Rafferty", "founder", "Little Lambs Neonatal Trust"),
])
def test_the_body_a_branch_belongs_to_and_its_after_a_based_in_place(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)


def test_a_club_by_the_last_word_of_its_name_employs_its_manager(run):
    result = run("Ashcombe Rovers beat Pelham United 2-1 on Saturday. Rovers manager Callum Ramsay said he had never "
                 "been prouder.")
    assert {"Ashcombe Rovers", "Pelham United"} <= set(result.entities("ORG"))
    assert set(result.entities("PERSON")) == {"Callum Ramsay"}
    assert post(result, "Callum Ramsay") == ("manager", "Ashcombe Rovers", False)


def test_the_company_is_the_organisation_the_text_described_as_a_company(run):
    result = run("Tallyvane, the Kilcarran-based payroll software company, has raised €22 million in a round led by "
                 "Greyslate Ventures, even as it faces an inquiry by the Data Oversight Commission. The company’s "
                 "founder and chief executive, Orla Mulvany, said the money would pay for 60 engineers.")
    assert {(norm(p.title), p.org) for p in result.posts_of("Orla Mulvany")} == {
        ("founder", "Tallyvane"), ("chief executive", "Tallyvane")}
    said = run("Tallyvane, the Kilcarran-based payroll software company, faces an inquiry by the Data Oversight "
               "Commission. The company said the inquiry was routine.").said
    assert [s.speaker for s in said] == ["Tallyvane"]


def test_a_name_the_tagger_missed_after_a_post_is_the_speaker_and_holds_the_post(run):
    result = run("In Kadesh, Sehristan's foreign ministry spokesperson Leyla Tovrani rejected the accusation. “Our "
                 "forces responded only to fire directed at our villages,” she told a news conference.")
    assert [s.speaker for s in result.said] == ["Leyla Tovrani", "Leyla Tovrani"]
    assert post(result, "Leyla Tovrani") == ("foreign ministry spokesperson", "Sehristan", False)


@pytest.mark.parametrize("text, person, title, org", [
    pytest.param("Oliver Brisco, an analyst at Hanley Stockwell, wrote in a note to clients that the deal made sense.",
                 "Oliver Brisco", "analyst", "Hanley Stockwell", id="an-employer-that-looks-like-a-person"),
    pytest.param("Renata Vidal, chief economist at Banco Solmar in Sao Paulo, said rates would stay high.",
                 "Renata Vidal", "chief economist", "Banco Solmar", id="no-preposition-in-the-employer"),
    pytest.param("Kellerton coach Dean Fairweather said his side had been beaten.",
                 "Dean Fairweather", "coach", "", id="a-first-name-that-is-also-a-post"),
])
def test_posts_in_business_and_sport_copy(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)


def test_a_british_police_rank_written_short_without_full_stops(run):
    assert post(run("Det Insp Ciaran Doyle said the thefts were linked."), "Ciaran Doyle") == (
        "detective inspector", "", False)


@pytest.mark.parametrize("text, person, title, org", [
    pytest.param("Major General Tomas Eriksen said the troops would stay.", "Tomas Eriksen", "major general", "",
                 id="a-rank-of-two-words"),
    pytest.param("Justice Secretary Alan Cole said prisons were full.", "Alan Cole", "secretary", "Justice",
                 id="a-secretary-of-justice-is-no-judge"),
])
def test_ranks_and_judges_posts(run, text, person, title, org):
    assert post(run(text), person) == (title, org, False)
