"""Fill English translations into site/locale/en/LC_MESSAGES/django.po and compile.

Usage: .venv/bin/python ops/translate.py TRANSLATIONS.json
The JSON maps a Swedish msgid to its English text (a list of two strings for plural forms).
Run `make messages` first so the msgids exist. Takes the same lock as `make messages`.
Prints how many entries were filled and which msgids were not found, and lists what is still
untranslated.
"""

import fcntl
import json
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def main(path):
    translations = json.loads(Path(path).read_text("utf-8"))
    (ROOT / "var").mkdir(exist_ok=True)
    with open(ROOT / "var" / ".messages.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        catalogue = polib.pofile(str(PO))
        filled, unknown = 0, []
        for msgid, text in translations.items():
            entry = catalogue.find(msgid)
            if entry is None:
                unknown.append(msgid)
                continue
            if entry.msgid_plural:
                forms = text if isinstance(text, list) else [text, text]
                entry.msgstr_plural = {0: forms[0], 1: forms[1]}
            else:
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
        catalogue.save()
        catalogue.save_as_mofile(str(PO.with_suffix(".mo")))
    missing = [e.msgid for e in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]
    print(
        f"filled {filled}; not in the catalogue: {len(unknown)}; still untranslated: {len(missing)}"
    )
    for msgid in unknown:
        print(f"  not found: {msgid!r}")
    for msgid in missing[:50]:
        print(f"  untranslated: {msgid!r}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
