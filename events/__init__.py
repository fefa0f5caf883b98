"""Trainings and knowledge exchanges: events, registration, waitlists and calendars.

``Events`` is re-exported for opensearch-py, whose ``from events import Events`` means the PyPI
package of that name and would otherwise find this app (see kcsite/compat.py).
"""

from kcsite.compat import Events  # noqa: F401
