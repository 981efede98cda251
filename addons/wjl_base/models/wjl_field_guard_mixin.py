# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who may write which field, declared once per model (R7.2.2).

Every model of the suite whose fields are decided by the server (states,
who/when, references, results), by a role (what only a head or Finance may
change) or frozen in some states (an approved budget) inherits
``wjl.field.guard.mixin`` and declares it in class attributes; the mixin refuses
any other write, from the web client and from RPC alike, with a translated
message naming the fields.
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

# Server code passes this object in the context to write the fields of its
# actions; RPC contexts are JSON, so a client can never send it.
GUARD_FLOW = object()
GUARD_FLOW_KEY = "wjl_guard_flow"
# the chatter and the activities stay open to whoever may write the record
FREE_PREFIXES = ("message_", "activity_")
ALL_FIELDS = "__all__"


class WjlFieldGuardMixin(models.AbstractModel):
    """Refuse the writes a model's declaration does not allow.

    Declarations (class attributes of the inheriting model):

    ``_wjl_guard_action_fields``
        fields written only by the model's ``action_*`` methods and the system,
        through :meth:`_wjl_guard_write` (or records of :meth:`_wjl_guard_flow`).
        On create, leaving them empty (or the state at its default) is allowed.
    ``_wjl_guard_group_fields``
        ``{group xml id: fields}``: only members of the group write these fields
        (on create: give them a value). ``"__all__"`` for fields means every
        field but ``_wjl_guard_free_fields`` on write (creation is left to the
        access rights).
    ``_wjl_guard_free_fields``
        fields anyone who may write the record writes (besides chatter and
        activities), whatever ``"__all__"`` says.
    ``_wjl_guard_state_field``, ``_wjl_guard_locked_states``, ``_wjl_guard_locked_writable``
        in the locked states the record is read-only but for the locked-writable
        fields, the chatter and the action fields (written by the actions).
    ``_wjl_guard_admin_group``, ``_wjl_guard_admin_fields``
        members of the group correct group fields and the admin fields (default:
        every action field) directly; the other action fields, e.g. a state that
        only the buttons move, stay theirs too (locked states still hold).
    ``_wjl_guard_rule_fields``
        fields the write record rules depend on: after writing one of them, the
        user must still be allowed to write the records (Odoo checks write rules
        on the records as they were before).

    The superuser is bound by the locked states only. A model with a finer rule
    (per record and role) adds it in :meth:`_wjl_guard_check_records`; wording of
    its own goes in :meth:`_wjl_guard_refusal`.
    """

    _name = "wjl.field.guard.mixin"
    _description = "Who may write which field"

    _wjl_guard_action_fields = frozenset()
    _wjl_guard_group_fields = {}
    _wjl_guard_free_fields = frozenset()
    _wjl_guard_state_field = "state"
    _wjl_guard_locked_states = frozenset()
    _wjl_guard_locked_writable = frozenset()
    _wjl_guard_admin_group = None
    _wjl_guard_admin_fields = None
    _wjl_guard_rule_fields = frozenset()

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self._wjl_guard_in_flow():
            for vals in vals_list:
                self._wjl_guard_check_create(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self._wjl_guard_in_flow():
            try:
                self._wjl_guard_check_write(vals)
            except (AccessError, UserError):
                # who may not write the records at all hears it from the access
                # rights, not that a field is reserved or the record locked
                self.check_access("write")
                raise
        result = super().write(vals)
        self._wjl_guard_recheck_rules(vals)
        return result

    # ------------------------------------------------------------------
    # API for the models' actions
    # ------------------------------------------------------------------

    def _wjl_guard_flow(self):
        """These records, allowed to write the fields the server decides.

        For the model's own actions, once they checked who may act; record rules
        and access rights still apply (add ``sudo()`` where the action needs it).
        """
        return self.with_context(**{GUARD_FLOW_KEY: GUARD_FLOW})

    def _wjl_guard_write(self, vals):
        """Write the fields of an action, after checking the user may write the records."""
        self.check_access("write")
        return self._wjl_guard_flow().write(vals)

    def _wjl_guard_in_flow(self):
        return self.env.context.get(GUARD_FLOW_KEY) is GUARD_FLOW

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _wjl_guard_is_admin(self):
        return self.env.su or bool(
            self._wjl_guard_admin_group and self.env.user.has_group(self._wjl_guard_admin_group)
        )

    @api.model
    def _wjl_guard_check_create(self, vals):
        """Defaults passed in the context count as given values."""
        values = {
            key[8:]: value
            for key, value in self.env.context.items()
            if key.startswith("default_") and key[8:] in self._fields
        }
        values.update(vals)
        state_field = self._fields.get(self._wjl_guard_state_field)
        default_state = state_field.default(self) if state_field and state_field.default else None
        given = {
            fname
            for fname, value in values.items()
            if value and not (state_field and fname == state_field.name and value == default_state)
        }
        refused = self._wjl_guard_refused_action_fields(given)
        if refused:
            raise self._wjl_guard_refusal("action", refused)
        if self._wjl_guard_is_admin():
            return
        for group, fnames in self._wjl_guard_group_fields.items():
            if fnames == ALL_FIELDS:
                continue
            refused = given & set(fnames)
            if refused and not self.env.user.has_group(group):
                raise self._wjl_guard_refusal("group", refused, group=group)

    def _wjl_guard_check_write(self, vals):
        fnames = {fname for fname in vals if not fname.startswith(FREE_PREFIXES)}
        if not fnames:
            return
        action_fields = set(self._wjl_guard_action_fields)
        refused = self._wjl_guard_refused_action_fields(fnames)
        if refused:
            raise self._wjl_guard_refusal("action", refused)
        if not self._wjl_guard_is_admin():
            for group, group_fnames in self._wjl_guard_group_fields.items():
                if group_fnames == ALL_FIELDS:
                    refused = fnames - set(self._wjl_guard_free_fields)
                else:
                    refused = fnames & set(group_fnames)
                if refused and not self.env.user.has_group(group):
                    raise self._wjl_guard_refusal("group", refused, group=group)
        if self._wjl_guard_locked_states:
            refused = fnames - set(self._wjl_guard_locked_writable) - action_fields
            if refused:
                state_fname = self._wjl_guard_state_field
                locked = self.filtered(lambda r: r[state_fname] in self._wjl_guard_locked_states)
                if locked:
                    raise locked[0]._wjl_guard_refusal("locked", refused)
        if not self.env.su:
            self._wjl_guard_check_records(fnames)

    def _wjl_guard_refused_action_fields(self, fnames):
        """The action fields among ``fnames`` that the user may not write directly."""
        refused = set(fnames) & set(self._wjl_guard_action_fields)
        if not refused or self.env.su:
            return set()
        if self._wjl_guard_is_admin():
            admin_fields = self._wjl_guard_admin_fields
            refused -= set(self._wjl_guard_action_fields if admin_fields is None else admin_fields)
        return refused

    def _wjl_guard_check_records(self, fnames):
        """Hook for a rule that depends on each record and the user (no-op here).

        :param set fnames: the written fields, chatter and activities left out
        :raise: the exception of :meth:`_wjl_guard_refusal` to refuse
        """

    def _wjl_guard_recheck_rules(self, vals):
        if self.env.su or not set(self._wjl_guard_rule_fields) & vals.keys():
            return
        refused = self - self._filtered_access("write")
        if refused:
            written = set(self._wjl_guard_rule_fields) & vals.keys()
            raise self._wjl_guard_refusal("rules", written, records=refused)

    # ------------------------------------------------------------------
    # Messages
    # ------------------------------------------------------------------

    def _wjl_guard_labels(self, fnames):
        return ", ".join(
            sorted(
                self._fields[fname]._description_string(self.env)
                if fname in self._fields
                else fname
                for fname in fnames
            )
        )

    def _wjl_guard_model_label(self):
        # sudo: only the translated label of the model is read
        return self.env["ir.model"].sudo()._get(self._name).name

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        """The exception refusing to write ``fnames``; override for a model's own wording.

        :param str kind: ``action`` (set by the buttons), ``group`` (reserved to
            ``group``), ``locked`` (``self`` is in a locked state), ``rules``
            (``records`` would leave what the user may edit) or a model's own
        """
        env = self.env
        labels = self._wjl_guard_labels(fnames)
        model = self._wjl_guard_model_label()
        if kind == "action":
            return AccessError(
                env._(
                    "%(fields)s of %(model)s change only through its buttons; they cannot be "
                    "written directly.",
                    fields=labels,
                    model=model,
                )
            )
        if kind == "group":
            return AccessError(
                env._(
                    "Only members of %(group)s may change %(fields)s of %(model)s.",
                    # sudo: only the translated name of the group is read
                    group=env.ref(group).sudo().full_name,
                    fields=labels,
                    model=model,
                )
            )
        if kind == "locked":
            state_field = self._fields[self._wjl_guard_state_field]
            states = dict(state_field._description_selection(env))
            return UserError(
                env._(
                    "%(record)s is %(state)s: %(fields)s can no longer be changed.",
                    record=self.display_name,
                    state=states.get(self[state_field.name], self[state_field.name]),
                    fields=labels,
                )
            )
        if kind == "rules":
            return AccessError(
                env._(
                    "You may only create and edit %(model)s records you are responsible "
                    "for: %(records)s would leave them.",
                    model=model,
                    records=", ".join(records.sudo().mapped("display_name")),
                )
            )
        return AccessError(
            env._("You cannot change %(fields)s of %(model)s.", fields=labels, model=model)
        )
