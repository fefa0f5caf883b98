"""The public pages: the overview of Team Domino's support and one page per service.

A service page routes its request form to :func:`network.support.views.request_form_view`
(Wagtail's routable page); only the models package imports this module, so that route closes
no import circle.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale

from kcsite.pages.models import BasePage

from ..choices import BOOKABLE_KINDS, ServiceKind


class SupportIndexPage(BasePage):
    """/stod/: what Team Domino offers on request, one card per service."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["support.SupportServicePage"]
    max_count_per_parent = 1
    template = "support/support_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        services = list(SupportServicePage.objects.child_of(self).live().public())
        context["services"] = services
        # "Be om stöd" starts with a consultation: the lightest service, from which Team Domino
        # refers the school on when something else fits better.
        context["start_service"] = next(
            (s for s in services if s.service_kind == ServiceKind.CONSULTATION),
            services[0] if services else None,
        )
        return context

    class Meta:
        verbose_name = _("stödsida (översikt)")
        verbose_name_plural = _("stödsidor (översikt)")


class SupportServicePage(RoutablePageMixin, BasePage):
    """One offering: who it is for, what the school should have done first, what happens."""

    service_kind = models.CharField(_("typ av stöd"), max_length=30, choices=ServiceKind.choices)
    audience = models.TextField(_("för vem"), blank=True)
    prerequisites = models.TextField(
        _("innan ni ber om stöd"),
        blank=True,
        help_text=_(
            "Vad skolan ska ha gjort först: uppmärksammat, börjat utreda, påbörjat insatser."
        ),
    )
    what_happens = models.TextField(_("så går det till"), blank=True)
    duration = models.CharField(_("hur lång tid det tar"), max_length=255, blank=True)

    parent_page_types = ["support.SupportIndexPage"]
    subpage_types = []
    template = "support/support_service_page.html"

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("service_kind"),
                FieldPanel("audience"),
                FieldPanel("prerequisites"),
                FieldPanel("what_happens"),
                FieldPanel("duration"),
            ],
            heading=_("Tjänsten"),
        )
    ]

    @property
    def bookable(self):
        return self.service_kind in BOOKABLE_KINDS

    @path("")
    def service(self, request):
        return self.render(request)

    @path("begar/")
    def request_form(self, request):
        # Imported here: the view's modules import the models, which are loading when this
        # module is.
        from ..views import request_form_view

        return request_form_view(request, self)

    def request_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("request_form")

    @classmethod
    def request_form_path(cls, service_kind=None):
        """The path of the request form of ``service_kind`` in the current language (the page's
        translation when it is live, else the page itself); the consultation form when that
        kind is not published; None when neither is.

        Registered as the ``kc_support_request_url`` hook (:mod:`kcsite.referrals`).
        """
        pages = cls.objects.live().public()
        kinds = [service_kind, ServiceKind.CONSULTATION] if service_kind else []
        for kind in kinds or [ServiceKind.CONSULTATION]:
            of_kind = pages.filter(service_kind=kind)
            page = of_kind.filter(locale=Locale.get_active()).first() or of_kind.first()
            if page is not None:
                page = page.localized
                _site_id, _root, page_path = page.get_url_parts()
                return page_path + page.reverse_subpage("request_form")
        return None

    @classmethod
    def consultation_form_path(cls):
        """The consultation request form's path (see :meth:`request_form_path`).

        Registered as the ``kc_consultation_url`` hook: the method finder's "Boka konsultation"
        leads here.
        """
        return cls.request_form_path(ServiceKind.CONSULTATION)

    class Meta:
        verbose_name = _("stödtjänst")
        verbose_name_plural = _("stödtjänster")
