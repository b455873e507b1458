"""`hearsay trace` on ledger files and `hearsay match` on a claims TSV."""

from __future__ import annotations

import json

from hearsay.cli import main

from test_trace_core import corpus


def test_trace_reads_ledger_files_and_prints_json_table_and_exports(tmp_path, capsys):
    path = tmp_path / "ledgers.jsonl"
    lines = []
    for row, led in corpus():
        d = led.to_dict()
        d["document"]["published"] = row.published
        d["id"] = row.id
        lines.append(json.dumps(d))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["trace", str(path), "--format", "json"]) == 0
    trace = json.loads(capsys.readouterr().out)
    assert trace["copies"] == [["a1", "a2"]]
    assert main(["trace", str(path), "--format", "table", "--claim", "ferry terminal sale"]) == 0
    out = capsys.readouterr().out
    assert "One anonymous source (Bay Ledger" in out and "bicycle" not in out
    assert main(["trace", str(path), "--format", "jsonld"]) == 0
    ld = json.loads(capsys.readouterr().out)
    claim = ld["@graph"][0]
    assert claim["@type"] == "Claim" and claim["firstAppearance"]["identifier"] == "a1" and claim["author"]["name"]
    assert main(["trace", str(path), "--format", "prov"]) == 0
    prov = json.loads(capsys.readouterr().out)
    assert "wasAttributedTo" in prov and "wasDerivedFrom" in prov
    # PROV-JSON writes wasQuotedFrom as a derivation typed prov:Quotation
    assert any("Quotation" in json.dumps(d) for d in prov["wasDerivedFrom"].values())


def test_trace_reports_a_broken_record_and_goes_on(tmp_path, capsys):
    good = tmp_path / "ok.jsonl"
    row, led = corpus()[0]
    d = led.to_dict()
    d["id"] = "a1"
    good.write_text(json.dumps(d) + "\n{not json\n", encoding="utf-8")
    assert main(["trace", str(good)]) == 0
    assert "line 2" in capsys.readouterr().err


def test_match_ranks_candidate_claims(tmp_path, capsys):
    tsv = tmp_path / "claims.tsv"
    tsv.write_text("id\ttext\nc1\tThe mill will close in June\nc2\tThe bridge reopens Monday\n", encoding="utf-8")
    assert main(["match", "will the paper mill close?", str(tsv), "-k", "1"]) == 0
    assert capsys.readouterr().out.split("\t")[2] == "c1"
