"""The knowledge library's models, gathered for Django and for other apps (inside the app,
import from the modules; the pages are in :mod:`.pages`)."""

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
