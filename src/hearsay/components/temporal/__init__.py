"""The temporal family: every time expression, its TIMEX3 value and what it was resolved
against (stage ``hearsay_temporal``).

``component`` is the spaCy stage; ``detect`` finds the expressions, ``normalize`` values
them with the readers in ``names`` (months, seasons, holidays, quarters ...), ``values``
holds the context and vocabulary they share, and ``calendar`` the date arithmetic.
Other stages use only the names exported here.
"""

from .component import find_times, make_hearsay_temporal

__all__ = ["find_times", "make_hearsay_temporal"]
