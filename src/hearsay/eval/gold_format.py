"""Reader for the project's gold format (``../shared/datasets/README.md``).

Two layouts are accepted, so held-back sets in either shape score the same way:
``DIR/articles/NAME.txt`` + ``DIR/gold/NAME.json`` (news-gold), and ``NAME.txt`` beside
``NAME.gold.json`` (the seed article's folder). A broken gold file is reported and skipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import InputError

LIST_FIELDS = ("attributions", "times", "people", "relations", "hedges", "inconsistencies")


@dataclass
class GoldArticle:
    name: str
    text: str
    gold: dict
    path: str
    problems: list[str] = field(default_factory=list)


def _check_gold(data: object, where: str) -> dict:
    if not isinstance(data, dict):
        raise InputError(where, f"a JSON {type(data).__name__}, not an object", "the gold object of the README")
    for key in LIST_FIELDS:
        value = data.setdefault(key, [])
        if not isinstance(value, list):
            raise InputError(where, f'field "{key}" is not a list')
    for i, att in enumerate(data["attributions"]):
        if not isinstance(att, dict) or not isinstance(att.get("content"), str) or not isinstance(att.get("source"), str):
            raise InputError(where, f"attribution {i + 1} needs string \"content\" and \"source\"")
    for i, t in enumerate(data["times"]):
        if not isinstance(t, dict) or not isinstance(t.get("text"), str):
            raise InputError(where, f"time {i + 1} needs a string \"text\"")
    for i, p in enumerate(data["people"]):
        if not isinstance(p, dict) or not isinstance(p.get("name"), str):
            raise InputError(where, f"person {i + 1} needs a string \"name\"")
    for i, r in enumerate(data["relations"]):
        if not isinstance(r, dict) or not all(isinstance(r.get(k), str) for k in ("type", "a", "b")):
            raise InputError(where, f"relation {i + 1} needs string \"type\", \"a\" and \"b\"")
    if data.get("anonymous_sources") is not None and not isinstance(data["anonymous_sources"], int):
        raise InputError(where, '"anonymous_sources" is not an integer')
    return data


def text_problems(text: str, gold: dict) -> list[str]:
    """Gold strings that do not occur in the article, each named by field and position.

    The scorer finds gold spans by searching the article for them, so a content, cue, time or
    hedge typed with a different quote glyph or a slip of the keyboard would silently count as
    a miss; annotators run ``hearsay eval gold --check`` to catch those before scoring."""
    out = []
    for i, att in enumerate(gold.get("attributions", [])):
        for key in ("content", "cue"):
            value = att.get(key)
            if isinstance(value, str) and value and value not in text:
                out.append(f"attribution {i + 1}: {key} not in the article: {value!r}")
    for i, t in enumerate(gold.get("times", [])):
        if t.get("text") not in text:
            out.append(f"time {i + 1}: text not in the article: {t.get('text')!r}")
    for i, hedge in enumerate(gold.get("hedges", [])):
        if isinstance(hedge, str) and hedge not in text:
            out.append(f"hedge {i + 1}: not in the article: {hedge!r}")
    return out


def read_gold_file(path: Path) -> dict:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read ({exc})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}, line {exc.lineno}", f"not valid JSON ({exc.msg})") from None
    return _check_gold(data, str(path))


def pairs_in(path: Path) -> list[tuple[str, Path, Path]]:
    """(name, text file, gold file) for every article found under ``path``."""
    path = Path(path)
    if path.is_file():
        gold = path.with_name(path.stem + ".gold.json")
        return [(path.stem, path, gold)]
    if not path.is_dir():
        raise InputError(str(path), "no such directory", "a gold folder (articles/ + gold/, or NAME.txt + NAME.gold.json)")
    out = []
    if (path / "articles").is_dir():
        for txt in sorted((path / "articles").glob("*.txt")):
            out.append((txt.stem, txt, path / "gold" / f"{txt.stem}.json"))
    for txt in sorted(path.glob("*.txt")):
        gold = path / f"{txt.stem}.gold.json"
        if gold.exists():
            out.append((txt.stem, txt, gold))
    return out


def iter_gold(path: Path) -> Iterator[GoldArticle | InputError]:
    """Gold articles under ``path``; a broken or missing pair is yielded as its InputError."""
    pairs = pairs_in(Path(path))
    if not pairs:
        yield InputError(str(path), "no gold articles found", "articles/NAME.txt with gold/NAME.json, or NAME.txt with NAME.gold.json")
        return
    for name, txt, gold_path in pairs:
        if not gold_path.exists():
            yield InputError(str(gold_path), "gold file is missing for " + txt.name)
            continue
        try:
            text = txt.read_text(encoding="utf-8")
            gold = read_gold_file(gold_path)
        except UnicodeDecodeError as exc:
            yield InputError(str(txt), f"not UTF-8 text ({exc.reason})")
            continue
        except InputError as err:
            yield err
            continue
        yield GoldArticle(name=name, text=text, gold=gold, path=str(txt), problems=text_problems(text, gold))
