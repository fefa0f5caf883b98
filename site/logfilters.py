"""Logging filters (named in ``settings.LOGGING``)."""

import logging


def is_client_error(record):
    """A record about a bad request: Django's security loggers (``DisallowedHost``,
    ``SuspiciousOperation`` …) or a 4xx response logged by ``django.request``."""
    if record.name.startswith("django.security"):
        return True
    status = getattr(record, "status_code", None)
    return record.name == "django.request" and isinstance(status, int) and 400 <= status < 500


class ClientErrorsAsWarnings(logging.Filter):
    """Log client errors at WARNING and without a traceback: they say something about a
    visitor's request, not about a fault in the site, and must not page anyone."""

    def filter(self, record):
        if is_client_error(record):
            if record.levelno > logging.WARNING:
                record.levelno = logging.WARNING
                record.levelname = logging.getLevelName(logging.WARNING)
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
