# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WjlBudgetPurchaseCommon


@tagged("post_install", "-at_install")
class TestPurchaseControl(WjlBudgetPurchaseCommon):
    """Budget control at purchase order confirmation (R5.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._make_budget(
            [
                (cls.dept_a, cls.item_office, 3, 1000.0),
                (cls.dept_b, cls.item_office, 3, 1000.0),
            ]
        )
        cls.line_a = cls._line(cls.budget, cls.dept_a, cls.item_office, 3)
        cls.line_b = cls._line(cls.budget, cls.dept_b, cls.item_office, 3)

    def _alerts(self, line):
        return self.env["wjl.alert"].search(
            [
                ("res_model", "=", "wjl.budget.line"),
                ("res_id", "=", line.id),
                ("kind", "=", "budget_overrun"),
            ]
        )

    def test_stop_refuses_with_figures(self):
        self._post_move(self.account_office, 300.0, self._dist(a=100), self._month(3))
        self._make_po(200.0, self._dist(a=100), user=self.buyer).button_confirm()
        po = self._make_po(600.0, self._dist(a=100), user=self.buyer)
        with self.assertRaises(UserError) as catcher:
            po.button_confirm()
        message = str(catcher.exception)
        self.assertIn(self.line_a.display_name, message)
        for figure in ("planned", "actual", "committed", "available", "this order"):
            self.assertIn(figure, message)
        currency = self.currency
        for amount in (1000.0, 300.0, 200.0, 500.0, 600.0):
            self.assertIn(currency.format(amount), message)
        self.assertNotIn(self.line_b.display_name, message)
        self.assertEqual(po.state, "draft")
        # within the budget it passes
        self._make_po(500.0, self._dist(a=100), user=self.buyer).button_confirm()

    def test_buyer_cannot_skip_the_check_by_context(self):
        """The benchmarks' skip flag is for superuser code, not RPC (R5.2, R7.2.2)."""
        po = self._make_po(1500.0, self._dist(a=100), user=self.buyer)
        with self.assertRaises(UserError):
            po.with_user(self.buyer).with_context(wjl_budget_skip_check=True).button_confirm()
        self.assertEqual(po.state, "draft")

    def test_split_order_checks_each_department(self):
        """A 50/50 order of 1,600 fits both departments' 1,000; 2,400 does not."""
        po = self._make_po(1600.0, self._dist(a=50, b=50))
        po.button_confirm()
        self.assertEqual(po.state, "purchase")
        po2 = self._make_po(600.0, self._dist(a=50, b=50))
        with self.assertRaises(UserError) as catcher:
            po2.button_confirm()
        self.assertIn(self.line_a.display_name, str(catcher.exception))
        self.assertIn(self.line_b.display_name, str(catcher.exception))

    def test_tolerance(self):
        self.company.wjl_budget_tolerance = 10.0
        po = self._make_po(1100.0, self._dist(a=100))
        po.button_confirm()
        self.assertEqual(po.state, "purchase")
        with self.assertRaises(UserError):
            self._make_po(1.0, self._dist(a=100)).button_confirm()

    def test_warn_confirms_and_raises_alert(self):
        self.company.wjl_budget_control_action = "warn"
        po = self._make_po(1500.0, self._dist(a=100), user=self.buyer)
        po.button_confirm()
        self.assertEqual(po.state, "purchase")
        alert = self._alerts(self.line_a)
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.department_id, self.dept_a)
        self.assertEqual(alert.user_ids, self.head_a)
        self.assertIn("available", alert.message)
        self.assertFalse(self._alerts(self.line_b))
        # Finance increases the line: the overrun alert is resolved
        self.env["wjl.budget.adjustment"].create(
            {
                "budget_id": self.budget.id,
                "adjustment_type": "increase",
                "line_to_id": self.line_a.id,
                "amount": 600.0,
                "reason": "Approved overrun",
            }
        ).with_user(self.finance).action_approve()
        self.assertEqual(alert.state, "resolved")

    def test_ignore_and_item_override(self):
        self.company.wjl_budget_control_action = "ignore"
        po = self._make_po(5000.0, self._dist(a=100))
        po.button_confirm()
        self.assertEqual(po.state, "purchase")
        self.assertFalse(self._alerts(self.line_a))
        # the item overrides the company default
        self.item_office.control_action = "stop"
        with self.assertRaises(UserError):
            self._make_po(1010.0, self._dist(b=100)).button_confirm()
        self.company.wjl_budget_control_action = "stop"
        self.item_office.control_action = "ignore"
        po = self._make_po(5000.0, self._dist(b=100))
        po.button_confirm()
        self.assertEqual(po.state, "purchase")

    def test_out_of_budget_orders_pass(self):
        """Orders without a department, another account or another period are not checked."""
        orders = self._make_po(5000.0, False) | self._make_po(5000.0, self._dist(a=100), month=4)
        orders.button_confirm()
        self.assertEqual(set(orders.mapped("state")), {"purchase"})

    def test_two_step_validation_checked_at_approval(self):
        """An order waiting for the second approval is checked when approved."""
        self.company.write({"po_double_validation": "two_step", "po_double_validation_amount": 100})
        junior = self.wjl_user("wjlb_junior_buyer", "purchase.group_purchase_user")
        po = self._make_po(1500.0, self._dist(a=100), user=junior)
        po.with_user(junior).button_confirm()
        self.assertEqual(po.state, "to approve")
        with self.assertRaises(UserError):
            po.with_user(self.buyer).button_approve()
        self.assertEqual(po.state, "to approve")

    def test_query_count(self):
        """The check costs a small constant number of queries per order."""
        orders = [self._make_po(10.0, self._dist(a=50, b=50)) for __ in range(3)]
        stock = [self._make_po(10.0, self._dist(a=50, b=50)) for __ in range(3)]
        stock[0].with_context(wjl_budget_skip_check=True).button_confirm()
        orders[0].button_confirm()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        stock[1].with_context(wjl_budget_skip_check=True).button_confirm()
        self.env.flush_all()
        baseline = self.env.cr.sql_log_count - before
        before = self.env.cr.sql_log_count
        orders[1].button_confirm()
        self.env.flush_all()
        checked = self.env.cr.sql_log_count - before
        self.assertLessEqual(checked - baseline, 5)
