"""The Wagtail admin side of a :class:`~kcsite.workflow.Workflow`, generated from it.

How an app adopts the staff-actions kit:

1. Declare the workflow (``kcsite.workflow``, see its docstring) next to the services, and make
   the services' staff functions call ``WORKFLOW.apply(...)``. Delete their own lock, version
   bump, ``log()`` and ``send_mail`` code for those changes.
2. Declare the admin side once, in the app's admin/viewsets module::

       APPLICATION_ACTIONS = StaffActions(
           services.APPLICATIONS,
           icon="form",
           item_template="membership/admin/application_item.html",  # optional: one ``item``
           forms={"plan": PlanForm},  # optional: more fields, written with the state
           done_messages={"approve": ngettext_lazy(
               "%(count)d ansökan godkänd.", "%(count)d ansökningar godkända.", "count")},
       )
       PENDING = ngettext_lazy("%(count)d ansökan väntar", "%(count)d ansökningar väntar", "count")
       PENDING_PANEL = DashboardPanel(
           "membership_pending",
           _("Närvaronätverket"),
           "membership.change_membershipapplication",
           order=150,
           rows=state_counts(services.APPLICATIONS, LIST_URL_NAME, {Status.PENDING: PENDING}),
       )

   A panel that is not counts per state passes ``template_name`` and ``context`` instead.
   Edit and inspect views get the buttons in their header with :class:`HeaderButtonsMixin`
   (``staff_actions = APPLICATION_ACTIONS`` on the view class).
3. In ``wagtail_hooks.py`` only register::

       no_add_in_admin(MembershipApplication)  # before the viewsets; also=("delete",) if needed
       APPLICATION_ACTIONS.register()          # bulk actions + snippet listing row buttons
       PENDING_PANEL.register()                # the dashboard panel

   and delete the app's own ``SnippetBulkAction`` subclasses, listing-button hooks, the
   ``register_log_actions`` entries of these transitions (the workflow registers them), its
   confirmation template, permission policy class and dashboard ``Component``.

What you get: for each transition a Wagtail bulk action (``action_type`` = the transition's
name) on the model, reachable for one record from its row or header button (``?id=<pk>``,
:meth:`StaffActions.action_url`) and, for snippets, for many from the listing's bulk-action
bar. All share ONE confirmation page (``kcsite/admin/confirm_transition.html``): what will
change, which selected records are not in a source state (left alone), a reason field when the
transition asks for one (checked for personal identity numbers); afterwards one message with
the count done and one with why the others were skipped. The bulk-action view and confirmation
work for ``ModelViewSet`` models too (the listing's checkbox bar is Wagtail's, snippets only).
"""

from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from kcsite.privacy import NoPupilDataFormMixin

CONFIRM_TEMPLATE = "kcsite/admin/confirm_transition.html"


# -- permission policy --------------------------------------------------------------------------
class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Records that come from a public form or a service: nobody adds them in the admin
    (``forbidden`` may name more actions, e.g. ``delete`` where retention anonymises)."""

    def __init__(self, model, forbidden=("add",), **kwargs):
        super().__init__(model, **kwargs)
        self.forbidden = tuple(forbidden)

    def user_has_permission(self, user, action):
        return action not in self.forbidden and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


def no_add_in_admin(model, *, also=()):
    """Register :class:`NoAddPermissionPolicy` for ``model`` (call it in wagtail_hooks.py,
    before any viewset of the model asks for its policy)."""
    register_permission_policy(model, NoAddPermissionPolicy(model, ("add", *also)))


# -- the confirmation page and bulk actions -----------------------------------------------------
class TransitionBulkAction(BulkAction):
    """One transition of one workflow as a Wagtail bulk action (subclassed per transition by
    :meth:`StaffActions.bulk_action_class`)."""

    template_name = CONFIRM_TEMPLATE
    workflow = None
    transition = None
    staff_actions = None
    outcome = None

    def get_form_class(self):
        transition = self.transition
        base = self.staff_actions.forms.get(transition.name, forms.Form)
        if not transition.asks_reason:
            return base
        field = forms.CharField(
            label=transition.reason_label or gettext_lazy("Motivering"),
            help_text=transition.reason_help or "",
            required=transition.reason_required,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
        if transition.reason_missing:
            field.error_messages["required"] = transition.reason_missing
        # Staff write to the person the record is about: no personal identity numbers.
        return type("TransitionForm", (NoPupilDataFormMixin, base), {"reason": field})

    def check_perm(self, obj):
        return self.request.user.has_perm(self.workflow.permission(self.transition))

    def get_execution_context(self):
        fields = dict(self.cleaned_form.cleaned_data)
        reason = fields.pop("reason", "")
        return {"view": self, "user": self.request.user, "reason": reason, "fields": fields}

    @classmethod
    def execute_action(cls, objects, view=None, user=None, reason="", fields=None, **kwargs):
        outcome = cls.workflow.apply_many(
            objects, cls.transition.name, user=user, reason=reason, **(fields or {})
        )
        if view is not None:
            view.outcome = outcome
        return len(outcome.done), len(outcome.skipped)

    def object_context(self, obj):
        return {
            "item": obj,
            "edit_url": AdminURLFinder(self.request.user).get_edit_url(obj),
            "state": self.workflow.state_label(self.workflow.state_of(obj)),
            "applies": self.workflow.allowed(obj, self.transition.name),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = context["items"]
        context.update(
            verb=self.transition.label,
            description=self.transition.description,
            header_icon=self.staff_actions.icon,
            applicable=sum(1 for item in items if item["applies"]),
            item_template=self.staff_actions.item_template,
        )
        return context

    def get_success_message(self, done, skipped):
        if skipped and self.outcome:
            reasons = sorted({str(error.message) for _obj, error in self.outcome.skipped})
            messages.warning(
                self.request,
                ngettext(
                    "%(count)d lämnades orörd: %(reasons)s",
                    "%(count)d lämnades orörda: %(reasons)s",
                    skipped,
                )
                % {"count": skipped, "reasons": " ".join(reasons)},
            )
        if not done:
            return None
        custom = self.staff_actions.done_messages.get(self.transition.name)
        if custom:
            return custom % {"count": done}
        return _("”%(action)s”: %(count)d ändrade.") % {
            "action": self.transition.label,
            "count": done,
        }


class StaffActions:
    """The admin actions of one workflow (see the module docstring)."""

    def __init__(self, workflow, *, icon="cog", item_template=None, forms=None, done_messages=None):
        self.workflow = workflow
        self.icon = icon
        self.item_template = item_template  # renders one ``item`` on the confirmation page
        # {transition name: a Form class}: its other fields are written with the state.
        self.forms = forms or {}
        # {transition name: ngettext_lazy(…, "count")}: the message after the change.
        self.done_messages = done_messages or {}

    @cached_property
    def bulk_action_classes(self):
        return [
            self.bulk_action_class(transition, priority)
            for priority, transition in enumerate(self.workflow.transitions.values(), start=1)
        ]

    def bulk_action_class(self, transition, priority):
        opts = self.workflow.model._meta
        return type(
            f"{opts.object_name}{transition.name.title().replace('_', '')}Action",
            (TransitionBulkAction,),
            {
                "display_name": transition.label,
                "action_type": transition.name,
                "aria_label": transition.description or transition.label,
                "action_priority": priority * 10,
                "models": [self.workflow.model],
                "workflow": self.workflow,
                "transition": transition,
                "staff_actions": self,
            },
        )

    def action_url(self, name, pks, next_url=""):
        """The confirmation page of transition ``name`` for the records ``pks``."""
        opts = self.workflow.model._meta
        path = reverse("wagtail_bulk_action", args=(opts.app_label, opts.model_name, name))
        query = [("id", pk) for pk in pks]
        if next_url:
            query.append(("next", next_url))
        return f"{path}?{urlencode(query)}"

    def buttons(self, obj, user, next_url="", button_class=Button):
        """The row (or header) buttons of the transitions ``user`` may start from ``obj``."""
        if not isinstance(obj, self.workflow.model):
            return []
        return [
            button_class(
                transition.label,
                url=self.action_url(transition.name, [obj.pk], next_url),
                icon_name=transition.icon,
                priority=priority,
            )
            for priority, transition in enumerate(self.workflow.available(obj, user), start=5)
            if transition.row_button
        ]

    def register(self):
        """Register the bulk actions and the snippet listing's row buttons (wagtail_hooks.py)."""
        for action_class in self.bulk_action_classes:
            hooks.register("register_bulk_action", action_class)
        hooks.register("register_snippet_listing_buttons", self._listing_buttons)

    def _listing_buttons(self, snippet, user, next_url=None):
        return self.buttons(snippet, user, next_url or "")


class HeaderButtonsMixin:
    """An edit or inspect view with its record's transition buttons in the header; set
    ``staff_actions`` on the view class."""

    staff_actions = None

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            *self.staff_actions.buttons(
                self.object, self.request.user, self.request.get_full_path(), HeaderButton
            ),
        ]


# -- dashboard panels ---------------------------------------------------------------------------
def state_counts(workflow, url_name, phrases, *, param=None):
    """Rows for a :class:`DashboardPanel`: one per state with records, ``phrases`` mapping a
    state to an ``ngettext_lazy(…, "count")`` text; each links to the listing filtered by the
    state (``?<param or state field>=<state>``; ``param=""`` links to the listing as it is)."""
    model, field = workflow.model, workflow.state_field
    param = field if param is None else param

    def rows():
        url = reverse(url_name)
        found = []
        for state, phrase in phrases.items():
            count = model._default_manager.filter(**{field: state}).count()
            if count:
                query = f"?{urlencode({param: state})}" if param else ""
                found.append({"text": phrase % {"count": count}, "url": url + query})
        return found

    return rows


class DashboardPanel:
    """A panel on the admin's home page, shown to users with ``permission``.

    Either ``rows()`` returns ``[{"text", "url"}]`` for the kit's template (no rows: no
    panel), or ``template_name`` with ``context()`` returning its context (falsy: no panel).
    """

    def __init__(
        self, name, heading, permission, *, order=100, rows=None, template_name=None, context=None
    ):
        self.name = name
        self.heading = heading
        self.permission = permission
        self.order = order
        self.rows = rows
        self.template_name = template_name or "kcsite/admin/dashboard_panel.html"
        self.context = context

    def for_request(self, request):
        """The panel to render for ``request``, or None."""
        if not request.user.has_perm(self.permission):
            return None
        context = {"rows": self.rows()} if self.rows else self.context()
        if not context or (self.rows and not context["rows"]):
            return None
        return BoundPanel(self, context)

    def register(self):
        hooks.register("construct_homepage_panels", self._add)

    def _add(self, request, panels):
        panel = self.for_request(request)
        if panel is not None:
            panels.append(panel)


class BoundPanel(Component):
    """One :class:`DashboardPanel` with its context, as Wagtail renders it."""

    def __init__(self, panel, context):
        self.panel = panel
        self.name = panel.name
        self.order = panel.order
        self.template_name = panel.template_name
        self.context = context

    def get_context_data(self, parent_context=None):
        return {"panel": self.panel, **self.context}
