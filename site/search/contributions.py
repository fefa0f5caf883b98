"""What apps add to the site's Swedish search, through Wagtail hooks registered in their
``wagtail_hooks.py`` (the foundation names no app):

* ``kc_search_vocabulary``: a function without arguments returning texts whose words the site
  uses beyond page titles and search descriptions (the method bank: its methods' summaries and
  keywords). The words become the forms, compound parts and spelling suggestions a query is
  matched against.
* ``kc_search_phrases``: a function taking a query's words (lowercased) and returning
  ``(start, length, terms)`` for each phrase it knows other words for (the method bank's
  English–Swedish glossary). Each such phrase is one concept whose alternatives are ``terms``,
  as with an editors' synonym group.
"""

from wagtail import hooks

VOCABULARY = "kc_search_vocabulary"
PHRASES = "kc_search_phrases"


def vocabulary_texts():
    """The texts every app contributes to the site's vocabulary."""
    for contribute in hooks.get_hooks(VOCABULARY):
        yield from contribute()


def phrase_matches(words):
    """``(start, length, terms)`` from every app's phrase source, in registration order."""
    found = []
    for match in hooks.get_hooks(PHRASES):
        found += match(words)
    return found
