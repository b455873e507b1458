"""Measurement: scorers for hearsay against annotated data (project gold, PolNeAR, TimeML).

Scorers are pure functions over plain dicts (a ledger's ``to_dict()``, gold records read from
files), so they can be unit tested on tiny hand-made pairs without loading spaCy.
"""
