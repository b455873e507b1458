"""The accuracy gate: scores on the visible data must not fall below the floors pinned in
``eval/baseline.json`` (by more than ``epsilon``). CI runs it through tests/test_accuracy_gate.py.

Each dataset entry names its folders (relative to the shared folder), the fixed subset used
(``every``: one text in N, so the gate stays quick), a digest of the files read, and its floors
(``min``) and ceilings (``max``). Data that is absent is skipped with a message; data whose
digest changed is skipped too (its floors were set on other data): rerun with ``--update``.
``--update`` measures now and writes floors at measured minus ``margin``. Raising a floor is
routine; lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

EPSILON = 0.005
MARGIN = 0.01

#: what the gate pins, per kind of data: name -> (dotted path into the report, "min"|"max")
METRICS = {
    "gold": {
        "attribution_f1": ("systems.hearsay.total.attribution.f1", "min"),
        "attribution_source_f1": ("systems.hearsay.total.attribution_source.f1", "min"),
        "time_value_f1": ("systems.hearsay.total.time_value.f1", "min"),
        "ages_f1": ("systems.hearsay.total.ages.f1", "min"),
        "relations_f1": ("systems.hearsay.total.relations.f1", "min"),
        "anonymous_count_accuracy": ("systems.hearsay.total.anonymous_sources.accuracy", "min"),
        "false_conflicts": ("systems.hearsay.total.contradictions.false_conflicts", "max"),
    },
    "polnear": {
        "content_overlap_f1": ("systems.hearsay.scores.content.overlap.f1", "min"),
        "content_exact_f1": ("systems.hearsay.scores.content.exact.f1", "min"),
        "source_overlap_f1": ("systems.hearsay.scores.source.overlap.f1", "min"),
        "cue_overlap_f1": ("systems.hearsay.scores.cue.overlap.f1", "min"),
        "content_source_overlap_f1": ("systems.hearsay.scores.content+source.overlap.f1", "min"),
    },
    "timeml": {
        "value_f1": ("systems.hearsay.value.f1", "min"),
        "relaxed_f1": ("systems.hearsay.relaxed.f1", "min"),
        "strict_f1": ("systems.hearsay.strict.f1", "min"),
        "type_accuracy": ("systems.hearsay.type_accuracy", "min"),
    },
    "cascades": {
        "clustering_f1": ("clustering.f1", "min"),
        "origin_article_accuracy": ("origin_article_accuracy", "min"),
        "origin_source_accuracy": ("origin_source_accuracy", "min"),
        "citations_f1": ("citations.f1", "min"),
        "copies_exact": ("copies_exact_score", "min"),
        "uncited_repeats_f1": ("uncited_repeats.f1", "min"),
        "confirmations_f1": ("confirmations.f1", "min"),
        "denials_recall": ("denials.recall", "min"),
        "distractor_attachments": ("distractor_attachment_count", "max"),
    },
    "clef": {
        "map_at_5": ("map@5", "min"),
        "mrr": ("mrr", "min"),
    },
}

#: the visible data and the subset the gate reads (used when baseline.json has no entry yet)
DEFAULT_DATASETS = {
    "gold-articles": {"kind": "gold", "paths": ["datasets/news-gold", "articles"]},
    "polnear-dev": {"kind": "polnear", "paths": ["datasets/polnear/dev"], "every": 2},
    "timebank-aquaint": {"kind": "timeml", "paths": ["datasets/tempeval3/TBAQ-cleaned/TimeBank",
                                                      "datasets/tempeval3/TBAQ-cleaned/AQUAINT"], "every": 8},
    "cascades-dev": {"kind": "cascades", "paths": ["datasets/cascades-dev/gold.json", "datasets/cascades-dev/articles"]},
    "clef2020-dev": {"kind": "clef", "paths": ["datasets/clef2020-claims/dev", "datasets/clef2020-claims/verified_claims.docs.tsv"]},
}

BASELINE_COMMENT = ("Accuracy floors (min) and ceilings (max) for `hearsay eval gate`, set at measured minus margin by "
                    "`hearsay eval gate --update`; paths are relative to the shared folder, every=N reads one text in N. "
                    "Raising a floor is routine; lowering one needs a reason in the commit message.")

SUFFIXES = {"gold": (".txt", ".json"), "polnear": (".txt", ".ann", ".tsv"), "timeml": (".tml",),
            "cascades": (".json",), "clef": (".tsv", ".qrels")}


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def shared_dir(given: str | None = None) -> Path:
    """The shared folder: ``--shared``, else $HEARSAY_SHARED, else ``../shared`` beside the repo."""
    if given:
        return Path(given)
    if os.environ.get("HEARSAY_SHARED"):
        return Path(os.environ["HEARSAY_SHARED"])
    for cand in (repo_root().parent / "shared", Path.cwd().parent / "shared"):
        if cand.is_dir():
            return cand
    return repo_root().parent / "shared"


def baseline_path(given: str | None = None) -> Path:
    if given:
        return Path(given)
    candidate = repo_root() / "eval" / "baseline.json"
    return candidate if candidate.parent.is_dir() else Path.cwd() / "eval" / "baseline.json"


def dig(report: dict, dotted: str):
    cur = report
    for part in dotted.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def digest(paths: list[Path], kind: str) -> str:
    """sha256 over the relative names and bytes of the files of ``kind`` under ``paths``."""
    h = hashlib.sha256()
    for root in paths:
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES[kind])
        for f in files:
            h.update(str(f.relative_to(root.parent)).encode())
            h.update(b"\0")
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def measure(kind: str, paths: list[Path], every: int, nlp=None) -> dict:
    if kind == "gold":
        from .run_gold import evaluate

        return evaluate([str(p) for p in paths], nlp=nlp)
    if kind == "polnear":
        from .run_polnear import evaluate

        return evaluate(str(paths[0]), nlp=nlp, every=every)
    if kind == "timeml":
        from .run_times import evaluate

        return evaluate([str(p) for p in paths], nlp=nlp, every=every)
    if kind == "cascades":
        from .run_trace import evaluate

        return evaluate(str(paths[0]), str(paths[1]), nlp=nlp)
    if kind == "clef":
        from .clef import evaluate

        # BM25, whatever this install's default: its floors hold with or without the [embed]
        # extra, and it scores the 10k claims in seconds where MiniLM takes minutes of CPU
        return evaluate(str(paths[0]), matcher="bm25")
    raise ValueError(kind)


def check(entry: dict, values: dict[str, float]) -> list[str]:
    """Failure messages for values below their floor (or above their ceiling) by > epsilon."""
    eps = entry.get("epsilon", EPSILON)
    out = []
    for name, floor in (entry.get("min") or {}).items():
        v = values.get(name)
        if v is not None and v < floor - eps:
            out.append(f"{name} = {v:.4f} is below its floor {floor:.4f}")
    for name, ceiling in (entry.get("max") or {}).items():
        v = values.get(name)
        if v is not None and v > ceiling + eps:
            out.append(f"{name} = {v} is above its ceiling {ceiling}")
    return out


def floors_from(kind: str, values: dict[str, float], margin: float) -> dict:
    mins, maxs = {}, {}
    for name, (_, direction) in METRICS[kind].items():
        v = values.get(name)
        if v is None:
            continue
        if direction == "min":
            mins[name] = round(max(0.0, v - margin), 4)
        else:
            maxs[name] = v
    return {"min": mins, "max": maxs}


def gate(shared: Path, baseline: dict, update: bool = False, nlp=None, log=print) -> tuple[list[str], dict]:
    """Run every dataset present; returns (failures, the new baseline with measured values)."""
    datasets = baseline.get("datasets") or DEFAULT_DATASETS
    margin = baseline.get("margin", MARGIN)
    failures: list[str] = []
    new = {"_comment": BASELINE_COMMENT, "epsilon": baseline.get("epsilon", EPSILON),
           "margin": margin, "datasets": {}}
    for name, entry in datasets.items():
        entry = dict(entry)
        kind = entry["kind"]
        paths = [shared / p for p in entry["paths"]]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            log(f"gate: {name}: skipped, data not present ({', '.join(missing)})")
            new["datasets"][name] = entry
            continue
        dig_now = digest(paths, kind)
        if entry.get("digest") and entry["digest"] != dig_now and not update:
            log(f"gate: {name}: skipped, the data changed since its floors were set (digest {dig_now}, "
                f"baseline {entry['digest']}); rerun `hearsay eval gate --update` on the new data")
            new["datasets"][name] = entry
            continue
        t0 = time.perf_counter()
        report = measure(kind, paths, entry.get("every", 1), nlp=nlp)
        values = {m: dig(report, path) for m, (path, _) in METRICS[kind].items()}
        took = time.perf_counter() - t0
        problems = check(entry, values) if not update else []
        shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in values.items())
        log(f"gate: {name} ({took:.0f}s): {shown}")
        for p in problems:
            log(f"gate: {name}: FAIL {p}")
        failures += [f"{name}: {p}" for p in problems]
        entry["digest"] = dig_now
        entry["measured"] = values
        if update or not (entry.get("min") or entry.get("max")):
            entry.update(floors_from(kind, values, margin))
        new["datasets"][name] = entry
    return failures, new


def load_baseline(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        from ..errors import InputError

        raise InputError(f"{path}, line {exc.lineno}", f"not valid JSON ({exc.msg})") from None


def run_gate(args) -> int:
    shared = shared_dir(args.shared)
    path = baseline_path(args.baseline)
    baseline = load_baseline(path)
    if not baseline:
        print(f"gate: no floors in {path} yet; measuring (use --update to write them)", file=sys.stderr)
    failures, new = gate(shared, baseline, update=args.update, log=lambda m: print(m, file=sys.stderr))
    if args.update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"gate: floors written to {path}", file=sys.stderr)
    if args.json:
        json.dump({"failures": failures, "baseline": new}, sys.stdout, indent=2)
        sys.stdout.write("\n")
    if failures:
        print(f"gate: {len(failures)} score(s) fell below their floors", file=sys.stderr)
        return 1
    print("gate: ok", file=sys.stderr)
    return 0
