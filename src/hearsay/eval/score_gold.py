"""Score one ledger (``Ledger.to_dict()``) against one article's gold (project format).

Matching follows ``../shared/datasets/README.md``: a predicted attribution matches a gold one
when their contents overlap by at least half the gold content's characters (greedy one-to-one);
it is correct when its source resolves to the gold source. Gold strings carry no offsets, so
each is located in the text (every occurrence; the best-overlapping one is used).
"""

from __future__ import annotations

from collections import Counter

from .matching import PRF, find_all, greedy_match, name_key, norm_name, overlap, prf

SYMMETRIC_RELATIONS = {"spouse", "romantic", "met", "sibling", "friend", "partner"}
KIND_PREFIXES = {"REPORTS": "reports", "OUTLET": "outlet", "DOCUMENT": "document", "AUTHOR": "author"}
MIN_GOLD_FRACTION = 0.5


# ---------------------------------------------------------------- names
def _gold_aliases(gold: dict) -> dict[str, set[str]]:
    """Normalised gold name -> that name and its aliases (normalised)."""
    out: dict[str, set[str]] = {}
    for person in gold.get("people", []):
        names = {name_key(person["name"])} | {name_key(a) for a in person.get("aliases", []) or []}
        out[name_key(person["name"])] = names
    return out


def _names_for(name: str, aliases: dict[str, set[str]]) -> set[str]:
    key = name_key(name)
    return aliases.get(key, {key})


def entity_names(ledger: dict) -> dict[str, set[str]]:
    """Entity id -> its canonical name and mention texts (normalised), what a gold name may equal."""
    out = {}
    for ent in ledger.get("entities", []):
        names = {name_key(ent["name"])}
        names |= {name_key(m["text"]) for m in ent.get("mentions", []) if m.get("kind", "name") != "pronoun"}
        out[ent["id"]] = names
    return out


def source_names(source: dict, ents: dict[str, set[str]]) -> set[str]:
    names = {name_key(source.get("label", ""))}
    if source.get("entity") in ents:
        names |= ents[source["entity"]]
    else:
        names |= {name_key(m["text"]) for m in source.get("mentions", []) if m.get("text")}
    names.discard("")
    return names


def gold_source_kind(gold_source: str) -> tuple[str, str]:
    """("anonymous", label) | ("reports"|"outlet"|"document", what) | ("name", name)."""
    head, sep, rest = gold_source.partition(":")
    if head == "ANONYMOUS":
        return "anonymous", rest
    if head in KIND_PREFIXES and (sep or head == "REPORTS"):
        return KIND_PREFIXES[head], rest
    return "name", gold_source


# ---------------------------------------------------------------- attributions
def _content_overlap(occurrences: list[tuple[int, int]], pred: tuple[int, int]) -> int:
    best = 0
    for occ in occurrences:
        ov = overlap(occ, pred)
        if ov >= MIN_GOLD_FRACTION * max(1, occ[1] - occ[0]):
            best = max(best, ov)
    return best


def score_attributions(ledger: dict, gold: dict, text: str) -> dict:
    gold_atts = gold.get("attributions", [])
    preds = ledger.get("attributions", [])
    sources = {s["id"]: s for s in ledger.get("sources", [])}
    ents = entity_names(ledger)
    aliases = _gold_aliases(gold)
    occs = [find_all(text, g["content"]) for g in gold_atts]
    unlocated = [g["content"] for g, o in zip(gold_atts, occs) if not o]
    pred_spans = [(p["content"]["start"], p["content"]["end"]) for p in preds]
    pairs = greedy_match(len(gold_atts), len(preds), lambda g, p: _content_overlap(occs[g], pred_spans[p]))

    # anonymous voices: predicted anonymous source ids mapped one-to-one onto gold labels,
    # choosing the pairing that agrees on the most matched attributions
    votes: Counter = Counter()
    for g, p in pairs:
        kind, label = gold_source_kind(gold_atts[g]["source"])
        src = sources.get(preds[p]["source"], {})
        if kind == "anonymous" and src.get("kind") == "anonymous":
            votes[(src["id"], label)] += 1
    anon_map: dict[str, str] = {}
    taken: set[str] = set()
    for (sid, label), _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if sid not in anon_map and label not in taken:
            anon_map[sid] = label
            taken.add(label)

    correct = typed = cued = 0
    errors = []
    for g, p in pairs:
        ga, pa = gold_atts[g], preds[p]
        src = sources.get(pa["source"], {})
        ok = source_correct(ga["source"], src, ents, aliases, anon_map)
        correct += ok
        typed += pa.get("type") == ga.get("type")
        cue = (pa.get("cue") or {}).get("text", "")
        cued += bool(cue) and cue_matches(cue, ga.get("cue", ""))
        if not ok:
            errors.append({"kind": "wrong source", "content": ga["content"][:80], "gold": ga["source"],
                           "predicted": f"{src.get('kind')}:{src.get('label')}"})
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for g, ga in enumerate(gold_atts):
        if g not in matched_g:
            errors.append({"kind": "missed", "content": ga["content"][:80], "gold": ga["source"]})
    for p, pa in enumerate(preds):
        if p not in matched_p:
            errors.append({"kind": "spurious", "content": pa["content"]["text"][:80],
                           "predicted": f"{sources.get(pa['source'], {}).get('kind')}:{sources.get(pa['source'], {}).get('label')}"})
    n = len(pairs)
    return {
        "content": prf(n, len(preds), len(gold_atts)),
        "with_source": prf(correct, len(preds), len(gold_atts)),
        "source_accuracy": (correct, n),
        "type_accuracy": (typed, n),
        "cue_accuracy": (cued, n),
        "errors": errors,
        "unlocated": unlocated,
    }


def source_correct(gold_source: str, src: dict, ents: dict, aliases: dict, anon_map: dict) -> bool:
    kind, what = gold_source_kind(gold_source)
    if not src:
        return False
    if kind == "anonymous":
        return src.get("kind") == "anonymous" and anon_map.get(src["id"]) == what
    if kind != "name":
        return src.get("kind") == kind
    return bool(source_names(src, ents) & _names_for(what, aliases))


def cue_matches(pred: str, gold: str) -> bool:
    """Same cue when the words agree, or one is the head of the other ("said" / "said in a statement")."""
    p, g = norm_name(pred), norm_name(gold)
    if not p or not g:
        return False
    return p == g or g.startswith(p + " ") or p.startswith(g + " ")


# ---------------------------------------------------------------- times
def time_value_ok(pred: dict, gold_value: str) -> bool:
    if not gold_value:
        return False
    if pred.get("value") == gold_value:
        return True
    start, sep, end = gold_value.partition("/")
    rng = pred.get("range") or {}
    return bool(sep) and rng.get("start") == start and rng.get("end") == end


def is_calendar_time(pred: dict) -> bool:
    """A point or stretch on the calendar (a date, month, year, week, quarter, season, a time of
    day on a date, or anything carrying a range): what the gold format's time values are.
    Durations ("six years"), repeats ("every day") and vague references ("recently") have no
    place on the calendar, so gold never lists them and they are not scored either way."""
    if pred.get("range"):
        return True
    return str(pred.get("value") or "")[:1].isdigit()


def score_times(ledger: dict, gold: dict, text: str) -> dict:
    """Times match on overlapping text and an equal value (or a range a..b for a gold "a/b").
    Only calendar times are scored (``is_calendar_time``). A predicted time on another
    occurrence of an already matched gold expression with the same value is neither credited
    nor penalised (the gold lists each expression once)."""
    gold_times = gold.get("times", [])
    preds = [t for t in ledger.get("times", []) if is_calendar_time(t)]
    occs = [find_all(text, g["text"]) for g in gold_times]
    spans = [(t["span"]["start"], t["span"]["end"]) for t in preds]

    def best(g: int, p: int) -> int:
        return max((overlap(o, spans[p]) for o in occs[g]), default=0)

    valued = greedy_match(len(gold_times), len(preds),
                          lambda g, p: best(g, p) if time_value_ok(preds[p], gold_times[g].get("value", "")) else 0)
    spanned = greedy_match(len(gold_times), len(preds), best)
    used = {p for _, p in valued}
    ignored = set()
    for p, t in enumerate(preds):
        if p in used:
            continue
        if any(best(g, p) and time_value_ok(t, gold_times[g].get("value", "")) for g, _ in valued):
            ignored.add(p)
    n_pred = len(preds) - len(ignored)
    used_span = {p for _, p in spanned}
    errors = []
    by_gold = dict(valued)
    for g, gt in enumerate(gold_times):
        if g not in by_gold:
            cand = [preds[p] for gg, p in spanned if gg == g]
            errors.append({"kind": "wrong value" if cand else "missed", "text": gt["text"], "gold": gt.get("value"),
                           "predicted": cand[0].get("value") if cand else None,
                           "range": cand[0].get("range") if cand else None})
    for p, t in enumerate(preds):
        if p not in used_span and p not in ignored:
            errors.append({"kind": "spurious", "text": t["span"]["text"], "predicted": t.get("value")})
    return {
        "value": prf(len(valued), n_pred, len(gold_times)),
        "span": prf(len(spanned), len(preds), len(gold_times)),
        "errors": errors,
    }


# ---------------------------------------------------------------- people, relations, hedges
def _entity_for(names: set[str], ledger_ents: dict[str, set[str]]) -> list[str]:
    return [eid for eid, en in ledger_ents.items() if en & names]


def score_ages(ledger: dict, gold: dict) -> dict:
    ents = entity_names(ledger)
    aliases = _gold_aliases(gold)
    by_id = {e["id"]: e for e in ledger.get("entities", [])}
    gold_people = gold.get("people", [])
    hit = 0
    errors = []
    for person in gold_people:
        if person.get("age") is None:
            continue
        ids = _entity_for(_names_for(person["name"], aliases), ents)
        ages = [by_id[i].get("age") for i in ids]
        if person["age"] in ages:
            hit += 1
        else:
            errors.append({"kind": "age", "person": person["name"], "gold": person["age"], "predicted": [a for a in ages if a is not None]})
    n_gold = sum(1 for p in gold_people if p.get("age") is not None)
    right = 0
    n_pred = 0
    for eid, ent in by_id.items():
        if ent.get("age") is None:
            continue
        n_pred += 1
        ok = any(p.get("age") == ent["age"] and ents[eid] & _names_for(p["name"], aliases) for p in gold_people)
        right += ok
        if not ok:
            errors.append({"kind": "spurious age", "entity": ent["name"], "predicted": ent["age"]})
    return {"ages": PRF(tp_pred=right, tp_gold=hit, n_pred=n_pred, n_gold=n_gold), "errors": errors}


def score_relations(ledger: dict, gold: dict) -> dict:
    ents = entity_names(ledger)
    aliases = _gold_aliases(gold)
    gold_rels = gold.get("relations", [])
    preds = ledger.get("relations", [])

    def resolves(eid: str, name: str) -> bool:
        return bool(ents.get(eid, set()) & _names_for(name, aliases))

    def score(g: int, p: int) -> int:
        gr, pr = gold_rels[g], preds[p]
        if gr["type"] != pr["type"]:
            return 0
        if resolves(pr["a"], gr["a"]) and resolves(pr["b"], gr["b"]):
            return 2
        if gr["type"] in SYMMETRIC_RELATIONS and resolves(pr["a"], gr["b"]) and resolves(pr["b"], gr["a"]):
            return 1
        return 0

    pairs = greedy_match(len(gold_rels), len(preds), score)
    status = sum(1 for g, p in pairs if gold_rels[g].get("status") == preds[p].get("status"))
    names = {e["id"]: e["name"] for e in ledger.get("entities", [])}
    got = {g for g, _ in pairs}
    errors = [{"kind": "missed relation", "gold": f"{r['a']} {r['type']} {r['b']}"} for i, r in enumerate(gold_rels) if i not in got]
    used = {p for _, p in pairs}
    errors += [{"kind": "spurious relation", "predicted": f"{names.get(r['a'], r['a'])} {r['type']} {names.get(r['b'], r['b'])}"}
               for i, r in enumerate(preds) if i not in used]
    return {"relations": prf(len(pairs), len(preds), len(gold_rels)), "status_accuracy": (status, len(pairs)), "errors": errors}


def score_hedges(ledger: dict, gold: dict) -> PRF:
    """Hedge words as a multiset of normalised strings (the gold gives no offsets)."""
    seen = set()
    pred = Counter()
    for claim in ledger.get("claims", []):
        for h in claim.get("hedges", []):
            if (h["start"], h["end"]) not in seen:
                seen.add((h["start"], h["end"]))
                pred[norm_name(h["text"])] += 1
    gold_c = Counter(norm_name(h) for h in gold.get("hedges", []) if isinstance(h, str))
    tp = sum((pred & gold_c).values())
    return prf(tp, sum(pred.values()), sum(gold_c.values()))


def score_contradictions(ledger: dict, gold: dict) -> dict:
    """Gold contradictions are prose, so counts are compared: conflicts up to the gold count are
    "found", any beyond it are false conflicts."""
    conflicts = sum(1 for c in ledger.get("checks", []) if c.get("status") == "conflict")
    n_gold = len(gold.get("inconsistencies", []))
    return {"gold": n_gold, "predicted": conflicts, "found": min(conflicts, n_gold), "false": max(0, conflicts - n_gold)}


# ---------------------------------------------------------------- whole article
def score_article(ledger: dict, gold: dict, text: str | None = None) -> dict:
    text = text if text is not None else ledger["document"]["text"]
    att = score_attributions(ledger, gold, text)
    times = score_times(ledger, gold, text)
    ages = score_ages(ledger, gold)
    rels = score_relations(ledger, gold)
    anon_gold = gold.get("anonymous_sources")
    return {
        "attribution": att["content"],
        "attribution_source": att["with_source"],
        "source_accuracy": att["source_accuracy"],
        "type_accuracy": att["type_accuracy"],
        "cue_accuracy": att["cue_accuracy"],
        "time_value": times["value"],
        "time_span": times["span"],
        "ages": ages["ages"],
        "relations": rels["relations"],
        "relation_status": rels["status_accuracy"],
        "hedges": score_hedges(ledger, gold),
        "anonymous": {"gold": anon_gold, "predicted": ledger.get("summary", {}).get("anonymous_sources", 0)},
        "contradictions": score_contradictions(ledger, gold),
        "errors": att["errors"] + times["errors"] + ages["errors"] + rels["errors"],
        "unlocated": att["unlocated"],
    }


PRF_KEYS = ("attribution", "attribution_source", "time_value", "time_span", "ages", "relations", "hedges")
RATIO_KEYS = ("source_accuracy", "type_accuracy", "cue_accuracy", "relation_status")


def aggregate(results: list[dict]) -> dict:
    """Micro-averaged totals over articles, as plain JSON-ready numbers."""
    total = {k: PRF() for k in PRF_KEYS}
    ratios = {k: [0, 0] for k in RATIO_KEYS}
    anon_exact = anon_err = anon_n = 0
    contra = Counter()
    for r in results:
        for k in PRF_KEYS:
            total[k].add(r[k])
        for k in RATIO_KEYS:
            ratios[k][0] += r[k][0]
            ratios[k][1] += r[k][1]
        if r["anonymous"]["gold"] is not None:
            anon_n += 1
            diff = abs(r["anonymous"]["predicted"] - r["anonymous"]["gold"])
            anon_exact += diff == 0
            anon_err += diff
        contra.update({k: v for k, v in r["contradictions"].items()})
    out = {k: v.as_dict() for k, v in total.items()}
    for k, (a, b) in ratios.items():
        out[k] = {"accuracy": round(a / b, 4) if b else 0.0, "correct": a, "of": b}
    out["anonymous_sources"] = {"articles": anon_n, "exact": anon_exact, "abs_error": anon_err,
                                "accuracy": round(anon_exact / anon_n, 4) if anon_n else 0.0}
    out["contradictions"] = {"gold": contra["gold"], "predicted": contra["predicted"], "found": contra["found"],
                             "false_conflicts": contra["false"]}
    return out
