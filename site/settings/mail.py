"""E-mail: the server (``EMAIL_URL``), senders, and the outbox's timeouts, retries and keeping."""

from .environment import VAR_DIR, env

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="filemail://")
if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
    EMAIL_CONFIG["EMAIL_FILE_PATH"] = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
globals().update(EMAIL_CONFIG)  # EMAIL_BACKEND, EMAIL_HOST, … from EMAIL_URL
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Team Domino <noreply@example.org>")
TEAM_DOMINO_EMAIL = env.str("TEAM_DOMINO_EMAIL", default="teamdomino@example.org")
# Every mail goes through kcsite.mail: a server that hangs is given up after EMAIL_TIMEOUT
# seconds and the message retried after each of MAIL_RETRY_DELAYS (seconds), then listed as
# failed for staff. Sent messages leave the outbox after MAIL_KEEP_SENT_DAYS.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
MAIL_RETRY_DELAYS = (60, 300, 1800, 7200, 21600)
MAIL_KEEP_SENT_DAYS = env.int("MAIL_KEEP_SENT_DAYS", default=14)
MAIL_KEEP_FAILED_DAYS = env.int("MAIL_KEEP_FAILED_DAYS", default=30)
