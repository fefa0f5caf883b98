"""Every e-mail the site sends: Swedish or English, plain text and HTML, from one set of templates.

A message named ``events/mail/confirmation`` is made of ``<name>_subject.txt``, ``<name>.txt`` and
``<name>.html`` (which may extend ``mail/base.html``), rendered in the recipient's language.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def render_mail(name, context, language):
    """(subject, text, html) of message ``name`` in ``language``."""
    with translation.override(language):
        context = {"language": language, "base_url": settings.WAGTAILADMIN_BASE_URL, **context}
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        text = render_to_string(f"{name}.txt", context)
        html = render_to_string(f"{name}.html", context)
    return subject, text, html


def send_mail(name, context, to, *, language="sv", attachments=(), reply_to=None, headers=None):
    """Render and send message ``name`` to the addresses ``to``; returns the message sent.

    ``attachments`` holds (filename, content, mimetype) triples (e.g. an .ics file).
    """
    subject, text, html = render_mail(name, context, language)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=reply_to,
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
    return message
