"""The self-assessment's e-mail: the link to the assessment, to the person who started it
(context builder for :mod:`kcsite.mail`)."""

from kcsite.mail import Mail, builder

from .models import Assessment
from .services import links
from .services.retention import about


@builder("assessment.link", about=lambda params: about(params["assessment_id"]))
def assessment_link(assessment_id, kind):
    """``kind``: "started" (the link to go on later) or "completed" (the link to the result)."""
    assessment = Assessment.objects.filter(pk=assessment_id).first()
    if assessment is None or not assessment.created_by_email:
        return None
    page = "result" if kind == "completed" and assessment.is_completed else "resume"
    return Mail(
        f"assessment/mail/{kind}",
        {
            "assessment": assessment,
            "url": links.url_for(assessment, page, assessment.language),
        },
        [assessment.created_by_email],
        assessment.language,
    )
