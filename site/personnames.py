"""No pupil names: find what looks like a person's name in free text.

A routine, a self-assessment or a request for support describes functions ("mentor",
"kurator") and the school's needs, never a child. A name cannot be told from a staff member's
or a place's with certainty, so a form that opts in (:class:`NoPersonNamesFormMixin`) refuses
every word that looks like a person's name and lets the visitor say, word by word, that it is
not one (a school system, a place). What "looks like a name" comes from maintained resources,
not from lists written for this site:

* **the names**: the 1 000 most common first names (Isof's name statistics) and the 500 most
  common surnames (Skatteverket) in Sweden, as the ``faker`` package ships them
  (``faker.providers.person.sv_SE``);
* **the words**: the Swedish dictionary and word frequencies of :mod:`kcsite.search.lexicon`
  (hunspell-sv, wordfreq), so that a name that is also a word (*Per*, *Klara*, *Liv*, *Inga*)
  is not a name where the word is meant.

A word is taken for a name when it is written with a capital and is one of the names, and

* it does not begin a sentence (a capital there says nothing), or
* it begins one but is not a Swedish word: a dictionary word that inflects (the dictionary
  also lists some names in lower case, without inflection flags; and its inflection rules
  would read *Kalle* as a form of *kall*) or a very common word (Zipf ≥ 5, more than one in
  100 000 words: *inga*, *hans*, *ville*).

A genitive (*Kalles*, *Kalle's*) counts as the name. Not names: words in e-mail and web
addresses, words in capitals (abbreviations), and a name that is part of a school's name
("Astrid Lindgrens skola", "Sven Eriksonsgymnasiet": a word ending in *skola*, *gymnasiet*,
*school*, *akademi* or their forms within the next two words).
"""

import re
from functools import lru_cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from kcsite.search import lexicon

COMMON_WORD = 5.0  # Zipf: a word this common is a word first, a name second
# A word that ends in a school noun (skolan, Eriksonsgymnasiet, akademin), not any word with
# "skol" in it: "Kalle skolkar" is a pupil, not a school.
SCHOOL_WORD = re.compile(
    r"(?:skola|skolan|skolor|gymnasium|gymnasiet|school|akademi|akademin)$", re.IGNORECASE
)
SCHOOL_NAME_REACH = 2  # words after a name in which a school word makes it a school's name
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
# What comes before a word that begins a sentence: nothing, an end of sentence or a line
# break, then perhaps a bullet, a dash, a quote or a parenthesis. (Not a colon: "Ansvarig: Lisa".)
_SENTENCE_END = re.compile(r"(?:\A|[.!?…\n])[\s\"”'(\-–—•*]*\Z")

NAME_MESSAGE = ngettext_lazy(
    "Det ser ut som ett namn: %(names)s. Skriv inga namn: beskriv funktioner som mentor eller "
    "kurator, aldrig en elev. Om det inte är ett namn på en person, bocka för det under "
    "”Inte namn på personer” och spara igen.",
    "Det ser ut som namn: %(names)s. Skriv inga namn: beskriv funktioner som mentor eller "
    "kurator, aldrig en elev. Om det inte är namn på personer, bocka för dem under "
    "”Inte namn på personer” och spara igen.",
    "count",
)


@lru_cache(maxsize=1)
def _names():
    """(first names, surnames), read on first use: importing faker takes about 0.25 s."""
    from faker.providers.person.sv_SE import Provider

    first = frozenset(Provider.first_names_female) | frozenset(Provider.first_names_male)
    return first, frozenset(Provider.last_names)


def _is_name(word):
    first, last = _names()
    return word in first or word in last


def _as_name(token):
    """The name ``token`` is written as (itself, a genitive's name or a part of a double
    name), or ``None``."""
    genitive = re.sub(r"(?<=..)(?:['’]s|s)$", "", token)  # Kalles, Kalle's
    for candidate in (token, genitive):
        if _is_name(candidate):
            return candidate
    parts = re.split(r"['’-]", token)
    if len(parts) > 1 and all(part[:1].isupper() for part in parts):
        return next((part for part in parts if _is_name(part)), None)
    return None


def _is_word(name):
    """Whether ``name`` is also a Swedish word (see the module's docstring)."""
    lower = name.lower()
    if lexicon.lexicon().words.get(lower):  # listed with inflection flags: a word
        return True
    return lexicon.zipf(lower) >= COMMON_WORD


def find_person_names(text):
    """The words of ``text`` (as typed, each once, in order) that look like a person's name."""
    if not text:
        return []
    plain = _ADDRESS.sub(lambda match: " " * len(match.group(0)), text)
    tokens = list(_WORD.finditer(plain))
    found = []
    for index, match in enumerate(tokens):
        token = match.group(0)
        if not token[0].isupper() or token.isupper() or token in found:
            continue
        name = _as_name(token)
        if name is None:
            continue
        following = tokens[index + 1 : index + 1 + SCHOOL_NAME_REACH]
        if any(SCHOOL_WORD.search(word.group(0)) for word in following):
            continue
        starts_sentence = bool(_SENTENCE_END.search(plain[: match.start()]))
        if starts_sentence and _is_word(name):
            continue
        found.append(token)
    return found


def person_name_error(names):
    quoted = ", ".join(f"”{name}”" for name in names)
    return ValidationError(
        NAME_MESSAGE % {"names": quoted, "count": len(names)}, code="person_name"
    )


def _checked(field):
    return (
        isinstance(field, forms.CharField)
        and not isinstance(field, forms.EmailField | forms.URLField)
        and not field.widget.is_hidden
    )


class NoPersonNamesFormMixin:
    """Refuses what looks like a person's name in every text field (not e-mail addresses; or
    in :attr:`person_name_fields`), unless the visitor ticks it under "Inte namn på personer".

    The form then carries the field :attr:`NOT_NAMES`, a box per word that looked like a name;
    templates render it with ``{% include "components/forms/not_names.html" %}`` before the
    submit button (it renders nothing until a word is found). Only the words ticked pass: a
    new name written after ticking is refused again.
    """

    NOT_NAMES = "not_person_names"
    #: the fields checked; ``None``: every text field (a form that asks for its sender's name
    #: lists the fields where no name belongs)
    person_name_fields = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = forms.CheckboxSelectMultiple()
        ticked = widget.value_from_datadict(self.data, self.files, self.add_prefix(self.NOT_NAMES))
        self.fields[self.NOT_NAMES] = forms.MultipleChoiceField(
            label=_("Inte namn på personer"),
            help_text=_(
                "Bocka för de ord som inte är namn på personer, till exempel ett datasystem "
                "eller en plats."
            ),
            required=False,
            choices=[(word, word) for word in ticked or ()],
            widget=widget,
        )
        self.names_found = []

    def clean(self):
        cleaned = super().clean()
        not_names = set(cleaned.get(self.NOT_NAMES) or ())
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if not self._checks(name, field) or not isinstance(value, str):
                continue
            found = find_person_names(value)
            self.names_found += [word for word in found if word not in self.names_found]
            refused = [word for word in found if word not in not_names]
            if refused:
                self.add_error(name, person_name_error(refused))
        self.fields[self.NOT_NAMES].choices = [(word, word) for word in self.names_found]
        return cleaned

    def _checks(self, name, field):
        if self.person_name_fields is not None:
            return name in self.person_name_fields
        return _checked(field)

    def visible_fields(self):
        """The boxes are shown once a word looked like a name (``{{ form }}`` too)."""
        fields = super().visible_fields()
        if not self.names_found:
            fields = [field for field in fields if field.name != self.NOT_NAMES]
        return fields
