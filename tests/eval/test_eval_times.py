"""The times runner's error classes and listings on hand-made TimeML documents (the TempEval-3
scorer itself is tested with the TimeML reader)."""

from __future__ import annotations

from hearsay.eval.run_times import error_classes, value_errors
from hearsay.eval.timeml import TimexRec, parse_timeml

TML = """<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Shares fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> of gains.</TEXT></TimeML>"""


def test_error_classes_split_missed_and_wrong_values():
    doc = parse_timeml(TML, "d1")
    assert doc.dct == "1998-01-08" and [t.text for t in doc.timexes] == ["yesterday", "three days"]
    pred = {"d1": [TimexRec(doc.timexes[0].start, doc.timexes[0].end, "DATE", "1998-01-06")]}
    assert error_classes([doc], pred) == {"wrong value DATE": 1, "missed DURATION": 1}
    errs = value_errors([doc], pred, 5)
    assert errs[0]["gold"] == "1998-01-07" and errs[0]["predicted"] == "1998-01-06"
    assert errs[1]["predicted"] is None


def test_no_predictions_at_all():
    doc = parse_timeml(TML, "d1")
    assert error_classes([doc], {}) == {"missed DATE": 1, "missed DURATION": 1}
