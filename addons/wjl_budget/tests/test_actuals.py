# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import WjlBudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetActuals(WjlBudgetCommon):
    """Actual and committed amounts of budget lines (R5.1.2, R5.1.3, R5.2, R5.3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._make_budget(
            [
                (cls.dept_a, cls.item_office, 1, 1000.0),
                (cls.dept_a, cls.item_office, 2, 1000.0),
                (cls.dept_b, cls.item_office, 1, 1000.0),
                (cls.dept_b, cls.item_office, 2, 1000.0),
                (cls.dept_a, cls.item_travel, 1, 500.0),
                (cls.dept_a, cls.item_income, 1, 9000.0),
                (cls.dept_a, cls.item_cash_out, 1, 700.0),
                (cls.dept_a, cls.item_office, 3, 2000.0),
            ]
        )
        cls.office_a1 = cls._line(cls.budget, cls.dept_a, cls.item_office, 1)
        cls.office_a2 = cls._line(cls.budget, cls.dept_a, cls.item_office, 2)
        cls.office_b1 = cls._line(cls.budget, cls.dept_b, cls.item_office, 1)
        cls.office_b2 = cls._line(cls.budget, cls.dept_b, cls.item_office, 2)
        cls.office_a3 = cls._line(cls.budget, cls.dept_a, cls.item_office, 3)

    def test_partial_distribution_across_periods(self):
        """A 60/40 bill counts 60 % for A and 40 % for B, in its own month only."""
        self._post_move(self.account_office, 500.0, self._dist(a=60, b=40), self._month(1))
        self._post_move(
            self.account_office, 200.0, self._dist(b=100), self._month(2).replace(day=28)
        )
        # another account, another department's item: not office
        self._post_move(self.account_travel, 300.0, self._dist(a=100), self._month(1))
        # a draft bill does not count
        self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.vendor.id,
                "invoice_date": self._month(1),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "draft",
                            "price_unit": 999.0,
                            "account_id": self.account_office.id,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": self._dist(a=100),
                        }
                    )
                ],
            }
        )
        lines = self.office_a1 | self.office_a2 | self.office_b1 | self.office_b2
        self.assertRecordValues(
            lines,
            [
                {"amount_actual": 300.0, "amount_available": 700.0, "execution_rate": 30.0},
                {"amount_actual": 0.0, "amount_available": 1000.0, "execution_rate": 0.0},
                {"amount_actual": 200.0, "amount_available": 800.0, "execution_rate": 20.0},
                {"amount_actual": 200.0, "amount_available": 800.0, "execution_rate": 20.0},
            ],
        )
        travel = self._line(self.budget, self.dept_a, self.item_travel, 1)
        self.assertEqual(travel.amount_actual, 300.0)
        self.assertAlmostEqual(travel.variance_pct, -40.0)

    def test_keys_combining_plans(self):
        """A key like "12,57" (department and project plans) counts for the department."""
        plan = self.env["account.analytic.plan"].create({"name": "Budget test projects"})
        project = self.env["account.analytic.account"].create(
            {"name": "Fair project", "plan_id": plan.id}
        )
        distribution = {
            f"{self.analytic_a.id},{project.id}": 70,
            f"{self.analytic_b.id},{project.id}": 30,
        }
        self._post_move(self.account_office, 1000.0, distribution, self._month(1))
        self._post_move(self.account_office, 100.0, self._dist(a=100), self._month(1))
        self.assertEqual(self.office_a1.amount_actual, 800.0)
        self.assertEqual(self.office_b1.amount_actual, 300.0)

    def test_refund_and_income_sign(self):
        """Refunds reduce expenses; income items count credits as positive."""
        self._post_move(self.account_office, 400.0, self._dist(a=100), self._month(1))
        self._post_move(
            self.account_office, 100.0, self._dist(a=100), self._month(1), move_type="in_refund"
        )
        self._post_move(
            self.account_income, 5000.0, self._dist(a=100), self._month(1), move_type="out_invoice"
        )
        income = self._line(self.budget, self.dept_a, self.item_income, 1)
        self.assertEqual(self.office_a1.amount_actual, 300.0)
        self.assertEqual(income.amount_actual, 5000.0)

    def test_manual_analytic_entry_counts(self):
        """R5.1.3: actuals come from the analytic ledger, manual analytic entries included."""
        self._post_move(self.account_office, 100.0, self._dist(a=100), self._month(1))
        plan_column = self.analytic_a.root_plan_id._column_name()
        self.env["account.analytic.line"].create(
            {
                "name": "Internal recharge of the print shop",
                "date": self._month(1).replace(day=12),
                "amount": -250.0,
                "general_account_id": self.account_office.id,
                plan_column: self.analytic_a.id,
            }
        )
        # an entry on another account, or of another month, does not count
        self.env["account.analytic.line"].create(
            [
                {
                    "name": "Other account",
                    "date": self._month(1),
                    "amount": -999.0,
                    "general_account_id": self.account_travel.id,
                    plan_column: self.analytic_a.id,
                },
                {
                    "name": "Other month",
                    "date": self._month(2),
                    "amount": -40.0,
                    "general_account_id": self.account_office.id,
                    plan_column: self.analytic_a.id,
                },
            ]
        )
        self.assertEqual(self.office_a1.amount_actual, 350.0)
        self.assertEqual(self.office_a2.amount_actual, 40.0)
        self.assertEqual(self.office_b1.amount_actual, 0.0)
        analysis = self.env["wjl.budget.analysis"].search([("line_id", "=", self.office_a1.id)])
        self.assertEqual(analysis.amount_actual, 350.0, "the dashboard reads the same ledger")

    def test_fund_actuals_from_bank_journal(self):
        """Fund lines take the cash movements of their journals (R5.3)."""
        liquidity = self.bank_journal.default_account_id
        self.env["account.move"].create(
            {
                "journal_id": self.bank_journal.id,
                "date": self._month(1).replace(day=20),
                "line_ids": [
                    Command.create({"account_id": liquidity.id, "credit": 250.0, "name": "out"}),
                    Command.create(
                        {"account_id": self.account_office.id, "debit": 250.0, "name": "out"}
                    ),
                ],
            }
        ).action_post()
        fund = self._line(self.budget, self.dept_a, self.item_cash_out, 1)
        self.assertEqual(fund.amount_actual, 250.0)
        self.assertEqual(fund.amount_available, 450.0)
        analysis = self.env["wjl.budget.analysis"].search([("line_id", "=", fund.id)])
        self.assertRecordValues(
            analysis, [{"amount_actual": 250.0, "net_planned": -700.0, "net_actual": -250.0}]
        )

    def test_constant_number_of_queries(self):
        """Computing one line or all lines costs the same, small number of queries."""
        self._post_move(self.account_office, 500.0, self._dist(a=60, b=40), self._month(1))
        more = self._make_budget(
            [(self.dept_a, self.item_travel, month, 10.0) for month in range(1, 13)]
            + [(self.dept_b, self.item_travel, month, 10.0) for month in range(1, 13)],
            state="draft",
            name="More lines",
        )

        def count(lines):
            self.env.flush_all()
            self.env.invalidate_all()
            lines = self.env["wjl.budget.line"].browse(lines.ids)
            before = self.env.cr.sql_log_count
            lines.mapped("amount_available")
            return self.env.cr.sql_log_count - before

        # one line of each kind (ledger, cash) against every line of two budgets
        fund = self._line(self.budget, self.dept_a, self.item_cash_out, 1)
        count(self.office_a1)  # warm-up: the user's session, read by any request
        one = count(self.office_a1 | fund)
        many = count(self.budget.line_ids | more.line_ids)
        self.assertEqual(one, many)
        self.assertLessEqual(many, 16)

    def test_dashboard_matches_lines(self):
        self._post_move(self.account_office, 500.0, self._dist(a=60, b=40), self._month(1))
        rows = self.env["wjl.budget.analysis"].search([("budget_id", "=", self.budget.id)])
        self.assertEqual(len(rows), len(self.budget.line_ids))
        by_line = {row.line_id: row for row in rows}
        self.assertEqual(by_line[self.office_a1].amount_actual, 300.0)
        self.assertEqual(by_line[self.office_b1].amount_actual, 200.0)
        groups = self.env["wjl.budget.analysis"]._read_group(
            [("budget_id", "=", self.budget.id), ("category", "=", "expense")],
            ["department_id"],
            ["amount_actual:sum", "amount_planned:sum"],
        )
        totals = {dept: (actual, planned) for dept, actual, planned in groups}
        self.assertEqual(totals[self.dept_a], (300.0, 4500.0))
        self.assertEqual(totals[self.dept_b], (200.0, 2000.0))
