from wagtail import hooks
from wagtail.snippets.models import register_snippet

from kcsite.search.contributions import PHRASES, VOCABULARY

from .glossary import glossary_matches
from .models import GlossaryTerm, MethodPage

register_snippet(GlossaryTerm)
hooks.register(VOCABULARY, MethodPage.search_vocabulary)
hooks.register(PHRASES, glossary_matches)
