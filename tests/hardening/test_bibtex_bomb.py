"""A BibTeX @string expansion bomb is refused quickly and in little memory."""

import time
import tracemalloc

import pytest

from methodbank.library.bibio import ImportRefused, parse_bibtex, parse_text


def _nested_bomb(levels=8, fan_out=10):
    lines = ['@string{a0 = "' + "x" * 50 + '"}']
    for level in range(1, levels + 1):
        lines.append(f"@string{{a{level} = " + " # ".join([f"a{level - 1}"] * fan_out) + "}")
    return "\n".join(lines) + f"\n@article{{bomb, title = a{levels}, year = 2020}}\n"


def _within_budget(text):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ImportRefused):
            parse_text(text)
    finally:
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return elapsed, peak


def test_nested_macro_bomb_is_refused_within_budget():
    bomb = _nested_bomb()
    assert len(bomb.encode()) < 700  # 50 × 10**8 characters when expanded
    elapsed, peak = _within_budget(bomb)
    assert elapsed < 2.0
    assert peak < 20 * 1024 * 1024


def test_wide_repetition_of_one_macro_is_refused():
    text = '@string{a = "' + "y" * 100 + '"}\n@book{wide, title = ' + " # ".join(["a"] * 300)
    text += ", year = 2019}\n"
    elapsed, peak = _within_budget(text)
    assert elapsed < 5.0 and peak < 60 * 1024 * 1024


def test_circular_macros_are_refused():
    with pytest.raises(ImportRefused):
        parse_bibtex('@string{a = b # "x"}\n@string{b = a}\n@article{k, title = a, year = 2020}\n')


def test_ordinary_macros_still_expand():
    text = (
        '@string{jour = "Tidskrift om närvaro"}\n'
        '@article{k, title = "Närvaro i " # jour, journal = jour, year = 2020, month = jan}\n'
    )
    [record] = parse_bibtex(text)
    assert record["title"] == "Närvaro i Tidskrift om närvaro"
    assert record["container"] == "Tidskrift om närvaro"
