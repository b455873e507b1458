"""A store's tables written out as files: parquet (pyarrow), csv or jsonl, one file per table.

Column names and meanings are the store's (docs/store.md); parquet keeps their types
(integers, booleans, strings), so the files load as they are in pandas, DuckDB or Spark.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import Boolean, Integer, select

from ..errors import HearsayError
from ..store import Store
from ..store import tables as t

FORMATS = ("parquet", "csv", "jsonl")
#: rows read from the store at a time (one parquet row group each)
BATCH = 5000


def _arrow_schema(table):
    import pyarrow as pa

    def arrow_type(col):
        if isinstance(col.type, Boolean):
            return pa.bool_()
        if isinstance(col.type, Integer):
            return pa.int64()
        return pa.string()

    return pa.schema([pa.field(c.name, arrow_type(c), nullable=True) for c in table.columns])


def _batches(store: Store, table):
    order = [c for c in table.primary_key.columns]
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(select(table).order_by(*order))
        while rows := result.fetchmany(BATCH):
            yield [dict(r._mapping) for r in rows]


def export_table(store: Store, table, out: Path, fmt: str) -> Path:
    path = out / f"{table.name}.{fmt}"
    cols = [c.name for c in table.columns]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _arrow_schema(table)
        with pq.ParquetWriter(path, schema) as writer:
            wrote = False
            for rows in _batches(store, table):
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                wrote = True
            if not wrote:
                writer.write_table(schema.empty_table())
    elif fmt == "csv":
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols)
            writer.writeheader()
            for rows in _batches(store, table):
                writer.writerows(rows)
    elif fmt == "jsonl":
        with open(path, "w", encoding="utf-8") as fh:
            for rows in _batches(store, table):
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        raise HearsayError(f"unknown export format {fmt!r} (expected {', '.join(FORMATS)})")
    return path


def export_store(store: Store, out: str | Path, fmt: str, tables: list[str] | None = None) -> list[Path]:
    """Every table (or the named ones) of ``store`` as ``OUT/<table>.<fmt>``."""
    out = Path(out)
    chosen = [tb for tb in t.ALL_TABLES if not tables or tb.name in tables]
    unknown = set(tables or ()) - {tb.name for tb in t.ALL_TABLES}
    if unknown:
        raise HearsayError(f"no such table: {', '.join(sorted(unknown))} (tables: {', '.join(tb.name for tb in t.ALL_TABLES)})")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HearsayError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    return [export_table(store, tb, out, fmt) for tb in chosen]
