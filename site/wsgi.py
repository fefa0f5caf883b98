import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kcsite.settings")
application = get_wsgi_application()

# Each worker loads the Swedish lexicon now rather than on its first search (management
# commands do not import this module, so they load it only when they need it).
from kcsite.search.lexicon import warm_up  # noqa: E402

warm_up()
