"""Generate docs/benchmarks.md: hearsay's accuracy beside the peers on every visible dataset,
and its speed against bare spaCy, each measured in one run.

    python benchmarks/make_docs.py                 # measure everything, then write the page
    python benchmarks/make_docs.py --steps gold    # re-measure one part (gold|devset|polnear|modes|times|bench)
    python benchmarks/make_docs.py --render-only   # rewrite the page from benchmarks/results/*.json

Each step runs the same code as the `hearsay eval` / `hearsay bench` command shown beside its
table, and keeps its raw report in benchmarks/results/STEP.json. The closing note
(benchmarks/closing-note.md) is written by people after reading real errors, and included as is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
NOTE = ROOT / "benchmarks" / "closing-note.md"

sys.path.insert(0, str(ROOT / "src"))

from hearsay.eval.gate import shared_dir  # noqa: E402
from hearsay.eval.tables import table  # noqa: E402

STEPS = ("gold", "devset", "polnear", "modes", "times", "bench", "corpus", "web", "trace", "match", "trace_bench", "scaling")
#: the project's own development set: dev is read while improving, test only scored
DEVSET = {"dev": "eval/dev-articles/dev", "test": "eval/dev-articles/test", "fresh": "eval/dev-articles/fresh",
          "blind": "eval/dev-articles/blind"}
#: batches added to dev later, each written before hearsay ran on it: their first score (on the code
#: they were written against) is an unseen-article figure, so it is shown beside their score now
DEV_BATCHES = {"src4": "src4-", "rel4": "rel4-"}
#: the project's own cascade corpora (eval/NAME), scored beside cascades-dev in the trace step
OWN_CASCADES = ("cascades-own", "cascades-own2")
#: the sizes `scaling` measures: the full 10 KB … 10 MB range of `hearsay bench scaling` (on the
#: shared 2-core machine the 10 MB article takes some ten minutes of CPU)
SCALING_PROSE = "10k,30k,100k,300k,1M,3M,10M"
TBAQ = ["datasets/tempeval3/TBAQ-cleaned/TimeBank", "datasets/tempeval3/TBAQ-cleaned/AQUAINT"]


def command(step: str) -> str:
    return {
        "gold": "hearsay eval gold ../shared/datasets/news-gold ../shared/articles --peer textacy",
        "devset": "hearsay eval gold eval/dev-articles/dev; hearsay eval gold eval/dev-articles/test; hearsay eval gold eval/dev-articles/fresh; "
                  "hearsay eval gold eval/dev-articles/blind",
        "polnear": "hearsay eval attribution --polnear ../shared/datasets/polnear/dev --peer textacy",
        "modes": "hearsay eval attribution --polnear ../shared/datasets/polnear/dev --modes rules,model,combined",
        "times": "hearsay eval times --timeml ../shared/datasets/tempeval3/TBAQ-cleaned/TimeBank "
                 "--timeml ../shared/datasets/tempeval3/TBAQ-cleaned/AQUAINT --peer dateparser --peer heideltime",
        "bench": "hearsay bench ../shared/datasets/polnear/dev --processes 1,2 --repeat 2 --stages",
        "corpus": "hearsay bench corpus ../shared/datasets/polnear/dev",
        "corpus-scale": "python benchmarks/corpus_scale.py --articles 10000 --processes 2",
        "web": "python benchmarks/web_load.py --requests 48 --concurrency 16 --quotes 20000",
        "scaling": f"nice hearsay bench scaling --prose-sizes {SCALING_PROSE}",
        "trace": "hearsay eval trace ../shared/datasets/cascades-dev/gold.json ../shared/datasets/cascades-dev/articles; "
                 "hearsay eval trace eval/cascades-own/gold.json eval/cascades-own/articles; "
                 "hearsay eval trace eval/cascades-own2/gold.json eval/cascades-own2/articles",
        "match": "hearsay eval match --clef2020 ../shared/datasets/clef2020-claims/dev --matcher bm25|embed|hybrid",
        "trace_bench": "hearsay bench trace",
    }[step]


def run_step(step: str, shared: Path) -> dict:
    t0 = time.perf_counter()
    if step == "gold":
        from hearsay.eval.run_gold import evaluate

        report = evaluate([str(shared / "datasets" / "news-gold"), str(shared / "articles")], peers=["textacy"])
    elif step == "devset":
        report = devset_totals(shared)
    elif step == "polnear":
        from hearsay.eval.run_polnear import evaluate

        report = evaluate(str(shared / "datasets" / "polnear" / "dev"), peers=["textacy"], n_errors=8)
    elif step == "modes":
        from hearsay.eval.run_polnear import evaluate

        report = evaluate(str(shared / "datasets" / "polnear" / "dev"), modes=["rules", "model", "combined"])
    elif step == "times":
        from hearsay.eval.run_times import evaluate

        report = evaluate([str(shared / p) for p in TBAQ], peers=["dateparser", "heideltime"], n_errors=15)
    elif step == "trace":
        from hearsay.eval.run_trace import evaluate

        report = evaluate(str(shared / "datasets" / "cascades-dev" / "gold.json"), str(shared / "datasets" / "cascades-dev" / "articles"))
        report["own"] = {name: evaluate(str(ROOT / "eval" / name / "gold.json"), str(ROOT / "eval" / name / "articles"))
                         for name in OWN_CASCADES if (ROOT / "eval" / name / "gold.json").is_file()}
    elif step == "match":
        from hearsay.eval.clef import evaluate
        from hearsay.trace import embed

        split = str(shared / "datasets" / "clef2020-claims" / "dev")
        matchers = ["bm25"] + (["embed", "hybrid"] if embed.available() else [])
        report = {"matchers": {m: evaluate(split, matcher=m) for m in matchers}}
    elif step == "trace_bench":
        from hearsay.eval.bench_trace import benchmark

        report = benchmark(str(shared / "datasets" / "cascades-dev" / "articles"))
    elif step == "corpus":
        from hearsay.bench import read_texts
        from hearsay.corpus.bench import benchmark_corpus

        report = benchmark_corpus(read_texts(shared / "datasets" / "polnear" / "dev"))
    elif step == "scaling":
        from hearsay.scaling import QUOTE_SIZES, parse_sizes, scaling

        report = scaling(parse_sizes(SCALING_PROSE, ()), QUOTE_SIZES,
                         progress=lambda row: print(f"  scaling: {row}", file=sys.stderr, flush=True))
    elif step == "web":
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from web_load import measure

        report = measure(requests=48, concurrency=16, quotes=20_000)
    else:
        from hearsay.bench import benchmark, profile

        path = str(shared / "datasets" / "polnear" / "dev")
        report = benchmark(path, processes=(1, 2), repeat=2)
        report["stages"] = profile(path, None, 16)
    report["_run"] = {"command": command(step), "seconds": round(time.perf_counter() - t0, 1),
                      "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
    return report


def _f(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def devset_totals(shared: Path | None = None) -> dict:
    """Totals only, per split: the held-out test part's per-article errors are never stored, so
    nobody tunes on them by reading this folder. PolNeAR dev and TimeBank+AQUAINT are rescored
    (hearsay alone) in the same run, so the rules' changes show on public data beside them."""
    import hearsay
    from hearsay.eval import run_gold, run_polnear, run_times

    nlp = hearsay.load_pipeline()
    out = {}
    for split, folder in DEVSET.items():
        if not (ROOT / folder / "gold").is_dir():
            continue
        report = run_gold.evaluate([str(ROOT / folder)], nlp=nlp)
        out[split] = {"articles": len(report["articles"]), "total": report["systems"]["hearsay"]["total"]}
    for batch, prefix in DEV_BATCHES.items():
        with tempfile.TemporaryDirectory() as tmp:
            for sub in ("articles", "gold"):
                (Path(tmp) / sub).mkdir()
                for f in (ROOT / DEVSET["dev"] / sub).glob(prefix + "*"):
                    (Path(tmp) / sub / f.name).symlink_to(f)
            report = run_gold.evaluate([tmp], nlp=nlp)
        out[f"dev-{batch}"] = {"articles": len(report["articles"]), "total": report["systems"]["hearsay"]["total"]}
    if shared is not None:
        pol = run_polnear.evaluate(str(shared / "datasets" / "polnear" / "dev"), nlp=nlp)
        out["polnear_dev"] = {k: pol["systems"]["hearsay"]["scores"][k]["overlap"]["f1"] for k in ("content", "source", "cue")}
        tml = run_times.evaluate([str(shared / p) for p in TBAQ], nlp=nlp)
        out["timebank_aquaint"] = {k: tml["systems"]["hearsay"][k]["f1"] for k in ("value", "relaxed", "strict")}
    return out


DEVSET_ROWS = [("attribution", "attribution (content >= 1/2 gold), F1"), ("attribution_source", "attribution with correct source, F1"),
               ("time_value", "time value, F1 (calendar times)"), ("ages", "ages, F1"), ("relations", "relations (type, a, b), F1"),
               ("hedges", "hedge words, F1")]


def _devset_table(columns: list[tuple[str, dict]]) -> str:
    """One column per (heading, report total): the same rows for every split and batch."""
    cols = [t for _, t in columns]
    rows = [[label] + [_f(t[k]["f1"]) for t in cols] for k, label in DEVSET_ROWS]
    rows.append(["relations recall"] + [f"{_f(t['relations']['recall'])} ({t['relations']['tp']}/{t['relations']['gold']})" for t in cols])
    rows.append(["anonymous-voice count exact"] + [f"{t['anonymous_sources']['exact']} of {t['anonymous_sources']['articles']}" for t in cols])
    rows.append(["contradictions found / false"] + [f"{t['contradictions']['found']} of {t['contradictions']['gold']} / "
                                                     f"{t['contradictions']['false_conflicts']}" for t in cols])
    return table(["measure"] + [h for h, _ in columns], rows, markdown=True)


def devset_section(r: dict) -> str:
    """Before (the code the set was written against, benchmarks/results/devset-before.json) and now."""
    before = _load("devset-before") or {}
    columns = []
    for split in DEVSET:
        for label, rep in (("before", before.get(split)), ("now", r.get(split))):
            if rep:
                columns.append((f"{split} {label} ({rep['articles']})", rep["total"]))
    batches = []
    for batch in DEV_BATCHES:
        for label, rep in (("first", before.get(f"dev-{batch}")), ("now", r.get(f"dev-{batch}"))):
            if rep:
                batches.append((f"dev {batch}-* {label} ({rep['articles']})", rep["total"]))
    n = {split: (r.get(split) or {}).get("articles", "?") for split in DEVSET}
    total = sum(v for v in n.values() if isinstance(v, int))
    intro = (f"{total} original fictional articles in `eval/dev-articles/` (celebrity, politics, business, courts, health and "
             "science, sports, local news, obituaries, wire copy, Q&A interviews, corrections), each annotated and committed "
             f"before hearsay was run on it. `dev` ({n['dev']}) is read while improving the rules; `test` ({n['test']}) is held "
             f"out and only scored; `fresh` ({n['fresh']}) was written in a later session, against the code of that session's "
             f"start, and is held out the same way; `blind` ({n.get('blind', '?')}) was written in the session after that, the same way, "
             "so `fresh` and `blind` are the closest figures to what users get on their own articles. "
             "*Before* is the code each split was written against (scored with the same scorer; dev's later additions were "
             "written against later code); *now* is this run.\n")
    out = intro + "\n" + _devset_table(columns)
    if batches:
        out += ("\nArticles added to `dev` later, each batch written and annotated before hearsay ran on it: *first* is "
                "its score on the code it was written against, an unseen-article figure like `fresh` and `blind`; *now* "
                "is this run, after its errors were read and the rules mended, so it is development data now.\n\n"
                + _devset_table(batches) + "\n")
    public = [("polnear_dev", "PolNeAR dev, overlap F1", ("content", "source", "cue")),
              ("timebank_aquaint", "TimeBank+AQUAINT F1", ("value", "relaxed", "strict"))]
    prow = [[f"{label}: {k}", _f(before.get(key, {}).get(k)), _f(r.get(key, {}).get(k))]
            for key, label, ks in public for k in ks if key in r]
    if prow:
        out += ("\nThe same run on public data (hearsay alone; *before* is the last stored full run before this "
                f"work, {before.get('_public_before', '?')}):\n\n" + table(["measure", "before", "now"], prow, markdown=True))
    return out


def gold_section(r: dict) -> str:
    keys = [("attribution", "attribution (content overlaps >= 1/2 gold)"), ("attribution_source", "attribution with correct source"),
            ("time_value", "time value"), ("ages", "ages"), ("relations", "relations (type, a, b)"), ("hedges", "hedge words")]
    systems = list(r["systems"])
    rows = []
    for k, label in keys:
        row = [label]
        for s in systems:
            t = r["systems"][s]["total"][k]
            row.append(f"{_f(t['precision'])} / {_f(t['recall'])} / **{_f(t['f1'])}**" if s == "hearsay" else
                       f"{_f(t['precision'])} / {_f(t['recall'])} / {_f(t['f1'])}")
        rows.append(row)
    t = r["systems"]["hearsay"]["total"]
    out = [f"{len(r['articles'])} articles ({', '.join(r['articles'])}); P / R / F1. textacy only finds direct quotes "
           "and does not resolve pronoun speakers, so it has no times, ages or relations.\n",
           table(["measure"] + systems, rows, markdown=True)]
    a = t["anonymous_sources"]
    c = t["contradictions"]
    out.append(f"\nhearsay, on matched attributions: source accuracy {_f(t['source_accuracy']['accuracy'])}, "
               f"type accuracy {_f(t['type_accuracy']['accuracy'])}, cue accuracy {_f(t['cue_accuracy']['accuracy'])}; "
               f"anonymous-voice count exact in {a['exact']} of {a['articles']} articles (total abs. error {a['abs_error']}); "
               f"contradictions: {c['gold']} in gold, {c['predicted']} flagged, {c['false_conflicts']} false conflicts.\n")
    return "\n".join(out)


def polnear_section(r: dict) -> str:
    rows = []
    labels = [("content", "content"), ("source", "source"), ("cue", "cue"), ("content+source", "content + its source"),
              ("quoted", "content, quoted"), ("unquoted", "content, no quote marks")]
    for key, label in labels:
        for s, rep in r["systems"].items():
            sc = rep["scores"].get(key)
            if not sc:
                continue
            ex, ov = sc.get("exact"), sc["overlap"]
            rows.append([label, s, _f(ex["f1"]) if ex else "-", _f(ov["precision"]), _f(ov["recall"]), _f(ov["f1"]), ov["gold"]])
    out = [f"{r['texts']} texts, {r['words']} words, {r['gold_attributions']} gold attributions (first annotator per text).\n",
           table(["span", "system", "exact F1", "overlap P", "overlap R", "overlap F1", "gold"], rows, markdown=True)]
    ec = r["systems"].get("hearsay", {}).get("error_classes", {})
    if ec:
        out.append("\nhearsay's misses and spurious attributions by class (content overlap):\n")
        out.append(table(["class", "missed"], [[k, v] for k, v in ec.get("missed", {}).items()], markdown=True))
        out.append(table(["class", "spurious"], [[k, v] for k, v in ec.get("spurious", {}).items()], markdown=True))
        out.append("Most frequent cues of missed gold attributions: " +
                   ", ".join(f"{k} ({v})" for k, v in list(ec.get("missed_cue", {}).items())[:10]) + ".\n")
        out.append("Most frequent cues of spurious predictions: " +
                   ", ".join(f"{k} ({v})" for k, v in list(ec.get("spurious_cue", {}).items())[:10]) + ".\n")
    return "\n".join(out)


def times_section(r: dict) -> str:
    rows = []
    for s, sc in r["systems"].items():
        rows.append([s, _f(sc["strict"]["f1"]), _f(sc["relaxed"]["precision"]), _f(sc["relaxed"]["recall"]), _f(sc["relaxed"]["f1"]),
                     _f(sc["value"]["precision"]), _f(sc["value"]["recall"]), f"**{_f(sc['value']['f1'])}**", _f(sc["type_accuracy"]), sc["predicted"]])
    out = [f"{r['documents']} documents, {r['gold_timexes']} gold TIMEX3 (TEXT element; DCT as the publication date).\n",
           table(["system", "strict F1", "relaxed P", "relaxed R", "relaxed F1", "value P", "value R", "value F1", "type acc", "predicted"], rows, markdown=True)]
    out.append("\nError classes over gold TIMEX3 (missed = no overlapping prediction; wrong value = overlap, other value):\n")
    classes = sorted({k for sc in r["systems"].values() for k in sc["error_classes"]})
    out.append(table(["class"] + list(r["systems"]), [[c] + [sc["error_classes"].get(c, 0) for sc in r["systems"].values()] for c in classes], markdown=True))
    return "\n".join(out)


def bench_section(r: dict) -> str:
    from hearsay.bench import render

    m = r["machine"]
    out = [f"{r['texts']} texts, {r['words']} words (PolNeAR dev); best of {r['repeat']} runs per configuration, each in a fresh process; "
           f"loading not timed. Machine: {m.get('cpu', '?')}, {m.get('cpus')} CPUs ("
           + (f"load average {', '.join(f'{x:.1f}' for x in m['load_average'])} at the start" if m.get("load_average")
              else "load not recorded") + "), "
           f"Python {m.get('python')}, spaCy {m.get('spacy')}.\n", render(r, markdown=True)]
    return "\n".join(out)


def modes_section(r: dict) -> str:
    """The three attribution modes side by side (see src/hearsay/components/attribution/learned.py)."""
    meta = json.loads((ROOT / "src" / "hearsay" / "models" / "attribution" / "meta.json").read_text(encoding="utf-8"))
    sc = {name.split()[-1]: rep["scores"] for name, rep in r["systems"].items()}
    lines = ["*rules*: the rule passes alone; *model*: the learned tagger alone; *combined*: the rules plus each "
             "parse-linked, confident model attribution that overlaps none of theirs (the default).\n",
             f"The tagger: `make train` (`train/attribution.cfg`, seed 1, CPU) on PolNeAR train, on the English model's "
             f"frozen tok2vec; weights shipped in `src/hearsay/models/attribution/model.bin`, "
             f"{meta['weights_bytes'] / 1e6:.2f} MB of arrays ({len(meta['labels'])} tag names, no vocabulary or corpus strings).\n"]
    if {"rules", "combined"} <= set(sc):
        d = {k: sc["combined"][k]["overlap"]["f1"] - sc["rules"][k]["overlap"]["f1"] for k in ("content", "source", "cue")}
        lines.append("Combined against rules, overlap F1: " + ", ".join(f"{k} {v:+.3f}" for k, v in d.items()) +
                     "; the default is the mode with the better content and source scores here, with the gold-article "
                     "floors of `eval/baseline.json` holding.\n")
    return "\n".join(lines) + "\n" + polnear_section(r)


def corpus_section(r: dict) -> str:
    from hearsay.corpus.bench import render_corpus

    m = r["machine"]
    load = r.get("load_average", [])
    contended = bool(load) and load[0] >= (m.get("cpus") or 2) / 2
    return "\n".join([
        f"{r['texts']} texts, {r['words']} words (PolNeAR dev) as one JSONL corpus; each configuration in a fresh process "
        f"into a fresh SQLite store, timed from before its model loads to its last article (start-up paid once; the "
        f"steady rate after the first results beside it; Ray streams results in bursts, so its steady rate means "
        f"little); *storing s* is the time the writer spent in `Store.put`. Machine: {m.get('cpu', '?')}, {m.get('cpus')} CPUs "
        f"(load average {', '.join(f'{x:.1f}' for x in load)} at the start).\n",
        render_corpus(r, markdown=True),
        "Against the goals: storing costs the share of the run shown above (goal ≤ 10 %). Two processes and Ray can "
        "only beat one process when two CPUs are free; "
        + (f"while this was measured the CPUs were busy with other jobs (load average {load[0]:.1f} on "
           f"{m.get('cpus')} CPUs), so those two ratios measure contention, not scaling — rerun `hearsay bench corpus` "
           "on an idle machine for them. " if contended else
           "the machine was otherwise idle at the start of this run. With 84 short texts, Ray's start-up (the "
           "cluster and two actors) is most of its time; its steady rate is the one that carries to long runs. ")
        + "Peak worker memory is compared at half and full corpus.\n"])


def scale_section(r: dict) -> str:
    per_worker = r["articles_per_s_resumed_run"] / max(1, r["processes"])
    hours = {n: 1_000_000 / (per_worker * n) / 3600 for n in (2, 16, 64, 256)}
    return "\n".join([
        f"{r['articles_requested']} articles ({r['words']} words; two consecutive paragraphs of a PolNeAR text each), "
        f"`--processes {r['processes']}` into SQLite. The first run was killed with SIGKILL after {r['killed_after_s']} s "
        f"with {r['stored_when_killed']} articles stored; the same command then ran to the end in {r['resumed_s']} s "
        f"(`{r['resumed_summary']}`, exit {r['resumed_exit']}).\n",
        f"End state: {r['articles']} articles, {r['distinct_ids']} distinct ids, {r['distinct_texts']} distinct texts, "
        f"{r['ledgers']} ledgers, {r['claims']} claims, {r['failures']} failures; store file {r['store_mib']} MiB.\n",
        f"Rate of the resumed run: {r['articles_per_s_resumed_run']} articles/s on {r['cpus']} shared CPUs "
        f"({per_worker:.2f} per worker). Extrapolated to 1 M articles of this length, assuming each Ray worker keeps this "
        "per-worker rate and the single writer keeps up (the corpus benchmark above measures what storing costs; a "
        "cluster would write to PostgreSQL): " + ", ".join(f"{n} workers ≈ {h:.1f} h" for n, h in hours.items()) + ". "
        "Full news articles are about 8 times longer than these; time grows with words.\n"])
def web_section(r: dict) -> str:
    one, two, h = r["phases"]["workers_1"], r["phases"]["workers_2"], r["health"]
    rows = [[f"{n} worker{'s' if n > 1 else ''}", p["requests"], p["concurrency"], p["per_second"], p["p50_ms"], p["p99_ms"], p["errors"]]
            for n, p in ((1, one), (2, two))]
    out = [f"A {r['article_words']}-word article (each request a different text), `hearsay serve` on loopback, "
           f"{r['_run'].get('cores', '?')} cores shared with whatever else ran"
           + (f" (1-minute load average {r['_run']['load_average'][0]} at the start, {r['_run']['load_average'][1]} at the end)"
              if r["_run"].get("load_average") else " (load average not recorded)") + ".\n",
           table(["analysis", "requests", "concurrency", "req/s", "p50 ms", "p99 ms", "errors"], rows, markdown=True),
           f"\n2 workers vs 1: **{r['speedup_2_vs_1']}×** the throughput (goal ≥ 1.7×)."
           + (" The machine was oversubscribed during this run (load average above its core count): a second worker "
              "found no free core to run on, so this run cannot show the gain of a second worker; `make bench-web` on an "
              "idle machine measures it." if max(r["_run"].get("load_average") or [0]) > (r["_run"].get("cores") or 1) else "")
           + "\n",
           f"`/health` while one request of {h['quote_marks']:,} straight quote marks was analysed "
           f"(answered {h['pathological_status']}: {h['pathological_answer']}): {h['health_requests']} polls, "
           f"p50 {h['health_p50_ms']} ms, **p99 {h['health_p99_ms']} ms** (goal < 100 ms), max {h['health_max_ms']} ms, "
           f"{h['health_errors']} errors. Errors over the whole run: {r['errors']}.\n"]
    return "\n".join(out)


def scaling_section(r: dict) -> str:
    from hearsay.scaling import render

    m = r["machine"]
    return "\n".join([
        "One article of growing size, each size in a fresh process (its peak RSS is its own; loading the model is "
        "about 150 MiB of it): prose is the bundled example article repeated paragraph by paragraph, quotes a run of "
        "straight quote marks. Exponents are fitted on log-log over the larger sizes; CPU time is the figure to read "
        "on a shared machine, where the wall clock also counts others' work. Machine: "
        f"{m.get('cpu', '?')}, {m.get('cpus')} CPUs, shared with other work while measured.\n",
        render(r, markdown=True), _largest_article(r)])


def _largest_article(r: dict) -> str:
    """The largest article measured, against the goal of 10 MB under 2 GB peak memory."""
    prose = [x for x in r["runs"] if x["kind"] == "prose"]
    if not prose:
        return ""
    x = max(prose, key=lambda row: row["chars"])
    return (f"\nThe largest article, {x['chars']:,} characters: {x['seconds']} s ({x['cpu_seconds']} s CPU), peak RSS "
            f"**{x['peak_rss_mib']:,.0f} MiB**, {x['claims']:,} claims (goal for 10 MB: under 2 GB).\n")


def trace_section(r: dict) -> str:
    from hearsay.eval.run_trace import render

    out = ("Cascade corpus scored by the rules of its README (pairwise clustering over gold mentions, origins, "
           "citations, copies, roles). Lexical claim matching (the default).\n\n```\n" + render(r) + "```\n")
    for name, rep in (r.get("own") or {}).items():
        out += (f"\n`eval/{name}/`, the project's own invented corpus in the same format, written and annotated before "
                "hearsay ran on it; its first (unseen) score and what its misses taught are in docs/trace.md, and having "
                "been read it is development data now:\n\n```\n" + render(rep) + "```\n")
    return out


def match_section(r: dict) -> str:
    rows = [[m, x["map@5"], x["mrr"]] for m, x in r["matchers"].items()]
    out = [f"{next(iter(r['matchers'].values()))['queries']} dev tweets against "
           f"{next(iter(r['matchers'].values()))['claims']} verified claims.\n", table(["matcher", "MAP@5", "MRR"], rows, markdown=True)]
    if "embed" not in r["matchers"]:
        out.append("\n_MiniLM rows (`--matcher embed`, `--matcher hybrid`) need the `[embed]` extra (installed by `make install`) "
                   "and were not part of this run; docs/trace.md gives them as measured on the same split, and why the hybrid is "
                   "the default where the extra is installed._\n")
    return "\n".join(out)


def trace_bench_section(r: dict) -> str:
    from hearsay.eval.bench_trace import render

    loads = [x["load_average"][0] for x in r["runs"] if x.get("load_average")]
    load = (f"1-minute load average {min(loads):.1f} to {max(loads):.1f} at the start of the runs"
            if loads else "load average not recorded")
    return ("Synthetic corpora recombined from cascades-dev, every content word renamed per world to a made-up word "
            "no other world uses (so worlds share no story and no rare word); each size traced in a "
            f"fresh process on a machine shared with other jobs ({load}). The growth exponent and the 1 M extrapolation "
            "come from the CPU seconds of the trace process, which other jobs do not inflate; the wall-clock seconds and "
            "their exponent are shown beside them.\n\n```\n" + render(r) + "```\n")


SECTIONS = [
    ("gold", "Gold articles (the whole ledger)", gold_section),
    ("devset", "Development set: articles the rules were not written on", devset_section),
    ("polnear", "Attribution: PolNeAR dev", polnear_section),
    ("modes", "Attribution modes: rules, learned model, combined (PolNeAR dev)", modes_section),
    ("times", "Times: TimeBank + AQUAINT (TempEval-3 training data)", times_section),
    ("bench", "Speed: hearsay against bare spaCy", bench_section),
    ("corpus", "Corpus runs: storing, processes and Ray", corpus_section),
    ("corpus-scale", "A 10,000-article run, killed and resumed", scale_section),
    ("web", "Web server under load", web_section),
    ("scaling", "Scaling: one article from 10 KB to megabytes", scaling_section),
    ("trace", "Trace: cascades-dev and the project's own cascade corpora", trace_section),
    ("match", "Claim matching: CLEF 2020 CheckThat! Task 2 dev", match_section),
    ("trace_bench", "Trace speed and scale", trace_bench_section),
]

CONVENTIONS = """## How the scores are computed

- **Gold articles** (`hearsay eval gold`): a predicted attribution matches a gold one when the contents overlap by at
  least half the gold content's characters (greedy one-to-one); it is *correct* when its source resolves to the gold
  source: the source's entity name or one of its mention texts equals the gold name or an alias, the same anonymous
  voice (predicted anonymous sources are mapped one-to-one onto gold labels), or the same kind for REPORTS, OUTLET
  and DOCUMENT (names compare without a leading "the"). Only calendar times are scored (dates, months, years,
  weeks, ranges; durations, repeats and vague references are never gold time values). Times match on overlapping
  text and an equal value, or a range equal to a gold `a/b`; a repeated
  mention of an expression already matched with the same value is neither credited nor penalised. Contradictions in
  the gold are prose, so counts are compared: conflicts beyond the gold count are false conflicts.
- **PolNeAR** (`hearsay eval attribution`): content, source and cue spans are each matched greedily one-to-one.
  *Overlap*: any shared character. *Exact*: the same span after ignoring surrounding whitespace, quote marks and
  final punctuation (`.,;:!?…`). hearsay's pieces of a quote split by its cue are merged into one attribution before
  scoring (PolNeAR has one attribution per cue). *Content + its source*: a content match whose paired source spans
  overlap too. *Quoted*: a double quote mark inside the content or right beside it.
- **TimeML** (`hearsay eval times`): TempEval-3 task A: strict span (identical offsets), relaxed span (overlap,
  one-to-one), value F1 (relaxed match with an equal value), type accuracy over relaxed matches.
- **Speed** (`hearsay bench`): words are whitespace-separated tokens of the input; *bare* is the pinned English
  model's `nlp.pipe`, *hearsay* is the full pipeline plus Doc → Ledger for every text.
- **Gate**: `hearsay eval gate` reruns a fixed subset (every 2nd PolNeAR dev text, every 8th TimeML document, all gold
  articles) against the floors in `eval/baseline.json`; `--update` rewrites them at measured minus 0.01.
"""


def _load(step: str) -> dict | None:
    path = RESULTS / f"{step}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def fill_note(note: str) -> str:
    """The closing note's @FIELDS@ filled from the measured results (so its numbers never go stale)."""
    from hearsay.bench import stage_ratio

    values: dict[str, str] = {}
    pol, times, bench = _load("polnear"), _load("times"), _load("bench")

    def put(name: str, value, aim: float):
        values[name] = "-" if value is None else f"{value:.3f}"
        values[name + "_OK"] = "-" if value is None else ("yes" if value >= aim else "no")

    if pol:
        sc = pol["systems"]["hearsay"]["scores"]
        put("CONTENT", sc["content"]["overlap"]["f1"], 0.75)
        put("SOURCE", sc["source"]["overlap"]["f1"], 0.70)
    if times:
        put("VALUE", times["systems"]["hearsay"]["value"]["f1"], 0.80)
    if bench:
        timed = bench.get("ratio", {}).get("1")
        prof = stage_ratio(bench["stages"]) if bench.get("stages") else None
        values["SPEED"] = "-" if timed is None else f"{timed:.3f}"
        values["SPEED_PROFILE"] = "-" if prof is None else f"{prof:.3f}"
        for key, aim in (("SPEED_OK", 0.85), ("SPEED_OK80", 0.80)):
            yn = lambda v, aim=aim: "-" if v is None else ("yes" if v >= aim else "no")  # noqa: E731
            values[key] = f"timed: {yn(timed)}; profile: {yn(prof)}"
            if bench.get("cpu_ratio", {}).get("1") is not None:
                values[key] += f"; CPU time: {yn(bench['cpu_ratio']['1'])}"
        ones = [x for x in bench.get("runs", []) if x["n_process"] == 1]
        pairs = [(ones[i], ones[i + 1]) for i in range(0, len(ones) - 1, 2)]
        values["SPEED_REPEATS"] = " and ".join(f"{h['words_per_s'] / b['words_per_s']:.2f}" for b, h in pairs) or "-"
        values["BARE_WPS"] = f"{max((x['words_per_s'] for x in ones if x['config'] == 'bare'), default=0):,.0f}"
        values["OURS_SHARE"] = "-" if prof is None else f"{(1 - prof) * 100:.0f}%"
        two = bench.get("ratio", {}).get("2")
        values["SPEED_2"] = "-" if two is None else f"{two:.3f}"
        cpu = bench.get("cpu_ratio", {}).get("1")
        values["SPEED_CPU"] = "-" if cpu is None else f"{cpu:.3f}"
        load = bench.get("machine", {}).get("load_average")
        cpus = bench.get("machine", {}).get("cpus") or 2
        values["LOAD"] = ("load not recorded" if not load else
                          f"load average {load[0]:.1f} on {cpus} CPUs at the start, "
                          + ("so load was light" if load[0] < cpus / 2 else "so other work shared the cores and wall-clock ratios are noisy"))
    for key, value in sorted(values.items(), key=lambda kv: -len(kv[0])):
        note = note.replace(f"@{key}@", value)
    return note


def render_page() -> str:
    parts = ["# Benchmarks\n", "_Generated by `python benchmarks/make_docs.py`; raw reports in `benchmarks/results/`. "
             "Honest numbers: every table comes from one run of the command shown above it, on the data in `../shared`._\n"]
    for step, title, fn in SECTIONS:
        path = RESULTS / f"{step}.json"
        parts.append(f"## {title}\n")
        if not path.exists():
            parts.append("_Not measured yet._\n")
            continue
        r = json.loads(path.read_text(encoding="utf-8"))
        run = r.get("_run", {})
        parts.append(f"```\n{run.get('command', '')}\n```\n_{run.get('date', '')}, {run.get('seconds', '?')} s._\n")
        parts.append(fn(r))
        if r.get("problems"):
            parts.append(f"\n_{len(r['problems'])} problem(s) during the run, e.g. {portable(r['problems'][0])[:200]}_\n")
    parts.append(CONVENTIONS)
    if NOTE.exists():
        parts.append(fill_note(NOTE.read_text(encoding="utf-8")))
    # reports keep the paths they were measured on; the page names them relative to the
    # repository or ../shared, whichever section printed them
    return portable("\n".join(parts))


def portable(text: str) -> str:
    """A message with the paths of the machine it ran on made relative: files of the repository
    from its root, shared data as ``../shared/...`` (the page is read on other machines)."""
    text = text.replace(str(ROOT) + "/", "")
    return re.sub(r"/\S*?/shared/", "../shared/", text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--steps", default=",".join(STEPS))
    ap.add_argument("--render-only", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    args = ap.parse_args(argv)
    if not args.render_only:
        shared = shared_dir(args.shared)
        RESULTS.mkdir(parents=True, exist_ok=True)
        for step in [s for s in args.steps.split(",") if s]:
            print(f"make_docs: {step} ...", file=sys.stderr)
            report = run_step(step, shared)
            (RESULTS / f"{step}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
            print(f"make_docs: {step} done in {report['_run']['seconds']} s", file=sys.stderr)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(render_page(), encoding="utf-8")
    print(f"make_docs: wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
