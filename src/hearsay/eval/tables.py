"""Plain-text tables for the eval and bench reports (stdout, and the generated docs)."""

from __future__ import annotations


def fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if value is None:
        return "-"
    return str(value)


def table(headers: list[str], rows: list[list], markdown: bool = False) -> str:
    cells = [[fmt(c) for c in row] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in cells]
        return "\n".join(lines) + "\n"
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    numeric = [all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) for i in range(len(headers))]

    def line(r):
        return "  ".join(c.rjust(w) if numeric[i] else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out) + "\n"


def prf_rows(scores: dict, keys: list[tuple[str, str]]) -> list[list]:
    """Rows `label, P, R, F1, tp, predicted, gold` for the PRF dicts named by ``keys``."""
    rows = []
    for key, label in keys:
        s = scores.get(key)
        if not s:
            continue
        rows.append([label, s["precision"], s["recall"], s["f1"], s["tp"], s["predicted"], s["gold"]])
    return rows


PRF_HEADERS = ["measure", "P", "R", "F1", "tp", "pred", "gold"]
