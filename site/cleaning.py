"""One cleaner for what visitors type into public forms.

Control characters (C0/C1, DEL) and Unicode *format* characters (category Cf: bidi overrides
and isolates, zero-width spaces and joiners, the BOM) have no place in a name, an organisation
or an e-mail address: they spoof text in the admin (a right-to-left override turns
``gpj.exe`` round), slip past checks (a zero-width space inside a personal identity number)
and put escape codes into CSV files and logs. Line and paragraph separators make a single-line
value span lines.

Single-line fields lose all of them (a line break becomes a space, runs of spaces become one);
multi-line fields keep their line breaks and tabs and lose the rest. Public forms get this by
mixing in :class:`CleanInputFormMixin`, which cleans each text field before it is validated.
"""

import re
import unicodedata

from django import forms

_LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _unwanted(char, keep):
    if char in keep:
        return False
    return unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def clean_single_line(value):
    """``value`` on one line, without control or format characters, spaces collapsed."""
    if not isinstance(value, str):
        return value
    text = "".join(" " if ch in _LINE_BREAKS or ch == "\t" else ch for ch in value)
    text = "".join(ch for ch in text if not _unwanted(ch, ""))
    return re.sub(r" {2,}", " ", text).strip()


def clean_multi_line(value):
    """``value`` with its line breaks and tabs, without other control or format characters."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "".join(ch for ch in text if not _unwanted(ch, "\n\t"))


def is_multi_line(field):
    return isinstance(field.widget, forms.Textarea)


def _cleaning(to_python, cleaner):
    def wrapped(value):
        return to_python(cleaner(value))

    return wrapped


class CleanInputFormMixin:
    """Clean every text field of a form before validation (see the module's docstring).

    Fields are wrapped when the form is cleaned, so fields that a form's ``__init__`` adds
    are cleaned too. Each form instance has its own copies of its fields, so wrapping a
    field's ``to_python`` changes only this form."""

    def full_clean(self):
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and not getattr(field, "_kc_cleaned", False):
                cleaner = clean_multi_line if is_multi_line(field) else clean_single_line
                field.to_python = _cleaning(field.to_python, cleaner)
                field._kc_cleaned = True
        super().full_clean()
