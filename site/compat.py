"""The PyPI package ``Events`` under a name that does not clash with this project's ``events`` app.

opensearch-py (Wagtail's ``opensearch2`` search backend) does ``from events import Events``. The
project's top-level ``events/`` app has the same import name, so ``events/__init__.py`` re-exports
the ``Events`` class loaded here straight from the installed distribution's file.
"""

import importlib.util
import sys
from importlib.metadata import PackageNotFoundError, distribution


def _load_pypi_events():
    try:
        path = distribution("Events").locate_file("events/__init__.py")
    except PackageNotFoundError:
        return None
    spec = importlib.util.spec_from_file_location(
        "_pypi_events", path, submodule_search_locations=[str(path.parent)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["_pypi_events"] = module
    spec.loader.exec_module(module)
    return module


_module = _load_pypi_events()
Events = getattr(_module, "Events", None)
