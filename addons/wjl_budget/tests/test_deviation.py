# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import WjlBudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetDeviation(WjlBudgetCommon):
    """Monthly deviation monitoring (R5.1.3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_head = new_test_user(
            cls.env, "wjlb_finance_head", groups="wjl_budget.group_budget_manager"
        )
        finance_dept = cls.env["hr.department"]._wjl_find_by_role("finance")
        if not finance_dept:
            finance_dept = cls.env["hr.department"].create(
                {"name": "Finance", "wjl_code": "WJLB-FIN", "wjl_role": "finance"}
            )
        finance_dept.manager_id = cls.env["hr.employee"].create(
            {"name": "Finance Head", "user_id": cls.finance_head.id}
        )
        cls.budget = cls._make_budget(
            [
                (cls.dept_a, cls.item_office, 1, 1000.0),
                (cls.dept_b, cls.item_office, 1, 1000.0),
            ]
        )
        cls.line_a = cls._line(cls.budget, cls.dept_a, cls.item_office, 1)
        cls.line_b = cls._line(cls.budget, cls.dept_b, cls.item_office, 1)

    def _alerts(self, lines):
        return self.env["wjl.alert"].search(
            [
                ("res_model", "=", "wjl.budget.line"),
                ("res_id", "in", lines.ids),
                ("kind", "=", "budget_deviation"),
            ]
        )

    def test_deviation_raised_once_and_resolved(self):
        self._post_move(self.account_office, 1250.0, self._dist(a=100), self._month(1))
        self._post_move(self.account_office, 950.0, self._dist(b=100), self._month(1))
        lines = self.line_a | self.line_b
        lines._check_deviation()
        alert = self._alerts(lines)
        self.assertEqual(len(alert), 1)
        self.assertRecordValues(
            alert, [{"res_id": self.line_a.id, "department_id": self.dept_a.id, "state": "open"}]
        )
        self.assertEqual(alert.user_ids, self.head_a | self.finance_head)
        self.assertIn("25.0", alert.message)
        # checking again does not add a second alert
        lines._check_deviation()
        self.assertEqual(self._alerts(lines), alert)
        self.assertEqual(alert.raise_count, 2)
        # the head explains; Finance raises the plan: back within the threshold
        self.line_a.with_user(self.head_a).deviation_explanation = "Fair moved to January"
        self.env["wjl.budget.adjustment"].create(
            {
                "budget_id": self.budget.id,
                "adjustment_type": "increase",
                "line_to_id": self.line_a.id,
                "amount": 200.0,
                "reason": "Fair",
            }
        ).action_approve()
        lines._check_deviation()
        self.assertEqual(alert.state, "resolved")
        self.assertEqual(self.line_a.deviation_explanation, "Fair moved to January")

    def test_cron_in_batches(self):
        self._post_move(self.account_office, 2000.0, self._dist(a=100), self._month(1))
        # months not over yet are not checked
        with freeze_time(date(self.year, 1, 20)):
            self.env["wjl.budget.line"]._cron_check_deviation()
        self.assertFalse(self._alerts(self.line_a))
        with freeze_time(date(self.year, 2, 3)):
            Line = self.env["wjl.budget.line"]
            # small batches: run until everything is checked
            for __ in range(1000):
                if not Line._cron_check_deviation(batch_size=50):
                    break
            self.assertEqual(len(self._alerts(self.line_a)), 1)
            self.assertEqual(len(self._alerts(self.line_b)), 1, "nothing spent is a deviation too")
            self.assertEqual(self.line_a.date_deviation_check, date(self.year, 2, 3))
            # the same day, the cron has nothing left to do
            self.assertFalse(Line._cron_check_deviation())
