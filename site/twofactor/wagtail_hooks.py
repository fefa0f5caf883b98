from django.utils.translation import gettext_lazy as _

from kcsite.admin_pages import register_admin_page

from .views import two_factor

register_admin_page(
    "tvastegsverifiering/",
    two_factor,
    name="kc_two_factor",
    label=_("Tvåstegsverifiering"),
    icon="key",
    order=10000,
)
