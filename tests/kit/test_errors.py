"""kcsite.errors.Refused: a service's refusal carries the words the person who tried reads;
kcsite.errors.Stale also carries what stands now."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from kcsite.errors import Refused, Stale


class Closed(Refused):
    message = _("Ändringen kunde inte göras.")


class Outdated(Stale, Closed):
    """Its words are Closed's."""


def test_a_refusal_says_its_class_message_or_its_own():
    assert str(Closed().message) == "Ändringen kunde inte göras."
    assert str(Closed()) == "Ändringen kunde inte göras."
    own = Closed("Välj en av mallarna.")
    assert (own.message, str(own)) == ("Välj en av mallarna.", "Välj en av mallarna.")
    assert Closed.message == Closed().message  # a raise with its own words changes no class


def test_the_message_is_read_in_the_language_of_the_page():
    with override("en"):
        assert str(Closed().message) != "Ändringen kunde inte göras."


def test_a_stale_save_carries_what_stands_now_and_its_own_words():
    error = Outdated(7)
    assert isinstance(error, Closed)
    assert (error.current, str(error)) == (7, "Ändringen kunde inte göras.")
    assert Outdated(8, "Försök igen.").message == "Försök igen."
