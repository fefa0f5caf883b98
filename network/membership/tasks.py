"""Background work: every e-mail of the network goes out through the task framework."""

from django_tasks import task

from kcsite.mail import send_mail


@task()
def deliver_mail(name, context, to, language):
    """Send message ``name`` (context of plain JSON values) to the addresses ``to``."""
    send_mail(name, context, to, language=language)


@task()
def deliver_login_link(email, next_url, language):
    """Look the address up and, only if it is a member's, send a one-time login link.

    The request that queued this answered before the lookup, so its timing does not tell
    whether the address belongs to a member; the raw token never passes through the queue.
    """
    from .services import send_login_link

    send_login_link(email, next_url, language)


@task()
def deliver_welcome(application_id):
    """The approval e-mail with a one-time login link, made here so the raw token never
    passes through the queue."""
    from .services import send_welcome

    send_welcome(application_id)


@task()
def deliver_message_batch(message_id, delivery_ids):
    """One batch of a message to all members (see ``services.queue_network_message``)."""
    from .services import send_message_batch

    send_message_batch(message_id, delivery_ids)
