# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import SQL


class StockMove(models.Model):
    _inherit = "stock.move"

    def _wjl_quality_moves(self):
        """Finished-product moves of MOs are inspected too (R3.3.3)."""
        moves = super()._wjl_quality_moves()
        return moves | self.with_prefetch(self._ids).filtered("production_id")

    def _wjl_failed_inspections_sql(self):
        return SQL(
            "(%s OR production_id = ANY(%s))",
            super()._wjl_failed_inspections_sql(),
            self.production_id.ids,
        )
