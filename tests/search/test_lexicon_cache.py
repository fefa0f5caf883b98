"""The lexicon's pre-parsed copy under ``var/cache`` gives exactly the parsed dictionary."""

from kcsite.search import lexicon


def _rules(lex):
    return {
        ending: [(strip, condition and condition.pattern) for strip, condition in rules]
        for ending, rules in lex.rules_by_ending.items()
    }


def test_the_pre_parsed_copy_gives_the_parsed_dictionary(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    parsed = lexicon.Lexicon()
    first = lexicon.load_lexicon()  # parses and writes the copy
    copies = list((tmp_path / "cache").glob("lexicon-*.marshal"))
    assert len(copies) == 1
    second = lexicon.load_lexicon()  # reads the copy
    for loaded in (first, second):
        assert loaded.words == parsed.words
        assert _rules(loaded) == _rules(parsed)
    for word in ("kartläggningen", "föräldraträffar", "överlämningar", "elevhälsoteamet"):
        assert second.lemmas(word) == parsed.lemmas(word)


def test_a_damaged_copy_is_parsed_again_and_replaced(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    lexicon.load_lexicon()
    (copy,) = (tmp_path / "cache").glob("lexicon-*.marshal")
    copy.write_bytes(copy.read_bytes()[:1000])
    loaded = lexicon.load_lexicon()
    assert loaded.lemmas("kartläggningen") == {"kartläggning"}
    assert lexicon.load_lexicon().words == loaded.words
    assert copy.stat().st_size > 1000
