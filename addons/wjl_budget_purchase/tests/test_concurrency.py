# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time
from datetime import date, datetime

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestBudgetConcurrency(BaseCase):
    """Two users confirm orders against the same last available amount (R5.2).

    The commits below are the point of the test: two independent transactions
    only see each other's committed work.

    The data must be visible to two independent transactions, so it is committed
    in its own cursor and removed at the end; each confirmation runs in its own
    database cursor (``registry.cursor()``), the second one in a thread.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = odoo_registry = Registry(get_db_name())
        cls.addClassCleanup(cls._cleanup)
        year = date.today().year + 9
        with odoo_registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            department = env["hr.department"].create(
                {"name": "Concurrency Dept", "wjl_code": "WJLB-CC"}
            )
            analytic = department._wjl_ensure_analytic_account()
            account = env["account.account"].create(
                {"name": "Concurrency Office", "code": "WJLB69", "account_type": "expense"}
            )
            item = env["wjl.budget.item"].create(
                {
                    "name": "Concurrency office",
                    "code": "WJLB-CC",
                    "category": "expense",
                    "control_action": "stop",
                    "account_ids": [Command.set(account.ids)],
                }
            )
            budget = env["wjl.budget"].create(
                {
                    "name": "Concurrency",
                    "date_from": date(year, 1, 1),
                    "date_to": date(year, 12, 31),
                }
            )
            line = env["wjl.budget.line"].create(
                {
                    "budget_id": budget.id,
                    "department_id": department.id,
                    "item_id": item.id,
                    "date_from": date(year, 5, 1),
                    "date_to": date(year, 5, 31),
                    "amount_planned": 1000.0,
                }
            )
            budget.action_submit()
            budget.action_approve()
            # one product per order, so that the two confirmations share nothing
            # but the budget line
            products = env["product.product"].create(
                [
                    {
                        "name": f"Concurrency paper {index}",
                        "type": "service",
                        "property_account_expense_id": account.id,
                        "supplier_taxes_id": [Command.clear()],
                    }
                    for index in range(2)
                ]
            )
            partners = env["res.partner"].create(
                [{"name": f"Concurrency Vendor {index}"} for index in range(2)]
            )
            orders = env["purchase.order"].create(
                [
                    {
                        "partner_id": partner.id,
                        "date_order": datetime(year, 5, 10, 10, 0),
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "product_qty": 1,
                                    "price_unit": 800.0,
                                    "taxes_id": [Command.clear()],
                                    "analytic_distribution": {str(analytic.id): 100},
                                }
                            )
                        ],
                    }
                    for product, partner in zip(products, partners)
                ]
            )
            cls.ids = {
                "department": department.id,
                "analytic": analytic.id,
                "account": account.id,
                "item": item.id,
                "budget": budget.id,
                "line": line.id,
                "products": products.ids,
                "templates": products.product_tmpl_id.ids,
                "partners": partners.ids,
                "orders": orders.ids,
            }
            cr.commit()  # pylint: disable=invalid-commit

    @classmethod
    def _cleanup(cls):
        ids = getattr(cls, "ids", None)
        if not ids:
            return
        with cls.registry.cursor() as cr:
            records = [
                ("purchase.order", ids["orders"]),
                ("wjl.budget", [ids["budget"]]),
                ("wjl.budget.line", [ids["line"]]),
                ("product.template", ids["templates"]),
                ("product.product", ids["products"]),
                ("res.partner", ids["partners"]),
                ("hr.department", [ids["department"]]),
            ]
            statements = [
                SQL(
                    "DELETE FROM wjl_alert WHERE res_model = 'wjl.budget.line' AND res_id = %s",
                    ids["line"],
                ),
                SQL("DELETE FROM mail_followers WHERE partner_id = ANY(%s)", ids["partners"]),
            ]
            for model, res_ids in records:
                statements += [
                    SQL(
                        "DELETE FROM mail_message WHERE model = %s AND res_id = ANY(%s)",
                        model,
                        res_ids,
                    ),
                    SQL(
                        "DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s)",
                        model,
                        res_ids,
                    ),
                    SQL(
                        "DELETE FROM mail_activity WHERE res_model = %s AND res_id = ANY(%s)",
                        model,
                        res_ids,
                    ),
                ]
            statements += [
                SQL("DELETE FROM purchase_order WHERE id = ANY(%s)", ids["orders"]),
                SQL("DELETE FROM wjl_budget WHERE id = %s", ids["budget"]),
                SQL("DELETE FROM wjl_budget_item WHERE id = %s", ids["item"]),
                SQL(
                    "DELETE FROM product_supplierinfo WHERE product_tmpl_id = ANY(%s)",
                    ids["templates"],
                ),
                SQL("DELETE FROM product_product WHERE id = ANY(%s)", ids["products"]),
                SQL("DELETE FROM product_template WHERE id = ANY(%s)", ids["templates"]),
                SQL("DELETE FROM res_partner WHERE id = ANY(%s)", ids["partners"]),
                SQL("DELETE FROM hr_department WHERE id = %s", ids["department"]),
                SQL("DELETE FROM account_analytic_account WHERE id = %s", ids["analytic"]),
                SQL("DELETE FROM account_account WHERE id = %s", ids["account"]),
            ]
            for statement in statements:
                cr.execute(statement)
            cr.commit()  # pylint: disable=invalid-commit

    def _confirm(self, cr, order_id):
        env = api.Environment(cr, SUPERUSER_ID, {})
        order = env["purchase.order"].browse(order_id)
        order.button_confirm()
        return order

    def test_two_cursors_cannot_both_pass(self):
        """The second confirmation waits for the first and sees it (R5.2)."""
        order_1, order_2 = self.ids["orders"]
        outcome = {}
        started = threading.Event()

        def second_user():
            with self.registry.cursor() as cr2:
                # the transaction's snapshot is taken before the first user commits
                cr2.execute("SELECT 1")
                started.set()
                try:
                    self._confirm(cr2, order_2)
                    cr2.commit()  # pylint: disable=invalid-commit
                    outcome["result"] = "confirmed"
                except pg_errors.SerializationFailure:
                    outcome["result"] = "serialization failure"
                    cr2.rollback()
                except UserError as exc:
                    outcome["result"] = "refused"
                    outcome["message"] = str(exc)
                    cr2.rollback()

        with self.registry.cursor() as cr1:
            self._confirm(cr1, order_1)
            thread = threading.Thread(target=second_user)
            thread.start()
            started.wait(10)
            time.sleep(0.5)  # the second user now waits on the budget line lock
            self.assertTrue(thread.is_alive(), "the second confirmation must wait")
            cr1.commit()  # pylint: disable=invalid-commit
        thread.join(30)
        self.assertFalse(thread.is_alive())
        # its snapshot predates the first commit, yet it counts the first order:
        # refused at once, with no serialization error for the user to see
        self.assertEqual(outcome.get("result"), "refused")
        self.assertIn("exceeds the budget", outcome["message"])
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT id, state FROM purchase_order WHERE id = ANY(%s) ORDER BY id",
                    self.ids["orders"],
                )
            )
            self.assertEqual(cr.fetchall(), [(order_1, "purchase"), (order_2, "draft")])
