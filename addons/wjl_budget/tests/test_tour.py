# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBudgetAllocationTour(HttpCase):
    """Finance allocates a draft budget to two departments in the browser (R5.1.2)."""

    def test_finance_allocates_budget(self):
        new_test_user(self.env, "wjlb_tour_finance", groups="wjl_budget.group_budget_manager")
        dept_a, dept_b = self.env["hr.department"].create(
            [
                {"name": "Tour Dept A", "wjl_code": "WJLB-TA"},
                {"name": "Tour Dept B", "wjl_code": "WJLB-TB"},
            ]
        )
        account = self.env["account.account"].create(
            {"name": "Tour Office", "code": "WJLB68", "account_type": "expense"}
        )
        item = self.env["wjl.budget.item"].create(
            {
                "name": "Tour Office",
                "code": "WJLB-TOUR",
                "category": "expense",
                "account_ids": [Command.set(account.ids)],
            }
        )
        year = fields.Date.today().year + 11
        budget = self.env["wjl.budget"].create(
            {"name": "Tour Budget", "date_from": date(year, 1, 1), "date_to": date(year, 12, 31)}
        )
        self.start_tour(
            "/odoo/action-wjl_budget.wjl_budget_action",
            "wjl_budget_allocation_tour",
            login="wjlb_tour_finance",
        )
        self.assertEqual(len(budget.line_ids), 24)
        self.assertEqual(budget.line_ids.item_id, item)
        by_dept = {
            dept: sum(
                budget.line_ids.filtered(lambda line, d=dept: line.department_id == d).mapped(
                    "amount_planned"
                )
            )
            for dept in (dept_a, dept_b)
        }
        self.assertEqual(by_dept, {dept_a: 7000.0, dept_b: 5000.0})
