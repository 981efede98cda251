# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models


class WjlQualityInspection(models.Model):
    """In-process 半成品检验 and finished-goods 成品检验 inspections of MOs (R3.3.3).

    Created when a manufacturing order is confirmed; a blocking one still to do
    refuses to finish the MO (R3.3.4).
    """

    _inherit = "wjl.quality.inspection"

    production_id = fields.Many2one("mrp.production", string="Manufacturing Order", index=True)

    @api.depends("production_id")
    def _compute_source_name(self):
        return super()._compute_source_name()

    def _wjl_source(self):
        return super()._wjl_source() or self.production_id

    def _wjl_stock_location(self):
        location = super()._wjl_stock_location()
        if not location and self.production_id:
            return self.production_id.location_dest_id
        return location

    def _wjl_relevant_moves(self, moves):
        if self.move_id or not self.production_id:
            return super()._wjl_relevant_moves(moves)
        return moves.filtered(
            lambda m: m.production_id == self.production_id and m.product_id == self.product_id
        )

    @api.model
    def _wjl_create_for_productions(self, productions):
        """Create the missing in-process / finished inspections of ``productions``."""
        productions = productions.filtered(lambda p: p.state not in ("draft", "cancel", "done"))
        if not productions:
            return self.browse()
        gates = (
            self.env["wjl.quality.gate"]
            .sudo()
            ._get_gates(["in_process", "finished"], productions.company_id)
        )
        if not gates:
            return self.browse()
        semi_finished = {
            product.id
            for [product] in self.env["mrp.bom.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", productions.product_id.ids),
                    ("bom_id.active", "=", True),
                ],
                ["product_id"],
            )
        }
        existing = defaultdict(set)
        for production, gate in self.sudo()._read_group(
            [("production_id", "in", productions.ids), ("is_rework", "=", False)],
            ["production_id", "gate_id"],
        ):
            existing[production.id].add(gate.id)
        vals_list = []
        for production in productions:
            stage = "in_process" if production.product_id.id in semi_finished else "finished"
            for gate in gates:
                if (
                    gate.stage != stage
                    or gate.company_id != production.company_id
                    or gate.id in existing[production.id]
                    or not gate._matches(production.product_id)
                ):
                    continue
                qty = production.product_uom_id._compute_quantity(
                    production.product_qty, production.product_id.uom_id
                )
                vals_list.append(
                    {
                        "gate_id": gate.id,
                        "product_id": production.product_id.id,
                        "lot_id": production.lot_producing_id.id,
                        "product_qty": qty,
                        "production_id": production.id,
                        "warehouse_id": production.location_dest_id.warehouse_id.id
                        or production.picking_type_id.warehouse_id.id,
                        "company_id": production.company_id.id,
                    }
                )
        # Same reason as for receipts: a system consequence of confirming the MO.
        return self.sudo().create(vals_list).with_env(self.env)
