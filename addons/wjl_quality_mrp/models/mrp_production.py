# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class MrpProduction(models.Model):
    _inherit = "mrp.production"

    wjl_inspection_ids = fields.One2many(
        "wjl.quality.inspection", "production_id", string="Quality Inspections"
    )
    wjl_inspection_count = fields.Integer(
        string="Inspections", compute="_compute_wjl_inspection_count"
    )

    @api.depends_context("uid")
    def _compute_wjl_inspection_count(self):
        counts = self.env["wjl.quality.inspection"]._wjl_counts("production_id", self)
        for production in self:
            production.wjl_inspection_count = counts.get(production, 0)

    def action_confirm(self):
        """Confirmed MOs get their in-process / finished inspections (R3.3.3)."""
        res = super().action_confirm()
        self.env["wjl.quality.inspection"]._wjl_create_for_productions(self)
        return res

    def pre_button_mark_done(self):
        """Refuse to finish an MO with blocking inspections still to do (R3.3.4)."""
        todo = self.env["wjl.quality.inspection"]._wjl_check_open("production_id", self)
        res = super().pre_button_mark_done()
        if res is True and todo:
            todo._wjl_note_still_open(
                "production_id",
                self,
                lambda names: self.env._(
                    "Finished while the non-blocking inspections %s were still to do.", names
                ),
            )
        return res

    def action_view_wjl_inspections(self):
        self.ensure_one()
        return self.env["wjl.quality.inspection"]._wjl_action_of("production_id", self)
