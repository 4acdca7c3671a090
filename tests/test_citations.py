"""citations/uncited-figure and citations/vague-source on real sentences."""

from __future__ import annotations

import pytest
from conftest import lint, spans

UNCITED = "citations/uncited-figure"
VAGUE = "citations/vague-source"


def uncited(text: str, fmt: str = "markdown") -> list[str]:
    """The flagged spans of uncited-figure, as the user sees them."""
    return [d.text for d in lint(text, select=UNCITED, fmt=fmt)]


def vague(text: str) -> list[str]:
    return [d.text for d in lint(text, select=VAGUE)]


# --- what a figure is ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Yet 312 families were displaced again in the spring.", "312 families"),
        ("Donors pledged $75 million for the province.", "$75 million"),
        ("The programme has spent 90 million euros on trucking.", "90 million euros"),
        ("Donors have offered €2bn for early recovery.", "€2bn"),
        ("Budget lines were cut by 18% this year.", "18%"),
        ("Enrolment fell by 12 percent.", "12 percent"),
        ("Enrolment fell by 12 per cent.", "12 per cent"),
        ("The province received 41 millimetres of rain.", "41 millimetres"),
        ("About 2.1 million residents need food aid.", "2.1 million residents"),
        ("The district has 41 reopened schools in the north.", "41 reopened schools"),
        ("Nearly three million people have left the province.", "three million people"),
        ("A 3,000-strong force holds the ridge.", "3,000-strong"),
        ("The tribes sent 300 Syrians across the border.", "300 Syrians"),
        ("Some 2,000 Yazidi families fled.", "2,000 Yazidi families"),
        ("Smugglers earned US$5 million last year.", "US$5 million"),
        ("Salaries cost USD 40 million a year.", "USD 40 million"),
        ("Of the pumps, only 19 were working.", "19"),
    ],
)
def test_a_figure_without_a_source_is_flagged_with_its_unit_or_noun(sentence: str, figure: str) -> None:
    assert uncited(sentence) == [figure]


@pytest.mark.parametrize(
    "sentence",
    [
        "The council was formed in 2019 and met again in March 2024.",
        "The vote is on March 3 at 3 pm, or on 3 November.",
        "Ahmed Saleh, 34, a farmer, lost his land.",
        "A 34-year-old man was arrested at the 21st checkpoint.",
        "Resolution 2254 calls for talks; the G20 and COVID-19 came later.",
        "See Table 3, Figure 2 and page 12 of the annex.",
        "Version 3.4.1 was released at 10:30 on 3/11/2026.",
        "Call +44 20 7946 0958 or (555) 123-4567 for details.",
        "The ISF rotate units every six months, so no officer knows the villages.",
        "The war lasted 10 years and the siege 40 days.",
        "He is one of two candidates, and the other 2 did not come.",
        "The boom of the 1990s ended in the 2008-2009 crisis.",
        "The vote in Campaign '80 was close.",
        "He ran the 400m at the indoor games.",
        "He won the men's 60m race and cleared 1.76m in the high jump.",
        "Kosenkow won the race in 21.07 secs.",
        "They met at 10 Downing Street beside an old 386 PC.",
        "Report 10 is clean, and Route 66 was closed.",
    ],
)
def test_years_dates_ages_labels_names_and_durations_are_not_figures(sentence: str) -> None:
    assert uncited(sentence) == []


def test_list_numbering_is_not_a_figure() -> None:
    text = "Steps:\n\n1. Donors should tie the second tranche to rules.\n2. The council should publish.\n"
    assert uncited(text, fmt="text") == []


def test_numbers_in_headings_are_skipped_by_default() -> None:
    assert uncited("## 312 families displaced in 2025\n\nThe report follows.\n") == []


def test_a_conversion_in_parentheses_is_part_of_the_amount() -> None:
    assert uncited("BLB will pay $339m (£182.5m) for the unit.") == ["$339m"]
    assert uncited("Parmalat lost 4 billion euros (£2.8bn; $4.8bn) in the scandal.") == ["4 billion euros"]
    assert uncited("The console will retail for £99 in the UK (149 euros).") == ["£99"]


def test_a_range_is_one_figure() -> None:
    assert uncited("Their children were paid between $60,000 (£30,800) and $150,000 a year.") == ["$60,000"]
    assert uncited("Between 200 and 300 families returned.") == ["200"]


def test_spelled_counts_are_not_figures_by_default() -> None:
    assert uncited("Eleven soldiers were killed at the checkpoint.") == []


# --- what a source is -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "According to the IOM, 312 families were displaced.",
        "Local officials said 312 families were displaced.",
        "312 families were displaced, officials said.",
        '"312 families were displaced," said the mayor.',
        "The governor told us that 312 families were displaced.",
        "The IOM estimated that 312 families were displaced.",
        "The IOM has recently reported that 312 families were displaced.",
        "86 raids were recorded by the UN mission in 2025.",
        "Data from the ministry show 18% fewer pupils.",
        "Enrolment fell by 18% (Source: ministry of education).",
        "The ministry's latest figures put the toll at 312 families.",
        "Enrolment fell by 18% [3].",
        "Enrolment fell by 18%.[3] The ministry expects more.",
        "Enrolment fell by 18% (World Bank 2023).",
        "Enrolment fell by 18%, as World Bank (2023) shows.",
        "Enrolment fell by 18%¹ in the district.",
        "Enrolment fell by 18%<sup>3</sup> in the district.",
        "Enrolment fell by 18% in the [district](https://example.org/report).",
        "Enrolment fell by 18% in the district.[^1]\n\n[^1]: Ministry of education, 2026.",
        "Along the river we counted 64 pumping stations.",
        "Smugglers earned $14 million, according to two traders who asked not to be named.",
        "The study, conducted by consultancy Building Zones, found that 16% of visitors work there.",
        "The International Labour Organisation (ILO) said that one million people lost work.",
        "Sales rose, with the BBC reporting one million sales in the last quarter.",
    ],
)
def test_a_source_in_the_sentence_attributes_its_figures(sentence: str) -> None:
    assert uncited(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("An estimated 40 percent of its positions were handed over.", "40 percent"),
        ("A estimated 86 raids were recorded in 2025.", "86 raids"),
        ("There were 86 reported raids in the spring.", "86 reported raids"),
        ("The toll was widely reported as 312 families.", "312 families"),
        ("Yet 312 families were displaced by the raids.", "312 families"),
    ],
)
def test_near_misses_an_adjective_or_a_passive_without_agent_is_no_source(sentence: str, figure: str) -> None:
    assert uncited(sentence) == [figure]


def test_a_source_in_another_sentence_of_the_paragraph_does_not_count() -> None:
    text = (
        "According to the IOM, some 9,000 families returned in 2025. "
        "Yet 312 families were displaced again in the spring.\n"
    )
    assert uncited(text) == ["312 families"]


def test_a_quotation_is_attributed_by_its_speaker_in_the_paragraph() -> None:
    text = 'The mayor said: "We lost 300 homes. Another 200 houses are damaged." Repairs start soon.\n'
    assert uncited(text) == []


def test_a_quotation_without_a_named_speaker_is_not_attributed() -> None:
    assert uncited('The sign read "300 homes lost" in red letters.\n') == ["300 homes"]


def test_a_quotation_continued_from_the_paragraph_before_keeps_its_speaker() -> None:
    text = 'The minister said the costs were rising.\n\n"It costs the taxpayer £35,000 a year per place."\n'
    assert uncited(text) == []


def test_a_sentence_that_continues_an_attributed_one_is_attributed() -> None:
    text = "The UN report found that 40% of clinics had closed. The report added that 120 clinics reopened.\n"
    assert uncited(text) == []
    text = "Wine use in China is 0.22 litres a head, the ministry said. This compares with 59 litres in France.\n"
    assert uncited(text) == []


def test_a_block_quote_is_attributed_by_its_citation_line() -> None:
    text = "> Some 300 families fled the raids in one week.\n>\n> — UN mission, situation report, May 2026\n"
    assert uncited(text) == []


def test_a_block_quote_without_a_citation_line_is_flagged() -> None:
    assert uncited("> Some 300 families fled the raids in one week.\n") == ["300 families"]


def test_figures_in_footnotes_are_sources_not_claims() -> None:
    text = "Enrolment fell sharply.[^1]\n\n[^1]: Ministry of education, 312 schools surveyed, 2026.\n"
    assert uncited(text) == []


# --- tables ---------------------------------------------------------------------------

TABLE = "| Item | Pledged |\n|------|---------|\n| Water | $30 million |\n| Schools | $20 million |\n"


def test_a_table_without_a_source_is_one_finding_on_its_first_figure() -> None:
    found = lint("Pledges:\n\n" + TABLE, select=UNCITED)
    assert [(d.text, d.message) for d in found] == [
        (
            "$30 million",
            'Table of 2 figures (from "$30 million") has no source; '
            'add a source line under it ("Source: ...") or cite one in its caption',
        )
    ]


def test_a_source_line_under_the_table_attributes_it() -> None:
    assert uncited(TABLE + "\nSource: OCHA financial tracking service, 2026.\n") == []


def test_a_caption_that_cites_attributes_the_table() -> None:
    assert uncited("Table 2: Pledges by sector (OCHA 2025)\n\n" + TABLE) == []


def test_a_paragraph_with_its_own_source_next_to_the_table_is_not_its_source_line() -> None:
    text = TABLE + "\nThe UN mission counted 41 reopened schools[^1].\n\n[^1]: UN mission dashboard.\n"
    assert uncited(text) == ["$30 million"]


# --- vague sources ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("A recent study showed that yields will fall.", "A recent study showed"),
        ("Many farmers, reports say, have sold their pumps.", "reports say"),
        ("Sources claim the council took bribes.", "Sources claim"),
        ("It is estimated that 300 families left.", "It is estimated"),
        ("The deal is done, according to reports.", "according to reports"),
        ("Previous research has shown that monkeys can do it.", "research has shown"),
    ],
)
def test_a_vague_source_is_flagged_as_info(sentence: str, phrase: str) -> None:
    found = lint(sentence, select=VAGUE)
    assert [(d.text, d.severity.label) for d in found] == [(phrase, "info")]
    assert found[0].message == f'Vague source "{phrase}": say which study, report or body, or cite it'


@pytest.mark.parametrize(
    "sentence",
    [
        "UN reports say the road is open.",
        "The ministry's sources claim the road is open.",
        "The deal is done, according to reports by the UN mission.",
        "A study by the World Bank showed that yields will fall.",
        "The research showed that yields will fall.",
    ],
)
def test_a_named_or_referred_source_is_not_vague(sentence: str) -> None:
    assert vague(sentence) == []


def test_a_figure_with_a_vague_source_is_reported_once_by_the_vague_rule() -> None:
    found = lint("A recent study showed that 40% of farmers sold their pumps.", select="citations")
    assert spans(found) == [(VAGUE, "A recent study showed", [])]


# --- a source named in words covers the next sentences of its paragraph ------------------


def test_a_worded_source_covers_the_next_sentences_of_its_paragraph() -> None:
    text = (
        "Unemployment rose to 4.7%, the ONS said. Claimants fell by 11,000 to 813,200. "
        "Throughout 2004, the number of people in work increased by 296,000.\n"
    )
    assert uncited(text) == []


def test_the_cover_ends_after_two_sentences() -> None:
    text = "The ONS said jobs rose. Pay rose too. Prices were flat. Rents rose by 12% in the year.\n"
    assert uncited(text) == ["12%"]


def test_a_sentence_that_opens_with_a_shift_is_the_writer_s_own() -> None:
    text = "Some 9,000 families returned, the IOM said. However, 312 families were displaced again.\n"
    assert uncited(text) == ["312 families"]


def test_a_citation_mark_covers_only_its_own_sentence() -> None:
    text = "Enrolment fell by 5% [3]. Some 200 schools closed in the spring.\n"
    assert uncited(text) == ["200 schools"]


def test_a_new_paragraph_needs_its_own_source() -> None:
    text = "Unemployment rose, the ONS said.\n\nSome 296,000 more people found work.\n"
    assert uncited(text) == ["296,000"]
