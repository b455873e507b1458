"""The scaling benchmark's arithmetic (the measured figures live in docs/benchmarks.md)."""

from __future__ import annotations

import pytest

from hearsay.scaling import exponent, make_text, parse_sizes


def rows(f, sizes=(1_000, 10_000, 100_000, 1_000_000)):
    return [{"chars": n, "seconds": f(n)} for n in sizes]


@pytest.mark.parametrize("power", [1.0, 1.5, 2.0])
def test_exponent_recovers_the_power_of_a_growth_law(power):
    assert exponent(rows(lambda n: 3e-6 * n**power)) == pytest.approx(power, abs=0.01)


def test_exponent_leaves_out_sizes_below_the_fit_start():
    # a fixed cost of 0.2 s dominates the small sizes; fitted from 100k the growth is near linear
    assert exponent(rows(lambda n: 0.2 + 1e-5 * n), fit_from=100_000) == pytest.approx(0.93, abs=0.02)
    assert exponent(rows(lambda n: 0.2 + 1e-5 * n)) < 0.75
    assert exponent(rows(lambda n: n), fit_from=10**9) is None


def test_sizes_and_texts():
    assert parse_sizes("10k, 1.5M,300", ()) == (10_000, 1_500_000, 300)
    assert parse_sizes("", (1,)) == () and parse_sizes(None, (1,)) == (1,)
    assert make_text("quotes", 5) == '"' * 5
    prose = make_text("prose", 12_345)
    assert len(prose) == 12_345 and "\n\n" in prose
