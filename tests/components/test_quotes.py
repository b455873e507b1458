"""Quote-mark scanner: marks of every kind, apostrophes, nesting, multi-paragraph, unbalanced."""

from hearsay.components.quotes import find_quotes


def contents(text):
    quotes, warnings = find_quotes(text)
    return [(text[q["content_start"]:q["content_end"]], q["depth"], q["marks"]) for q in quotes], warnings


def test_curly_double_quote_and_apostrophes_inside():
    text = "“It’s clear she’s starting over,” a source says. Travis’ rep said the ’90s don’t matter."
    found, warnings = contents(text)
    assert found == [("It’s clear she’s starting over,", 0, "curly")]
    assert warnings == []


def test_straight_double_quotes_open_and_close_by_position():
    text = 'He said "I\'m fine," and then "Go home." That was all.'
    found, _ = contents(text)
    assert [f[0] for f in found] == ["I'm fine,", "Go home."]
    assert all(f[2] == "straight" for f in found)


def test_single_quotes_as_quotes_in_a_headline():
    text = "Mayor calls plan 'a disgrace' as council votes. Rock 'n' roll, y'all, 'til dawn."
    found, warnings = contents(text)
    assert [f[0] for f in found] == ["a disgrace"]
    assert found[0][2] == "single"
    assert warnings == []


def test_possessive_after_s_is_not_a_quote_mark():
    text = "The Davis' house was sold. The players' union agreed. Nothing was quoted."
    found, warnings = contents(text)
    assert found == [] and warnings == []


def test_nested_single_inside_double():
    text = "“She told me ‘no way’ and left,” he said."
    found, _ = contents(text)
    assert ("She told me ‘no way’ and left,", 0, "curly") in found
    assert ("no way", 1, "single") in found


def test_multi_paragraph_quote_is_one_span():
    text = "“The first paragraph goes on.\n\n“The second one ends here,” she said.\n\nNarration."
    quotes, warnings = find_quotes(text)
    assert len(quotes) == 1 and warnings == []
    q = quotes[0]
    assert q["paragraphs"] == 2
    assert text[q["content_start"]:q["content_end"]].endswith("ends here,")
    assert text[q["content_start"]:q["content_end"]].startswith("The first paragraph")


def test_unbalanced_mark_warns_and_scanning_goes_on():
    text = "“This quote never closes.\n\nThe next paragraph has “a proper one” in it."
    found, warnings = contents(text)
    assert [f[0] for f in found] == ["a proper one"]
    assert len(warnings) == 1 and "character 0" in warnings[0]


def test_stray_closing_mark_warns():
    found, warnings = contents("No opening here” at all.")
    assert found == [] and len(warnings) == 1


def test_no_quotes_and_empty_text():
    assert find_quotes("") == ([], [])
    assert find_quotes("Plain narration with no marks at all.") == ([], [])


def test_unbalanced_quote_reaches_the_ledger_warnings(analyze):
    ledger = analyze("“This never closes, he said.\n\nThe council met on Monday.")
    assert any("unbalanced quote" in w for w in ledger.summary.warnings)


def test_two_apostrophes_as_a_double_quote():
    text = "''It's anti-reform,'' said Douglas Holtz-Eakin. The players' union agreed."
    quotes, warnings = find_quotes(text)
    assert [text[q["content_start"]:q["content_end"]] for q in quotes] == ["It's anti-reform,"]
    assert text[quotes[0]["start"]:quotes[0]["end"]] == "''It's anti-reform,''"
    assert warnings == []


def test_leading_elisions_are_not_quote_marks():
    text = "And ‘tis the season, says the shop. The Joneses’ dog barked at ’em all. 'We won,' he said."
    found, warnings = contents(text)
    assert [f[0] for f in found] == ["We won,"]
    assert warnings == []


def test_line_wrapped_quote_stays_one_quote():
    text = "Intro paragraph.\n\n“This quote is wrapped\nover two lines,” she said.\n\nNext paragraph."
    found, warnings = contents(text)
    assert found == [("This quote is wrapped\nover two lines,", 0, "curly")] and warnings == []


def test_single_newline_paragraphs_still_end_an_unclosed_quote():
    found, warnings = contents("“Never closed.\nThe next paragraph “is fine” here.")
    assert [f[0] for f in found] == ["is fine"] and len(warnings) == 1
