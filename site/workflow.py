"""Staff state changes, declared once: transitions, checks, version, audit log and mail.

An app declares its record's workflow (in ``services.py`` or a ``workflows.py`` that
services import)::

    from kcsite.workflow import Transition, Workflow

    APPLICATIONS = Workflow(
        MembershipApplication,
        state_field="status",
        version_field="version",
        transitions=[
            Transition(
                "approve",
                sources=[Status.PENDING],
                target=Status.APPROVED,
                label=_("Godkänn"),
                log_action="membership.approve",
                log_message=_("Ansökan godkänd"),
                reason_label=_("Meddelande till den sökande"),
                changes=lambda change: {"decided_at": change.now, "decided_by": change.user},
                after=create_member,  # runs inside the transaction, after the write
                mail="membership.approved",  # send_mail(name, application_id=pk)
            ),
        ],
        mail_key="application_id",
    )

and changes state with one call (no ``request``; ``user`` is the staff member or ``None``)::

    APPLICATIONS.apply(pk, "approve", user=user, reason=message)
    outcome = APPLICATIONS.apply_many(queryset, "decline", user=user, reason=message)
    outcome.done, outcome.skipped  # records, [(record, TransitionError)]

``apply`` runs in one transaction: it locks the row (``SELECT … FOR UPDATE`` where the database
has it), checks the source state, the expected version and the transition's own ``check``, then
writes with a *conditional* ``UPDATE … WHERE state = <source> [AND version = <seen>]``, so of two
staff members (or workers) applying at once exactly one wins, on PostgreSQL as on SQLite. It
bumps the version, writes the Wagtail log entry (``log_action``; the data holds ``from``, ``to``
and ``reason``), runs ``after`` and queues the mail through :func:`kcsite.mail.send_mail`, which
sends it only once the transaction commits. A transition whose record is already in the target
state (and may stay there) changes nothing and logs nothing. Every refusal is a
:class:`TransitionError` with a translated ``message`` and a ``code``.

The write is an ``UPDATE``, so ``save()`` and its signals do not run; a transition that must do
more (create a related row, release a seat) does it in ``after``. The log actions are registered
with Wagtail when the workflow is declared (``register_log_actions``): a ``log_message`` gives a
fixed text, otherwise the history reads "Status: A → B – reason".

Admin row and bulk actions, the confirmation page and dashboard panels are generated from the
same declaration by :mod:`kcsite.staff_admin`.
"""

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter, log

from kcsite.mail import send_mail


class TransitionError(Exception):
    """A state change that must not happen; ``message`` (translated) is shown to staff.

    ``code``: ``not_allowed`` (wrong state or a failed check), ``stale`` (someone changed the
    record meanwhile), ``reason_required``, ``forbidden`` (no permission) or ``gone``.
    """

    messages = {
        "not_allowed": _("Den ändringen är inte möjlig från nuvarande status."),
        "stale": _(
            "Posten ändrades medan du hade sidan öppen. Här ser du hur den ser ut nu; gör "
            "ändringen igen om den fortfarande behövs."
        ),
        "reason_required": _("Skriv en motivering."),
        "forbidden": _("Du har inte behörighet att göra den ändringen."),
        "gone": _("Posten finns inte längre."),
    }

    def __init__(self, code="not_allowed", message=None):
        self.code = code
        self.message = message or self.messages.get(code, self.messages["not_allowed"])
        super().__init__(str(self.message))


@dataclass
class Change:
    """What a transition's ``changes``, ``check``, ``after`` and ``mail`` callables receive."""

    obj: object
    transition: "Transition"
    source: str
    user: object = None
    reason: str = ""
    now: object = None
    fields: dict = field(default_factory=dict)

    @property
    def target(self):
        return self.transition.target


@dataclass(frozen=True)
class Transition:
    """One declared state change.

    ``changes(change) -> dict`` adds field values written with the state; ``check(change)``
    may raise :class:`TransitionError` (it runs under the row lock); ``after(change)`` runs
    inside the transaction after the write; ``mail`` is a message name (sent with the
    workflow's ``mail_key`` = the record's pk and ``mail_params``) or ``callable(change)``.
    ``refused`` is the message when the record is not in a source state, ``reason_missing``
    when a required reason is empty; ``reason_label`` and ``reason_help`` (and
    ``reason_required``) put a reason field on the confirmation page. ``icon``,
    ``row_button`` and ``description`` are read by :mod:`kcsite.staff_admin`.
    """

    name: str
    sources: tuple
    target: str
    label: str
    permission: str | None = None
    reason_required: bool = False
    reason_label: str | None = None
    reason_help: str | None = None
    reason_missing: str | None = None
    log_action: str | None = None
    log_message: str | None = None
    changes: object = None
    check: object = None
    after: object = None
    mail: object = None
    mail_params: dict = field(default_factory=dict)
    refused: str | None = None
    icon: str = "arrow-right"
    row_button: bool = True
    description: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "sources", tuple(self.sources))

    @property
    def asks_reason(self):
        return self.reason_required or self.reason_label is not None


@dataclass
class Outcome:
    """What :meth:`Workflow.apply_many` did: the changed records and the refused ones."""

    done: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (record, TransitionError)


class Workflow:
    """The transitions of one model's state field (see the module docstring)."""

    def __init__(
        self,
        model,
        state_field,
        transitions,
        *,
        version_field=None,
        mail_key=None,
        lock=True,
        lock_first=None,
    ):
        self.model = model
        # ``lock_first(pk)`` runs first in the transaction: lock the parent row that orders
        # every change of its children (an event for its registrations) before the record.
        self.lock_first = lock_first
        self.state_field = state_field
        self.version_field = version_field
        self.mail_key = mail_key or f"{model._meta.model_name}_id"
        self.lock = lock
        self.transitions = {}
        for transition in transitions:
            if transition.name in self.transitions:
                raise ValueError(f"Two transitions named {transition.name!r}")
            self.transitions[transition.name] = transition
        hooks.register("register_log_actions", self.register_log_actions)

    def __repr__(self):
        return f"<Workflow {self.model._meta.label}.{self.state_field}>"

    # -- reading --------------------------------------------------------------------------
    def transition(self, name):
        try:
            return self.transitions[name]
        except KeyError:
            raise LookupError(f"{self!r} has no transition {name!r}") from None

    def permission(self, transition):
        opts = self.model._meta
        return transition.permission or f"{opts.app_label}.change_{opts.model_name}"

    def log_action(self, transition):
        return transition.log_action or f"{self.model._meta.app_label}.{transition.name}"

    def state_of(self, obj):
        return getattr(obj, self.state_field)

    def state_label(self, value):
        choices = dict(self.model._meta.get_field(self.state_field).flatchoices)
        return choices.get(value, value)

    def allowed(self, obj, name, user=None):
        """Whether transition ``name`` may start from ``obj``'s state (and ``user`` may)."""
        transition = self.transition(name)
        if user is not None and not user.has_perm(self.permission(transition)):
            return False
        state = self.state_of(obj)
        return state in transition.sources and (
            state != transition.target or transition.target not in transition.sources
        )

    def available(self, obj, user=None):
        """The transitions that may start from ``obj``'s state, in declaration order."""
        return [t for t in self.transitions.values() if self.allowed(obj, t.name, user)]

    # -- changing -------------------------------------------------------------------------
    def apply(
        self,
        obj_or_pk,
        name,
        *,
        user=None,
        reason="",
        expected_version=None,
        expected_state=None,
        **fields,
    ):
        """Carry out transition ``name`` on a record (or its pk); returns the record as it is
        now. ``fields`` are written with the state (as are the transition's ``changes``).
        ``expected_version`` / ``expected_state``: what the person saw (a form posts it back);
        anything else is ``stale``. Raises :class:`TransitionError`.
        """
        transition = self.transition(name)
        if user is not None and not user.has_perm(self.permission(transition)):
            raise TransitionError("forbidden")
        reason = (reason or "").strip()
        if transition.reason_required and not reason:
            raise TransitionError("reason_required", transition.reason_missing)
        pk = getattr(obj_or_pk, "pk", obj_or_pk)
        with transaction.atomic():
            if self.lock_first:
                self.lock_first(pk)
            obj = self._locked(pk)
            state = self.state_of(obj)
            version = getattr(obj, self.version_field) if self.version_field else None
            if expected_version is not None and version != expected_version:
                raise TransitionError("stale")
            if expected_state is not None and state != expected_state:
                raise TransitionError("stale")
            if state not in transition.sources:
                raise TransitionError("not_allowed", transition.refused)
            if state == transition.target:
                return obj  # already there: nothing to do, nothing to log
            change = Change(obj, transition, state, user, reason, timezone.now(), dict(fields))
            if transition.check:
                transition.check(change)
            self._write(change, version)
            log(
                obj,
                self.log_action(transition),
                user=user,
                data={"from": str(state), "to": str(transition.target), "reason": reason},
            )
            if transition.after:
                transition.after(change)
            self._queue_mail(change)
        return obj

    def apply_many(self, objects, name, *, user=None, reason="", **fields):
        """Apply ``name`` to each record, each in its own savepoint; returns an
        :class:`Outcome` (refused records are skipped, not errors)."""
        outcome = Outcome()
        for obj in objects:
            try:
                outcome.done.append(self.apply(obj, name, user=user, reason=reason, **fields))
            except TransitionError as error:
                outcome.skipped.append((obj, error))
        return outcome

    def _locked(self, pk):
        queryset = self.model._default_manager.all()
        if self.lock and connection.features.has_select_for_update:
            queryset = queryset.select_for_update(of=("self",))
        try:
            return queryset.get(pk=pk)
        except self.model.DoesNotExist:
            raise TransitionError("gone") from None

    def _write(self, change, version):
        """The conditional UPDATE: it matches only if nobody changed the state (or version)."""
        transition = change.transition
        values = {self.state_field: transition.target}
        if transition.changes:
            values.update(transition.changes(change))
        values.update(change.fields)
        condition = {"pk": change.obj.pk, self.state_field: change.source}
        if self.version_field:
            values[self.version_field] = F(self.version_field) + 1
            condition[self.version_field] = version
        if not self.model._default_manager.filter(**condition).update(**values):
            raise TransitionError("stale")
        change.obj.refresh_from_db(fields=[name.split("__")[0] for name in values])

    def _queue_mail(self, change):
        mail = change.transition.mail
        if callable(mail):
            mail(change)
        elif mail:
            send_mail(mail, **{self.mail_key: change.obj.pk}, **change.transition.mail_params)

    # -- history --------------------------------------------------------------------------
    def register_log_actions(self, actions):
        """The ``register_log_actions`` hook: each distinct log action once."""
        for transition in self.transitions.values():
            action = self.log_action(transition)
            if action in actions.formatters:
                continue
            if transition.log_message is not None:
                actions.register_action(action, transition.label, transition.log_message)
            else:
                actions.register_action(action)(self._state_change_formatter(transition.label))

    def _state_change_formatter(self, label):
        workflow = self

        class StateChange(LogFormatter):
            def format_message(self, log_entry):
                data = log_entry.data or {}
                message = _("Status: %(from)s → %(to)s") % {
                    "from": workflow.state_label(data.get("from", "")),
                    "to": workflow.state_label(data.get("to", "")),
                }
                if data.get("reason"):
                    message += " – " + data["reason"]
                return message

        StateChange.label = label
        return StateChange
