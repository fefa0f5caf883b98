"""The knowledge library: training films, research references and the absence calculator.

Page tree (under the Swedish home page)::

    KnowledgeIndexPage  /kunskapsbank/
    ├── FilmLibraryPage       /kunskapsbank/filmer/         → FilmPage children
    ├── ReferenceLibraryPage  /kunskapsbank/forskning/      → one URL per Reference (routable)
    └── CalculatorPage        /kunskapsbank/franvarokalkylator/

``Reference`` is a snippet (bibliographic data is the same in every language). Inside the app,
import from the submodules (``.models.references``, ``.models.films``); this package gathers
them for Django and for other apps.
"""

from .films import Audience, CaptionTrack, FilmChapter, FilmPage, FilmPageForm
from .pages import CalculatorPage, FilmLibraryPage, KnowledgeIndexPage, ReferenceLibraryPage
from .references import (
    Reference,
    ReferenceAuthor,
    ReferenceLanguage,
    ReferenceType,
    TaggedReference,
    reference_library_url,
)
from .tiers import TierFields

__all__ = [
    "Audience",
    "CalculatorPage",
    "CaptionTrack",
    "FilmChapter",
    "FilmLibraryPage",
    "FilmPage",
    "FilmPageForm",
    "KnowledgeIndexPage",
    "Reference",
    "ReferenceAuthor",
    "ReferenceLanguage",
    "ReferenceLibraryPage",
    "ReferenceType",
    "TaggedReference",
    "TierFields",
    "reference_library_url",
]
