"""Wagtail admin view: import references from a RIS or BibTeX file."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .bibio import ImportRefused, import_file
from .forms import ReferenceImportForm

logger = logging.getLogger(__name__)


class ReferenceImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ReferenceImportForm
    template_name = "library/admin/import.html"
    page_title = _("Importera referenser")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("library.add_reference"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        try:
            report = import_file(form.cleaned_data["file"])
        except ImportRefused as refused:
            form.add_error("file", refused.message)
            return self.form_invalid(form)
        except Exception:  # noqa: BLE001 - an editor never gets a 500 from a bad file
            logger.exception("Reference import failed")
            form.add_error(
                "file",
                _(
                    "Importen misslyckades och ingenting sparades. "
                    "Kontrollera filen och försök igen."
                ),
            )
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Importen är klar: %(created)s nya, %(updated)s uppdaterade, "
                "%(skipped)s hoppades över."
            )
            % {
                "created": len(report.created),
                "updated": len(report.updated),
                "skipped": len(report.skipped),
            },
        )
        return self.render_to_response(
            self.get_context_data(form=ReferenceImportForm(), report=report)
        )
