"""TimeML reading and TempEval-3 scoring on hand-made documents (and the real corpus when present)."""

from __future__ import annotations

from conftest import DATASETS, need
from hearsay.eval.timeml import TimexRec, parse_timeml, read_timeml, read_timeml_dir, score_timex

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> at AT&amp;T, and
talks lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_strips_tags_and_keeps_offsets():
    doc = parse_timeml(TML, "T1")
    assert doc.dct == "1998-08-07"
    assert "<" not in doc.text and "AT&T" in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [("Friday", "DATE", "1998-08-07"),
                                                                 ("three days", "DURATION", "P3D")]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def _pred(doc, text, value, typ="DATE", shift=0):
    start = doc.text.index(text) + shift
    return TimexRec(start, start + len(text) - shift, typ, value)


def test_scores_strict_relaxed_value_and_type():
    doc = parse_timeml(TML, "T1")
    preds = {"T1": [_pred(doc, "Friday", "1998-08-07"), _pred(doc, "three days", "P2D", "DATE", shift=6)]}
    s = score_timex([doc], preds)
    assert s["strict"]["correct"] == 1          # "days" only overlaps "three days"
    assert s["relaxed"]["correct"] == 2
    assert s["value"]["correct"] == 1           # P2D is wrong
    assert s["value"]["precision"] == 0.5 and s["value"]["recall"] == 0.5
    assert s["type_accuracy"] == 0.5


def test_no_predictions_and_duplicates():
    doc = parse_timeml(TML, "T1")
    assert score_timex([doc], {})["value"]["f1"] == 0.0
    friday = _pred(doc, "Friday", "1998-08-07")
    s = score_timex([doc], {"T1": [friday, friday]})
    assert s["relaxed"]["correct"] == 1         # one gold timex matches one prediction only
    assert s["predicted"] == 2


def test_week_spellings_compare_equal():
    doc = parse_timeml(TML.replace('value="1998-08-07">Friday', 'value="1998-W6">Friday'), "T1")
    s = score_timex([doc], {"T1": [_pred(doc, "Friday", "1998-W06")]})
    assert s["value"]["correct"] == 1


def test_malformed_file_is_reported_not_raised(tmp_path):
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>a </TIMEX3> b</TEXT></TimeML>", encoding="utf-8")
    (tmp_path / "good.tml").write_text(TML, encoding="utf-8")
    docs, errors = read_timeml_dir(tmp_path)
    assert [d.name for d in docs] == ["good"]
    assert len(errors) == 1 and "bad.tml" in errors[0]


def test_real_timebank_file_reads():
    path = need(DATASETS / "tempeval3" / "TBAQ-cleaned" / "AQUAINT" / "APW19980807.0261.tml")
    doc = read_timeml(path)
    assert doc.name == "APW19980807.0261" and doc.dct == "1998-08-07"
    assert doc.timexes and all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
