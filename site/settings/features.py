"""The apps' own settings: membership, support on request and events."""

from .environment import env

# --- Membership ---
# Anonymous visitors to member-only pages and documents are sent to the login-link page.
WAGTAIL_FRONTEND_LOGIN_URL = "membership:login"
MEMBERSHIP_LOGIN_LINK_MINUTES = env.int("MEMBERSHIP_LOGIN_LINK_MINUTES", default=15)
MEMBERSHIP_LOGIN_LINKS_PER_ADDRESS = 3  # per address and link lifetime
MEMBERSHIP_VERIFY_LINK_HOURS = env.int("MEMBERSHIP_VERIFY_LINK_HOURS", default=72)

# --- Support ---
# Team Domino's support on request (network.support).
SUPPORT_BOOKING_WEEKS = env.int("SUPPORT_BOOKING_WEEKS", default=4)  # free times shown ahead
SUPPORT_MIN_NOTICE_HOURS = env.int("SUPPORT_MIN_NOTICE_HOURS", default=12)
SUPPORT_RESPONSE_DAYS = env.int("SUPPORT_RESPONSE_DAYS", default=5)  # promised in the receipt
SUPPORT_LINK_MAX_AGE_DAYS = env.int("SUPPORT_LINK_MAX_AGE_DAYS", default=730)
SUPPORT_RETENTION_MONTHS = env.int("SUPPORT_RETENTION_MONTHS", default=24)
SUPPORT_REQUESTS_PER_HOUR = env.int("SUPPORT_REQUESTS_PER_HOUR", default=10)  # per client
SUPPORT_ADDITIONS_PER_DAY = env.int("SUPPORT_ADDITIONS_PER_DAY", default=5)  # per request

# --- Events ---
EVENTS_REMINDER_HOURS_BEFORE = env.int("EVENTS_REMINDER_HOURS_BEFORE", default=24)
EVENTS_RETENTION_DAYS = env.int("EVENTS_RETENTION_DAYS", default=365)  # then anonymised
EVENTS_LINK_MAX_AGE_DAYS = env.int("EVENTS_LINK_MAX_AGE_DAYS", default=400)  # signed links
EVENTS_REGISTRATIONS_PER_HOUR = env.int("EVENTS_REGISTRATIONS_PER_HOUR", default=20)  # per client
# A burst (more than EVENTS_BURST_LIMIT registrations for one event from one client within
# EVENTS_BURST_SECONDS) waits, and Team Domino is told (events.bursts).
EVENTS_BURST_LIMIT = env.int("EVENTS_BURST_LIMIT", default=10)
EVENTS_BURST_SECONDS = env.int("EVENTS_BURST_SECONDS", default=60)
EVENTS_LOCK_TIMEOUT_SECONDS = 15  # PostgreSQL lock_timeout while waiting for an event's lock

# --- Self-assessment "Hur står vi oss?" (network.assessment) ---
ASSESSMENT_LINK_MAX_AGE_DAYS = env.int("ASSESSMENT_LINK_MAX_AGE_DAYS", default=730)
# The starter's e-mail address is removed this long after completion (answers stay, anonymous);
# drafts nobody saved for ASSESSMENT_DRAFT_RETENTION_DAYS are deleted with their answers.
ASSESSMENT_EMAIL_RETENTION_MONTHS = env.int("ASSESSMENT_EMAIL_RETENTION_MONTHS", default=12)
ASSESSMENT_DRAFT_RETENTION_DAYS = env.int("ASSESSMENT_DRAFT_RETENTION_DAYS", default=180)
