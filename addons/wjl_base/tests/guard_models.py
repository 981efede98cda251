# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Models declared only for the tests of ``wjl.field.guard.mixin`` (loaded by
odoo_test_helper's FakeModelLoader, never installed)."""

from odoo import fields, models


class WjlGuardTestRecord(models.Model):
    """A record with every kind of declaration: action fields, a head-only field,
    locked states with an explanation still open, a rule field."""

    _name = "wjl.guard.test"
    _description = "Guarded test record"
    _inherit = ["mail.thread", "wjl.field.guard.mixin"]

    name = fields.Char()
    amount = fields.Float()
    explanation = fields.Text()
    owner_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")], default="draft"
    )
    approved_by_id = fields.Many2one("res.users")
    frozen = fields.Boolean()

    _wjl_guard_action_fields = frozenset({"state", "approved_by_id"})
    _wjl_guard_group_fields = {"wjl_base.group_wjl_manager": frozenset({"amount"})}
    _wjl_guard_locked_states = frozenset({"approved", "closed"})
    _wjl_guard_locked_writable = frozenset({"explanation"})
    _wjl_guard_admin_group = "wjl_base.group_wjl_admin"
    _wjl_guard_admin_fields = frozenset({"approved_by_id"})
    _wjl_guard_rule_fields = frozenset({"owner_id"})

    def _wjl_guard_check_records(self, fnames):
        """A per-record rule: a frozen record's name stays."""
        if "name" in fnames and any(self.mapped("frozen")):
            raise self._wjl_guard_refusal("frozen", fnames)

    def action_approve(self):
        return self._wjl_guard_write({"state": "approved", "approved_by_id": self.env.uid})


class WjlGuardTestNote(models.Model):
    """Only administrators write anything but the comment (``"__all__"``)."""

    _name = "wjl.guard.test.note"
    _description = "Guarded test note"
    _inherit = ["wjl.field.guard.mixin"]

    name = fields.Char()
    comment = fields.Text()

    _wjl_guard_group_fields = {"wjl_base.group_wjl_admin": "__all__"}
    _wjl_guard_free_fields = frozenset({"comment"})
