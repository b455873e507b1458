"""The same analysis on Ray Data: a dataset of article records, ``map_batches`` with a callable
class (the model loaded once per actor, ``concurrency`` actors), results streamed back to the
driver, which alone writes the store. Needs the ``[ray]`` extra.

Locally (no address) Ray starts on this machine with as many CPUs as actors; with
``--ray-address`` (``ray start --head`` on the cluster) the actors run on the cluster's nodes,
which need hearsay and its model installed.
"""

from __future__ import annotations

import logging
from typing import Iterator

from ..errors import HearsayError

#: records per map_batches call (one nlp.pipe batch inside an actor)
BATCH = 8


class RayAnalyzer:
    """One Ray actor: loads the pipeline once, then turns batches of article records into
    ledger JSON (or errors)."""

    def __init__(self, model: str | None = None):
        from .. import load_pipeline

        self.nlp = load_pipeline(model)

    def __call__(self, batch: dict) -> dict:
        import json

        from .runner import analyze_records

        out = analyze_records(self.nlp, [json.loads(str(raw)) for raw in batch["record"]])
        return {"id": [r["id"] for r in out], "ledger": [r["ledger"] or "" for r in out],
                "error": [r["error"] or "" for r in out]}


def init_ray(address: str | None, cpus: int) -> None:
    try:
        import ray
    except ImportError:
        raise HearsayError("--engine ray needs Ray: install hearsay's [ray] extra (pip install -e '.[ray]')") from None
    if ray.is_initialized():
        return
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise HearsayError(f"cannot start or reach Ray{' at ' + address if address else ''}: {exc}") from None
    ray.data.DataContext.get_current().enable_progress_bars = False
    for name in ("ray", "ray.data"):   # Ray's chatter would bury the run's own summary line
        logging.getLogger(name).setLevel(logging.ERROR)


def ray_results(records: list[dict], *, actors: int, address: str | None = None,
                model: str | None = None) -> Iterator[dict]:
    """``{"id", "ledger", "error"}`` for each record, as the actors finish them."""
    import json

    import ray

    init_ray(address, actors)
    # one JSON string per article: Ray's columnar batches would turn missing fields into NaN
    ds = ray.data.from_items([{"record": json.dumps(r, ensure_ascii=False)} for r in records])
    out = ds.map_batches(RayAnalyzer, fn_constructor_kwargs={"model": model} if model else None,
                         compute=ray.data.ActorPoolStrategy(size=actors),
                         batch_size=BATCH, batch_format="numpy", num_cpus=1)
    for batch in out.iter_batches(batch_size=BATCH, batch_format="numpy"):
        for i in range(len(batch["id"])):
            yield {"id": str(batch["id"][i]), "ledger": str(batch["ledger"][i]) or None,
                   "error": str(batch["error"][i]) or None}
