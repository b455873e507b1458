"""The sourcing verdict and warnings, on hand-built claim records and real articles."""

from __future__ import annotations

from hearsay.components.summary import headline_claim


def test_headline_claim_matches_body_claim_by_words():
    text = "Mayor quits over ferry deal\n\nThe mayor quit on Tuesday. Reports say the ferry deal was steered."
    claims = [
        {"id": "C1", "start": 0, "end": 27, "source": "S1", "attribution": None},
        {"id": "C2", "start": 29, "end": 55, "source": "S1", "attribution": None},
        {"id": "C3", "start": 56, "end": 95, "source": "S2", "attribution": "A1"},
    ]
    assert headline_claim(claims, text, "Mayor quits over ferry deal")["id"] == "C3"
    assert headline_claim(claims, text, None) is None


def test_verdict_counts_unnamed_sources(analyze):
    text = (
        'A source close to the couple said the pair had split. "They are done," the source said. '
        '"It is over," the source added. The mayor said the festival would go ahead.'
    )
    ledger = analyze(text, published="2024-03-14")
    s = ledger.summary
    assert s.claims == len(ledger.claims)
    assert s.attributed == sum(1 for c in ledger.claims if c.attribution)
    assert sum(s.by_source_kind.values()) == s.claims
    assert s.verdict


def test_narration_only_verdict(analyze):
    ledger = analyze("The bridge reopened on Monday. Traffic was light.", published="2024-05-08")
    assert ledger.summary.attributed == 0
    assert "author's own" in ledger.summary.verdict


def test_non_english_text_gets_a_warning_and_is_still_analysed(analyze):
    text = (
        "Der Bürgermeister sagte am Dienstag, die Brücke werde im Mai wieder geöffnet. "
        "Die Arbeiten hätten länger gedauert als geplant, erklärte die Stadtverwaltung in einer Mitteilung."
    )
    ledger = analyze(text, published="2024-03-14")
    assert any("does not look like English" in w for w in ledger.summary.warnings)
    assert ledger.claims


def test_english_text_gets_no_language_warning(analyze):
    ledger = analyze("The mayor said on Tuesday that the bridge would reopen in May after repairs ran long.", published="2024-03-14")
    assert not any("English" in w for w in ledger.summary.warnings)
