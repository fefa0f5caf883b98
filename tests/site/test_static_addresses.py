"""``{% static %}`` remembered per process (``kcsite.pages.templatetags.static_addresses``): the
same addresses as Django's tag, and a settings change is not hidden by what it remembered."""

from django.template import engines
from django.templatetags.static import static as django_static
from django.test import override_settings

TEMPLATE = (
    "{% load static_addresses %}{% static 'css/site.css' %} {% static 'js/site.js' as js %}{{ js }}"
)


def _render():
    return engines["django"].from_string(TEMPLATE).render({})


def test_the_site_template_library_answers_as_djangos():
    assert _render() == f"{django_static('css/site.css')} {django_static('js/site.js')}"
    assert _render() == _render()  # the second time from what it remembered


def test_a_new_static_url_shows_at_once():
    _render()
    with override_settings(STATIC_URL="/assets/"):
        assert _render().startswith("/assets/css/site")
    assert _render().startswith("/static/css/site")
