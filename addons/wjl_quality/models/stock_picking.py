# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    wjl_inspection_ids = fields.One2many(
        "wjl.quality.inspection", "picking_id", string="Quality Inspections"
    )
    wjl_inspection_count = fields.Integer(
        string="Inspections", compute="_compute_wjl_inspection_count"
    )

    @api.depends_context("uid")
    def _compute_wjl_inspection_count(self):
        counts = self.env["wjl.quality.inspection"]._wjl_counts("picking_id", self)
        for picking in self:
            picking.wjl_inspection_count = counts.get(picking, 0)

    def _pre_action_done_hook(self):
        """Refuse receipts with blocking inspections still to do (R3.3.4).

        A single query finds the open inspections; non-blocking ones only leave a
        note on the receipt once it is validated.
        """
        if self.env["stock.move"]._wjl_quality_skipped():
            return super()._pre_action_done_hook()
        Inspection = self.env["wjl.quality.inspection"]
        todo = Inspection
        # Prefetch limited to these pickings (hot path, see stock.move).
        receipts = self.with_prefetch(self._ids).filtered(
            lambda p: p.picking_type_id.code == "incoming"
        )
        if receipts:
            todo = Inspection._wjl_check_open("picking_id", receipts)
        res = super()._pre_action_done_hook()
        if res is True and todo:
            todo._wjl_note_still_open(
                "picking_id",
                self,
                lambda names: self.env._(
                    "Validated while the non-blocking inspections %s were still to do.", names
                ),
            )
        return res

    def action_view_wjl_inspections(self):
        self.ensure_one()
        return self.env["wjl.quality.inspection"]._wjl_action_of("picking_id", self)
