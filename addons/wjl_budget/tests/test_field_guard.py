# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WjlBudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetFieldGuard(WjlBudgetCommon):
    """Who writes which field of budgets, lines and adjustments, declared to
    ``wjl.field.guard.mixin`` (R5.1.1, R5.1.3, R7.2.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._make_budget([(cls.dept_a, cls.item_office, 1, 1000.0)])
        cls.line = cls.budget.line_ids

    def test_line_of_an_approved_budget(self):
        """Heads explain, nobody changes amounts, the check date is the system's."""
        self.line.with_user(self.head_a).deviation_explanation = "A fair in January"
        self.assertEqual(self.line.deviation_explanation, "A fair in January")
        with self.assertRaisesRegex(AccessError, "only explain the deviation"):
            self.line.with_user(self.head_a).amount_planned = 1.0
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            self.line.with_user(self.finance).amount_planned = 1.0
        for user in (self.head_a, self.finance):
            with self.assertRaises(AccessError):
                self.line.with_user(user).date_deviation_check = "2020-01-31"
        self.line.with_user(self.finance)._check_deviation()
        self.assertTrue(self.line.date_deviation_check)

    def test_adjustment_request_changes_while_draft(self):
        """A head changes their request while it is a draft; then only Finance decides,
        and a decided adjustment is history."""
        Adjustment = self.env["wjl.budget.adjustment"].with_user(self.head_a)
        request = Adjustment.create(
            {
                "budget_id": self.budget.id,
                "adjustment_type": "increase",
                "line_to_id": self.line.id,
                "amount": 10.0,
                "reason": "Need",
            }
        )
        request.amount = 20.0
        request.action_submit()
        with self.assertRaisesRegex(AccessError, "while it is a draft"):
            request.amount = 30.0
        request.with_user(self.finance).action_approve()
        self.assertEqual(self.line.amount_adjusted, 1020.0)
        with self.assertRaisesRegex(UserError, "kept as history"):
            request.with_user(self.finance).reason = "Rewritten"

    def test_excel_evaluation_in_the_print_menu(self):
        """R5.1.4: the Excel evaluation is a report of the budget's Print menu."""
        report = self.env.ref("wjl_budget.action_report_budget_evaluation_xlsx")
        self.assertRecordValues(
            report,
            [
                {
                    "report_type": "xlsx",
                    "binding_model_id": self.env.ref("wjl_budget.model_wjl_budget").id,
                }
            ],
        )
        action = self.budget.with_user(self.head_a).action_export_evaluation_xlsx()
        self.assertEqual(
            (action["type"], action["report_name"]),
            ("ir.actions.report", "wjl_budget.report_budget_evaluation_xlsx"),
        )
