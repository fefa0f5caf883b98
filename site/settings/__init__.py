"""Settings for Kunskapscentrum för skolnärvaro.

The environment is read here and nowhere else. With nothing set, the site runs embedded:
SQLite and local files under ``var/``, Wagtail's database search backend and e-mail written
to ``var/mail``. ``DJANGO_ENV=production`` refuses unsafe defaults at start-up.

``kcsite.settings`` is a package split by concern; this module gathers it (the order matters:
later modules read earlier ones). Add a setting to the module of its concern.
"""

# isort: skip_file
from .environment import *  # noqa: F403
from .application import *  # noqa: F403
from .data import *  # noqa: F403
from .files import *  # noqa: F403
from .mail import *  # noqa: F403
from .cms import *  # noqa: F403
from .security import *  # noqa: F403
from .features import *  # noqa: F403
