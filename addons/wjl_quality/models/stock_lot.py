# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockLot(models.Model):
    _inherit = "stock.lot"

    wjl_nonconforming = fields.Boolean(
        string="Nonconforming",
        tracking=True,
        copy=False,
        help="Marked 标识 when an inspection of this lot failed (R3.3.3).",
    )
    wjl_nonconformance_ids = fields.One2many(
        "wjl.quality.nonconformance", "lot_id", string="Nonconformances"
    )
