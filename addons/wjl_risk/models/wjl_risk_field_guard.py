# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import AccessError


class WjlRiskFieldGuard(models.AbstractModel):
    """The field guard of the risk models, in the words their users know (R7.2.2).

    Risks, measures and indicators declare who may write which field with
    ``wjl.field.guard.mixin``; this only words the refusal of a write that would
    move records out of the user's departments.
    """

    _name = "wjl.risk.field.guard"
    _inherit = "wjl.field.guard.mixin"
    _description = "Field guard of the risk register"

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        if kind != "rules":
            return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)
        return AccessError(
            self.env._(
                "You may only create and edit %(model)s records of your own departments: "
                "%(records)s would leave them. Choose one of your departments, or ask a "
                "risk administrator.",
                model=self._wjl_guard_model_label(),
                # sudo: only the names of the refused records are read
                records=", ".join(records.sudo().mapped("display_name")),
            )
        )
