"""`hearsay serve`: a local web workbench where a reader pastes an article and sees who says what.

- ``app``: routes, formats and error answers;   ``pages``: one function per page (HTML + .json)
- ``intake``: requests → Articles;               ``keeper``: where ledgers are kept (store or memory)
- ``workers``: analysis in worker processes;     ``guard``/``security``: limits, Host, CSRF, rate
- ``serve``: the command's options

Nothing here imports spaCy: the pipeline lives in the worker processes.
"""

from .app import create_app
from .serve import add_arguments, build_app, run

__all__ = ["create_app", "add_arguments", "build_app", "run"]
