"""The hardening tests use the site tests' shared data (``tests/site/conftest.py``)."""

from tests.site.conftest import app_pages, method  # noqa: F401 - fixtures used by name
