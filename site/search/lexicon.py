"""Swedish words from maintained language resources, for the site's search analysis.

* **hunspell-sv** (PyPI; a current Swedish Hunspell dictionary built from SFOL, SALDO and
  Folkets lexikon) gives the words, their inflection rules (the ``SFX`` rules of ``sv_SE.aff``)
  and which words may begin a compound (``skol-`` of *skolfrånvaro*).
* **wordfreq** gives how common a Swedish word is. It decides whether and where a compound is
  split (the split whose parts are most common, against the whole word, after Koehn & Knight
  2003) and which of several spelling suggestions to prefer.

The dictionary is read once per process (about a second, then kept in memory, ~35 MB) and the
results of every word are cached. Nothing here knows the site's content.
"""

import hashlib
import logging
import marshal
import os
import re
import sysconfig
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

DICTIONARY = "sv_SE"
CACHE_FORMAT = 1  # bump when the parsed form changes
COMPOUND_BEGIN = frozenset("XZ")  # COMPOUNDBEGIN and ONLYINCOMPOUND in sv_SE.aff
COMPOUND_END = "Y"  # COMPOUNDEND: words that may end a compound (not -ing, -ande, ingen…)
# sv_SE.dic gives flag "b" to short, ambiguous words (av, över, upp, från, arm, as, ask…);
# they are not taken as compound parts (överlämning is not över|lämning).
NOT_A_PART = "b"
MIN_PART = 3  # letters of the shortest compound part
MAX_PARTS = 4  # COMPOUNDWORDMAX in sv_SE.aff
# A compound is split only if its parts are, on average, clearly more common than the whole
# (a Zipf value is log10 of occurrences per billion words, so 0.5 is about three times).
SPLIT_MARGIN = 0.5
# Linking forms: a first part may end in a linking -s (kartläggning|s|mall) or replace the
# final -a of its base form by -o, -e, -u or nothing (elevhälsa → elevhälso|team,
# skola → skol|gård).
LINK_VOWELS = ("o", "e", "u", "")


def _dictionary_dir():
    for base in (Path(sysconfig.get_path("data")), Path("/usr")):
        folder = base / "share" / "hunspell"
        if (folder / f"{DICTIONARY}.dic").exists():
            return folder
    raise FileNotFoundError(
        f"{DICTIONARY}.dic not found: install the hunspell-sv package (pyproject.toml)"
    )


class Lexicon:
    """Words, inflection rules and compound flags of the Swedish Hunspell dictionary."""

    def __init__(self, folder=None):
        folder = Path(folder) if folder else _dictionary_dir()
        self.words = {}
        with open(folder / f"{DICTIONARY}.dic", encoding="utf-8") as dic:
            next(dic)  # the number of entries
            for line in dic:
                word, _slash, flags = line.rstrip("\n").partition("/")
                if word and " " not in word and not word[0].isupper():
                    self.words[word] = self.words.get(word, "") + flags
        rules = set()  # (strip, add, condition) of the inflection (SFX) rules
        with open(folder / f"{DICTIONARY}.aff", encoding="utf-8") as aff:
            for line in aff:
                parts = line.split()
                if len(parts) >= 5 and parts[0] == "SFX":
                    strip = "" if parts[2] == "0" else parts[2]
                    add = "" if parts[3].startswith("0") else parts[3].split("/")[0]
                    rules.add((strip, add, None if parts[4] == "." else parts[4]))
        self._set_rules(rules)

    def _set_rules(self, rules):
        """``rules`` as ``(strip, add, condition or None)``.

        Index the ``(strip, add, condition)`` rules by the ending they add, so a word is
        checked against the few rules whose ending it has (not all ~400 of them)."""
        self.raw_rules = rules
        self.rules_by_ending = {}
        for strip, add, condition in sorted(
            rules, key=lambda rule: (rule[1], rule[0], rule[2] or "")
        ):
            self.rules_by_ending.setdefault(add, []).append(
                (strip, condition and re.compile(f"(?:{condition})$"))
            )
        self.longest_ending = max(map(len, self.rules_by_ending), default=0)

    def lemmas(self, word):
        """The dictionary words ``word`` is a form of (itself included when listed): a word an
        inflection rule of the dictionary turns into ``word``. The rule's own flag is not
        required of the base word, as the dictionary lists some forms as words of their own
        and lacks some flags (``överlämningar`` → ``överlämning``, ``träffar`` → ``träff``)."""
        found = {word} if word in self.words else set()
        return found | self._bases(word)

    def _bases(self, word):
        found = set()
        for size in range(min(self.longest_ending, len(word)) + 1):
            stem = word[: len(word) - size]
            for strip, condition in self.rules_by_ending.get(word[len(word) - size :], ()):
                base = stem + strip
                if base == word or base not in self.words:
                    continue
                if condition is None or condition.search(base):
                    found.add(base)
        return found

    def can_begin(self, part):
        flags = self.words.get(part)
        return flags is not None and bool(COMPOUND_BEGIN & set(flags))

    def can_be_part(self, part):
        return NOT_A_PART not in self.words.get(part, "")

    def can_end(self, part):
        return COMPOUND_END in self.words.get(part, "") and self.can_be_part(part)


def _cache_file(folder):
    """A pre-parsed copy of the dictionary under ``var/cache/``, named after the dictionary
    files' size and time and the hunspell-sv version, so a new dictionary makes a new copy."""
    stats = [(folder / f"{DICTIONARY}.{ext}").stat() for ext in ("dic", "aff")]
    try:
        package = metadata.version("hunspell-sv")
    except metadata.PackageNotFoundError:
        package = "system"
    key = repr((CACHE_FORMAT, str(folder), package, [(s.st_size, s.st_mtime_ns) for s in stats]))
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(settings.VAR_DIR) / "cache" / f"lexicon-{DICTIONARY}-{digest}.marshal"


def load_lexicon(folder=None):
    """The lexicon, read from its pre-parsed copy when there is one (about half the time of
    parsing the dictionary), else parsed and the copy written for the next process."""
    folder = Path(folder) if folder else _dictionary_dir()
    path = _cache_file(folder)
    try:
        words, rules = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        found = Lexicon(folder)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(marshal.dumps((found.words, list(found.raw_rules))))
            os.replace(partial, path)
        except OSError as error:  # a read-only var/: parse again next time
            logger.warning("Could not write the lexicon cache %s (%s)", path, error)
        return found
    found = Lexicon.__new__(Lexicon)
    found.words = words
    found._set_rules([tuple(rule) for rule in rules])
    return found


@lru_cache(maxsize=1)
def lexicon():
    return load_lexicon()


def warm_up():
    """Load the dictionary and the word frequencies now (at a worker's start), not on the
    first search."""
    lexicon()
    zipf("skola")


@lru_cache(maxsize=200_000)
def zipf(word):
    """How common ``word`` is in Swedish (Zipf scale, 0 = unseen)."""
    # imported on first use, not with the module: importing wordfreq takes about 0.6 s
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "sv")


@lru_cache(maxsize=200_000)
def lemmas(word):
    """Base forms of ``word`` (``kartläggningen`` → ``kartläggning``); empty if unknown."""
    return frozenset(lexicon().lemmas(word.lower()))


def is_word(word):
    """Whether ``word`` is a Swedish word: a dictionary word, a form of one, or a common word."""
    word = word.lower()
    return bool(lemmas(word)) or zipf(word) >= 2.0


def is_known(word):
    """Whether ``word`` is a Swedish word or a compound of Swedish words."""
    return is_word(word) or bool(split_compound(word.lower()))


def _first_part_bases(head):
    """Dictionary words that ``head`` can stand for as the first part of a compound."""
    lex = lexicon()
    bases = []
    if lex.can_begin(head) or (head in lex.words and zipf(head) > 0):
        bases.append(head)
    if head.endswith("s") and len(head) > MIN_PART and head[:-1] in lex.words:
        bases.append(head[:-1])
    for vowel in LINK_VOWELS:
        if vowel and not head.endswith(vowel):
            continue
        stem = head[: -len(vowel)] if vowel else head
        if stem + "a" in lex.words and stem + "a" != head:
            bases.append(stem + "a")
    return [base for base in bases if lex.can_be_part(base)]


def _last_part(tail):
    """The last part as written (``kartläggningen``) when it is a word, or a form of one,
    that the dictionary lets end a compound."""
    lex = lexicon()
    return tail if any(lex.can_end(base) for base in lemmas(tail)) else None


def _score(part):
    """How common a part is: as written, else (a rare form) as its most common base form."""
    return zipf(part) or max((zipf(base) for base in lemmas(part)), default=0.0)


@lru_cache(maxsize=100_000)
def _best_split(word, depth):
    """``(parts, mean Zipf)`` of the best split of ``word`` into known parts, or None: the
    fewest parts, then the most common ones (decompounders' longest-match principle)."""
    candidates = []
    last = _last_part(word)
    if last:
        candidates.append(((last,), _score(last)))
    if depth < MAX_PARTS - 1:
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            heads = _first_part_bases(word[:cut])
            if not heads:
                continue
            rest = _best_split(word[cut:], depth + 1)
            if rest is None:
                continue
            head = max(heads, key=zipf)
            parts = (head, *rest[0])
            candidates.append((parts, (zipf(head) + rest[1] * len(rest[0])) / len(parts)))
    if not candidates:
        return None
    return min(candidates, key=lambda found: (len(found[0]), -found[1]))


@lru_cache(maxsize=100_000)
def split_compound(word):
    """The parts of a compound word, in base form (``skolfrånvaro`` → ``skola``, ``frånvaro``;
    ``elevhälsoteamet`` → ``elevhälsa``, ``team``), or ``()`` when ``word`` is not a compound or
    is itself more common than its parts (``handledning`` stays whole)."""
    word = word.lower()
    if len(word) < 2 * MIN_PART + 1 or not word.isalpha():
        return ()
    bases = lemmas(word)
    if word not in lexicon().words and bases:  # an inflected form: split its base form
        base = max(sorted(bases), key=zipf)
        if base != word:
            return split_compound(base)
    splits = [_best_split(word[cut:], 1) for cut in range(MIN_PART, len(word) - MIN_PART + 1)]
    found = None
    for cut, rest in zip(range(MIN_PART, len(word) - MIN_PART + 1), splits, strict=True):
        heads = _first_part_bases(word[:cut])
        if not heads or rest is None:
            continue
        head = max(heads, key=zipf)
        candidate = ((head, *rest[0]), (zipf(head) + rest[1] * len(rest[0])) / (1 + len(rest[0])))
        if found is None or (len(candidate[0]), -candidate[1]) < (len(found[0]), -found[1]):
            found = candidate
    if found is None:
        return ()
    whole = max([zipf(word)] + [zipf(base) for base in lemmas(word)])
    if found[1] < whole + SPLIT_MARGIN:
        return ()
    return found[0]
