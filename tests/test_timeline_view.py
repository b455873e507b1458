"""The timeline as readers get it: every resolved date, in calendar order, labelled in words,
marked with the kind of source, and the dates that hang on a missing publication date."""

from __future__ import annotations

from hearsay.render.views import date_label

ARTICLE = (
    "The pair first met in June 2022 at a film festival in Toronto. "
    "They had exchanged letters since the spring of 2022, a friend said. "
    "Last week the couple moved to Lisbon, and on Saturday night they hosted a party."
)


def test_labels_read_as_people_say_dates():
    assert date_label("2022-SP", start="2022-03-01", end="2022-05-31") == "spring 2022"
    assert date_label("2024-W10", start="2024-03-04", end="2024-03-10") == "week of 4 March 2024"
    assert date_label("2024-03-09", text="Saturday night", year=2024) == "Saturday night, 9 Mar"
    assert date_label("2024-03-09", text="Saturday night", year=2023) == "Saturday night, 9 Mar 2024"
    assert date_label("2023-08", start="2023-08-05", end="2023-08-11") == "5–11 Aug 2023"
    assert date_label("2023-08", start="2023-08-01", end="2023-08-31") == "August 2023"
    assert date_label("2023-Q3") == "Q3 2023"
    assert date_label("2024-03-09T21:30") == "9 March 2024, 21:30"
    assert date_label("PAST_REF") == "the past"


def test_timeline_keeps_every_date_in_calendar_order_with_labels(analyze):
    ledger = analyze(ARTICLE, published="2024-03-12")
    labels = [e.label for e in ledger.timeline]
    assert labels.index("spring 2022") < labels.index("June 2022") < labels.index("week of 4 March 2024")
    assert "Saturday night, 9 Mar" in labels
    starts = [e.start for e in ledger.timeline]
    assert starts == sorted(starts)
    moved = next(c for c in ledger.claims if "moved to Lisbon" in c.span.text)
    assert len([e for e in ledger.timeline if e.claim == moved.id]) == 2, "both of the claim's dates are kept"
    letters = next(e for e in ledger.timeline if e.label == "spring 2022")
    assert letters.source_kind == "anonymous"
    assert next(e for e in ledger.timeline if e.label == "June 2022").source_kind == "author"


def test_spring_of_a_year_is_a_season_of_that_year(analyze):
    ledger = analyze(ARTICLE, published="2024-03-12")
    spring = next(t for t in ledger.times if "spring" in t.span.text)
    assert spring.span.text == "the spring of 2022"
    assert spring.value == "2022-SP"
    assert not any(t.value == "2024-SP" or (t.span.text == "2022" and t is not spring) for t in ledger.times)


def test_without_a_publication_date_the_guessed_dates_are_listed(analyze):
    undated = analyze(ARTICLE)
    assert undated.document.published_basis in ("inferred", "unknown")
    texts = {t.id: t.span.text for t in undated.times}
    unresolved = {texts[t] for t in undated.summary.unresolved_times}
    assert {"Last week", "Saturday night"} <= unresolved
    assert "June 2022" not in unresolved and "the spring of 2022" not in unresolved
    assert analyze(ARTICLE, published="2024-03-12").summary.unresolved_times == []


def test_the_season_of_a_year_is_one_time(analyze):
    for sentence, value in (
        ("In the spring of 2022, they moved to Paris.", "2022-SP"),
        ("The romance began in the autumn of 2021, a friend said.", "2021-FA"),
    ):
        ledger = analyze(sentence, published="2024-03-12")
        assert [(t.value) for t in ledger.times] == [value], sentence


def test_midnight_after_an_evening_is_that_evening_not_the_publication_day(analyze):
    ledger = analyze("On Saturday night they hosted a party that ran until after midnight.", published="2024-03-12")
    midnight = next(t for t in ledger.times if t.span.text == "midnight")
    assert midnight.value.startswith("2024-03-09")
    ledger = analyze("Last week the couple hosted a dinner that ran until after midnight.", published="2024-03-12")
    midnight = next(t for t in ledger.times if t.span.text == "midnight")
    assert not (midnight.value or "").startswith("2024-03-12")
    assert all(e.date != "2024-03-12" for e in ledger.timeline)


def test_views_say_which_dates_need_a_publication_date(analyze):
    from hearsay.render import render

    undated = analyze(ARTICLE)
    for fmt in ("md", "table"):
        out = " ".join(render(undated, fmt).split())
        assert "No publication date" in out and "“Last week”" in out
    dated = analyze(ARTICLE, published="2024-03-12")
    assert "No publication date" not in render(dated, "md")
