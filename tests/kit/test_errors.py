"""kcsite.errors.Refused: a service's refusal carries the words the person who tried reads."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from kcsite.errors import Refused


class Closed(Refused):
    message = _("Ändringen kunde inte göras.")


def test_a_refusal_says_its_class_message_or_its_own():
    assert str(Closed().message) == "Ändringen kunde inte göras."
    assert str(Closed()) == "Ändringen kunde inte göras."
    own = Closed("Välj en av mallarna.")
    assert (own.message, str(own)) == ("Välj en av mallarna.", "Välj en av mallarna.")
    assert Closed.message == Closed().message  # a raise with its own words changes no class


def test_the_message_is_read_in_the_language_of_the_page():
    with override("en"):
        assert str(Closed().message) != "Ändringen kunde inte göras."
