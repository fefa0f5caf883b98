"""Background work for events through django-tasks: reminders and retention.

E-mails go through :mod:`kcsite.mail` (context builders in ``events/mails.py``).
"""

from django_tasks import task


@task()
def send_reminders():
    from .services import send_due_reminders

    return send_due_reminders()


@task()
def anonymise_registrations():
    from .services import anonymise_expired

    return anonymise_expired()
