"""The signed link to one assessment (mailed to the person who started it).

The link carries the assessment's id and the version it was made for. Showing the assessment
through it always works while it is valid (``ASSESSMENT_LINK_MAX_AGE_DAYS``); a save compares
the version its form posts with the assessment's, never the link's.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from kcsite import links

from ..models import Assessment

KIND = "assessment.link"


def token_for(assessment):
    return links.make_token(KIND, assessment.pk, assessment.version)


def read(token):
    """The assessment behind ``token``; raises :class:`kcsite.links.LinkError`."""
    max_age = timedelta(days=settings.ASSESSMENT_LINK_MAX_AGE_DAYS)
    assessments = Assessment.objects.select_related("indicator_set")
    assessment, _link = links.read_record(KIND, token, assessments, max_age=max_age)
    return assessment


def path_for(assessment, name="resume", language=None, **kwargs):
    """The path of one of the assessment's pages (``resume``, ``area``, ``review``,
    ``result``, ``repeat``) in ``language`` (the active one when None)."""
    with translation.override(language or translation.get_language()):
        return reverse(f"assessment:{name}", kwargs={"token": token_for(assessment), **kwargs})


def url_for(assessment, name="resume", language=None, **kwargs):
    return links.absolute_url(path_for(assessment, name, language, **kwargs))
