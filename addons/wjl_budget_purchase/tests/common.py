# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields

from odoo.addons.wjl_budget.tests.common import WjlBudgetCommon


class WjlBudgetPurchaseCommon(WjlBudgetCommon):
    """The budget fixtures of ``wjl_budget``, a buyer, a product and purchase orders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "wjl_budget_control_action": "stop",
                "wjl_budget_tolerance": 0.0,
                "po_double_validation": "one_step",
            }
        )
        cls.buyer = cls.wjl_user("wjlb_buyer", "purchase.group_purchase_manager")
        cls.product = cls.env["product.product"].create(
            {
                "name": "Budget paper",
                "type": "service",
                "purchase_method": "purchase",
                "standard_price": 100.0,
                "property_account_expense_id": cls.account_office.id,
                "supplier_taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _make_po(cls, amount, distribution, month=3, qty=1.0, user=None):
        env = cls.env(user=user) if user else cls.env
        return env["purchase.order"].create(
            {
                "partner_id": cls.vendor.id,
                "date_order": fields.Datetime.to_datetime(cls._month(month)).replace(hour=10),
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_qty": qty,
                            "price_unit": amount / qty,
                            "taxes_id": [Command.clear()],
                            "analytic_distribution": distribution,
                        }
                    )
                ],
            }
        )
