"""Lexicon files: each has a typed schema, checked when it is loaded."""

from __future__ import annotations

import json

import pytest

from hearsay.errors import HearsayError
from hearsay.lexicon import load_lexicon, parse_lexicon
from hearsay.lexicon_schemas import SCHEMAS

from conftest import ROOT

LEXICONS = sorted(p.stem for p in (ROOT / "src" / "hearsay" / "lexicons" / "en").glob("*.json"))


def test_every_lexicon_file_has_a_schema_and_fits_it():
    assert set(LEXICONS) == set(SCHEMAS)
    for name in LEXICONS:
        assert load_lexicon(name)


def _text(name: str) -> dict:
    return json.loads((ROOT / "src" / "hearsay" / "lexicons" / "en" / f"{name}.json").read_text(encoding="utf-8"))


def test_a_misspelt_key_names_the_key_and_the_file():
    data = _text("checks")
    data["befor"] = data.pop("before")
    with pytest.raises(HearsayError) as err:
        parse_lexicon(json.dumps(data), "checks", "en/checks.json")
    assert "en/checks.json" in str(err.value)
    assert "unknown key 'befor'" in str(err.value) and "missing key 'before'" in str(err.value)


def test_a_value_of_the_wrong_type_is_refused():
    data = _text("claims")
    data["min_words"] = "three"
    with pytest.raises(HearsayError, match=r"en/claims.json: key 'min_words' should be int"):
        parse_lexicon(json.dumps(data), "claims", "en/claims.json")
    data = _text("claims")
    data["credit_phrases"].append(3)
    with pytest.raises(HearsayError, match=r"key 'credit_phrases' should be list\[str\]"):
        parse_lexicon(json.dumps(data), "claims", "en/claims.json")


def test_code_asking_for_a_key_the_lexicon_lacks_names_key_and_file():
    with pytest.raises(KeyError, match=r"lexicon en/relations.json has no key 'kin_nounz'"):
        load_lexicon("relations")["kin_nounz"]


def test_bad_json_names_file_and_line():
    with pytest.raises(HearsayError, match=r"en/quotes.json, line 2: not valid JSON"):
        parse_lexicon('{\n  "elisions": [,]\n}', "quotes", "en/quotes.json")
