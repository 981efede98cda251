# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    wjl_account_id = fields.Many2one(
        "account.account",
        string="Budget Account",
        compute="_compute_wjl_account_id",
        store=True,
        index="btree_not_null",
        help="Expense account the vendor bill of this line will use: it tells which "
        "budget item the line commits (R5.2).",
    )

    @api.depends("product_id", "order_id.fiscal_position_id", "display_type")
    def _compute_wjl_account_id(self):
        for line in self:
            if line.display_type or not line.product_id:
                line.wjl_account_id = False
                continue
            template = line.product_id.product_tmpl_id.with_company(line.company_id)
            accounts = template.get_product_accounts(fiscal_pos=line.order_id.fiscal_position_id)
            line.wjl_account_id = accounts["expense"]
