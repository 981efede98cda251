# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import WjlBudgetCommon


@tagged("post_install", "-at_install")
class TestBudgetFlow(WjlBudgetCommon):
    """Allocation, approval, adjustments, evaluation and roll forward (R5.1.1-R5.1.4)."""

    def _draft_budget(self):
        return (
            self.env["wjl.budget"]
            .with_user(self.finance)
            .create(
                {
                    "name": "Flow budget",
                    "date_from": date(self.year, 1, 1),
                    "date_to": date(self.year, 12, 31),
                }
            )
        )

    def _allocate(
        self, budget, total, shares, split_mode="amount", spread_mode="even", weights=None
    ):
        action = budget.action_open_allocation()
        with Form(
            self.env["wjl.budget.allocate"]
            .with_user(self.finance)
            .with_context(**action["context"])
        ) as form:
            form.item_id = self.item_office
            form.amount_total = total
            form.split_mode = split_mode
            form.spread_mode = spread_mode
            for department, value in shares:
                with form.line_ids.new() as share:
                    share.department_id = department
                    if split_mode == "amount":
                        share.amount = value
                    else:
                        share.percent = value
            if weights:
                for index, weight in enumerate(weights):
                    with form.month_ids.edit(index) as month:
                        month.weight = weight
            wizard = form.save()
        return wizard.action_allocate()

    def test_allocation_by_amounts_even(self):
        """R5.1.2: 12,000 split 7,000 / 5,000, spread evenly over twelve months."""
        budget = self._draft_budget()
        self._allocate(budget, 12000.0, [(self.dept_a, 7000.0), (self.dept_b, 5000.0)])
        lines_a = budget.line_ids.filtered(lambda line: line.department_id == self.dept_a)
        lines_b = budget.line_ids.filtered(lambda line: line.department_id == self.dept_b)
        self.assertEqual(len(lines_a), 12)
        self.assertEqual(sum(lines_a.mapped("amount_planned")), 7000.0)
        self.assertEqual(sum(lines_b.mapped("amount_planned")), 5000.0)
        self.assertEqual(lines_b[0].amount_planned, round(5000.0 / 12, 2))
        self.assertEqual(lines_a.mapped("analytic_account_id"), self.analytic_a)
        self.assertEqual(budget.amount_planned, 12000.0)
        # allocating again replaces the previous split of these departments
        self._allocate(budget, 1200.0, [(self.dept_a, 1200.0)])
        self.assertEqual(len(budget.line_ids), 24)
        self.assertEqual(budget.amount_planned, 6200.0)

    def test_allocation_by_percent_and_weights(self):
        budget = self._draft_budget()
        weights = [2] + [1] * 11
        self._allocate(
            budget,
            1300.0,
            [(self.dept_a, 60.0), (self.dept_b, 40.0)],
            "percent",
            "weights",
            weights,
        )
        lines_a = budget.line_ids.filtered(lambda line: line.department_id == self.dept_a)
        self.assertEqual(sum(lines_a.mapped("amount_planned")), 780.0)
        self.assertEqual(lines_a[0].amount_planned, 120.0)
        self.assertEqual(lines_a[1].amount_planned, 60.0)

    def test_allocation_must_add_up(self):
        budget = self._draft_budget()
        with self.assertRaisesRegex(ValidationError, "add up to"):
            self._allocate(budget, 1000.0, [(self.dept_a, 600.0), (self.dept_b, 300.0)])
        with self.assertRaisesRegex(ValidationError, "not 100"):
            self._allocate(budget, 1000.0, [(self.dept_a, 60.0), (self.dept_b, 30.0)], "percent")
        self.assertFalse(budget.line_ids)

    def test_approval_and_read_only(self):
        """Approved budgets are read-only; only Finance approves (R5.1.1)."""
        budget = self._draft_budget()
        self._allocate(budget, 1200.0, [(self.dept_a, 1200.0)])
        budget.with_user(self.finance).action_submit()
        self.assertEqual(budget.state, "submitted")
        with self.assertRaises(AccessError):
            budget.with_user(self.head_a).action_approve()
        budget.with_user(self.finance).action_approve()
        self.assertRecordValues(budget, [{"state": "approved", "approved_by_id": self.finance.id}])
        line = budget.line_ids[0]
        with self.assertRaises(UserError):
            line.with_user(self.finance).amount_planned = 5.0
        with self.assertRaises(UserError):
            budget.with_user(self.finance).name = "Renamed"
        with self.assertRaises(UserError):
            line.with_user(self.finance).unlink()
        with self.assertRaises(UserError):
            self.env["wjl.budget.line"].create(
                {
                    "budget_id": budget.id,
                    "department_id": self.dept_b.id,
                    "item_id": self.item_office.id,
                    "date_from": date(self.year, 1, 1),
                    "date_to": date(self.year, 1, 31),
                    "amount_planned": 1.0,
                }
            )
        # the explanation of a deviation may still be written
        line.with_user(self.finance).deviation_explanation = "Late invoice"
        # a second approved budget on the same year would count spending twice
        other = self._make_budget([(self.dept_b, self.item_office, 1, 10.0)], state="submitted")
        with self.assertRaisesRegex(UserError, "overlaps"):
            other.action_approve()

    def test_budget_must_cover_whole_months(self):
        with self.assertRaises(ValidationError):
            self.env["wjl.budget"].create(
                {
                    "name": "bad",
                    "date_from": date(self.year, 1, 5),
                    "date_to": date(self.year, 12, 31),
                }
            )

    def test_adjustments(self):
        """R5.1.3: transfer, increase, decrease; Finance approves; history is kept."""
        budget = self._make_budget(
            [
                (self.dept_a, self.item_office, 1, 1000.0),
                (self.dept_b, self.item_office, 1, 1000.0),
            ]
        )
        line_a = self._line(budget, self.dept_a, self.item_office, 1)
        line_b = self._line(budget, self.dept_b, self.item_office, 1)
        Adjustment = self.env["wjl.budget.adjustment"]
        # the head of A asks for more money on their line
        with Form(Adjustment.with_user(self.head_a)) as form:
            form.budget_id = budget
            form.adjustment_type = "increase"
            form.line_to_id = line_a
            form.amount = 300.0
            form.reason = "Trade fair"
            request = form.save()
        self.assertTrue(request.name.startswith("BADJ/"))
        self.assertEqual(request.department_id, self.dept_a)
        request.action_submit()
        with self.assertRaises(AccessError):
            request.with_user(self.head_a).action_approve()
        with self.assertRaises(AccessError):
            request.with_user(self.head_a).write({"state": "approved"})
        request.with_user(self.finance).action_refuse()
        # Finance moves the money from B instead
        transfer = Adjustment.with_user(self.finance).create(
            {
                "budget_id": budget.id,
                "adjustment_type": "transfer",
                "line_from_id": line_b.id,
                "line_to_id": line_a.id,
                "amount": 300.0,
                "reason": "Trade fair, paid by B",
            }
        )
        transfer.action_approve()
        self.assertRecordValues(
            line_a | line_b,
            [
                {"amount_planned": 1000.0, "amount_adjustment": 300.0, "amount_adjusted": 1300.0},
                {"amount_planned": 1000.0, "amount_adjustment": -300.0, "amount_adjusted": 700.0},
            ],
        )
        self.assertRecordValues(
            transfer,
            [
                {
                    "state": "approved",
                    "approved_by_id": self.finance.id,
                    "from_amount_before": 1000.0,
                    "to_amount_before": 1000.0,
                }
            ],
        )
        increase = Adjustment.create(
            {
                "budget_id": budget.id,
                "adjustment_type": "increase",
                "line_to_id": line_b.id,
                "amount": 50.0,
                "reason": "More",
            }
        )
        decrease = Adjustment.create(
            {
                "budget_id": budget.id,
                "adjustment_type": "decrease",
                "line_from_id": line_a.id,
                "amount": 100.0,
                "reason": "Less",
            }
        )
        (increase | decrease).with_user(self.finance).action_approve()
        self.assertEqual(line_a.amount_adjusted, 1200.0)
        self.assertEqual(line_b.amount_adjusted, 750.0)
        self.assertEqual(budget.adjustment_count, 4)
        self.assertEqual(line_a.adjustment_in_ids, request | transfer)
        # history is kept
        with self.assertRaises(UserError):
            transfer.amount = 1.0
        with self.assertRaises(UserError):
            transfer.unlink()
        # a line cannot give more than it has available
        self._post_move(self.account_office, 700.0, self._dist(b=100), self._month(1))
        too_much = Adjustment.create(
            {
                "budget_id": budget.id,
                "adjustment_type": "decrease",
                "line_from_id": line_b.id,
                "amount": 100.0,
                "reason": "Too much",
            }
        )
        with self.assertRaisesRegex(UserError, "available"):
            too_much.with_user(self.finance).action_approve()
        with self.assertRaises(ValidationError):
            Adjustment.create(
                {
                    "budget_id": budget.id,
                    "adjustment_type": "transfer",
                    "line_to_id": line_b.id,
                    "amount": 10.0,
                    "reason": "No source",
                }
            )

    def _evaluation_budget(self):
        """A budget with an adjustment, an explanation and January's bills."""
        budget = self._make_budget(
            [
                (self.dept_a, self.item_office, 1, 1000.0),
                (self.dept_a, self.item_travel, 1, 500.0),
                (self.dept_b, self.item_office, 1, 2000.0),
                (self.dept_a, self.item_income, 1, 10000.0),
            ]
        )
        line = self._line(budget, self.dept_a, self.item_travel, 1)
        self.env["wjl.budget.adjustment"].create(
            {
                "budget_id": budget.id,
                "adjustment_type": "increase",
                "line_to_id": line.id,
                "amount": 500.0,
                "reason": "Fair",
            }
        ).action_approve()
        line.deviation_explanation = "Trade fair in January"
        self._post_move(self.account_office, 800.0, self._dist(a=50, b=50), self._month(1))
        self._post_move(self.account_travel, 1100.0, self._dist(a=100), self._month(1))
        self._post_move(
            self.account_income, 12000.0, self._dist(a=100), self._month(1), move_type="out_invoice"
        )
        return budget

    def test_evaluation_figures(self):
        """R5.1.4: evaluation figures per department and category, and totals."""
        budget = self._evaluation_budget()
        rows = budget._get_evaluation_rows()
        by_key = {(r["department"], r["category_code"]): r for r in rows}
        expense_a = by_key[(self.dept_a.display_name, "expense")]
        self.assertEqual(
            (expense_a["planned"], expense_a["adjusted"], expense_a["actual"]),
            (1500.0, 2000.0, 1500.0),
        )
        self.assertEqual(expense_a["variance"], -500.0)
        self.assertEqual(expense_a["execution_rate"], 75.0)
        self.assertIn("Trade fair in January", expense_a["explanations"][0])
        income_a = by_key[(self.dept_a.display_name, "income")]
        self.assertEqual(income_a["execution_rate"], 120.0)
        expense_b = by_key[(self.dept_b.display_name, "expense")]
        self.assertEqual(expense_b["actual"], 400.0)
        totals = {r["category_code"]: r for r in budget._get_evaluation_totals(rows)}
        self.assertEqual(totals["expense"]["adjusted"], 4000.0)
        self.assertEqual(totals["expense"]["actual"], 1900.0)

    def test_evaluation_reports(self):
        """R5.1.4: the real PDF, and the Excel export of the Print menu (report_xlsx)."""
        budget = self._evaluation_budget()
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("wjl_budget.action_report_budget_evaluation", budget.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

        content = self._evaluation_xlsx(budget, self.finance)
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
        expense_row = next(
            row for row in values if row[0] == self.dept_a.display_name and row[2] == 1500.0
        )
        self.assertEqual(expense_row[3:7], [2000.0, 1500.0, -500.0, 75.0])
        self.assertIn("Trade fair in January", expense_row[8])
        with self.assertRaises(AccessError):
            self._evaluation_xlsx(budget, self.outsider)

        budget.with_context(wjl_budget_no_evaluation_attachment=True).action_close()
        self.assertEqual(budget.state, "closed")

    def test_close_attaches_evaluation(self):
        budget = self._make_budget([(self.dept_a, self.item_office, 1, 1000.0)])
        budget.with_user(self.finance).action_close()
        self.assertEqual(budget.state, "closed")
        self.assertTrue(budget.message_ids.attachment_ids)

    def test_roll_forward(self):
        """R5.1.4: next year's draft budget from this one, grown by 10 %."""
        budget = self._make_budget(
            [
                (self.dept_a, self.item_office, 1, 1000.0),
                (self.dept_b, self.item_office, 2, 2000.0),
            ]
        )
        line = self._line(budget, self.dept_a, self.item_office, 1)
        self.env["wjl.budget.adjustment"].create(
            {
                "budget_id": budget.id,
                "adjustment_type": "increase",
                "line_to_id": line.id,
                "amount": 200.0,
                "reason": "More",
            }
        ).action_approve()
        budget.with_context(wjl_budget_no_evaluation_attachment=True).action_close()
        action = budget.action_open_roll_forward()
        with Form(
            self.env["wjl.budget.roll.forward"]
            .with_user(self.finance)
            .with_context(**action["context"])
        ) as form:
            self.assertEqual(form.name, f"Budget {self.year + 1}")
            form.growth_pct = 10.0
            wizard = form.save()
        result = wizard.action_roll_forward()
        new_budget = self.env["wjl.budget"].browse(result["res_id"])
        self.assertRecordValues(
            new_budget,
            [
                {
                    "state": "draft",
                    "previous_budget_id": budget.id,
                    "date_from": date(self.year + 1, 1, 1),
                    "date_to": date(self.year + 1, 12, 31),
                }
            ],
        )
        self.assertRecordValues(
            new_budget.line_ids.sorted("date_from"),
            [
                {
                    "department_id": self.dept_a.id,
                    "amount_planned": 1320.0,
                    "date_from": date(self.year + 1, 1, 1),
                    "date_to": date(self.year + 1, 1, 31),
                },
                {
                    "department_id": self.dept_b.id,
                    "amount_planned": 2200.0,
                    "date_from": date(self.year + 1, 2, 1),
                    "date_to": date(self.year + 1, 2, 28),
                },
            ],
        )
        actual_based = budget._roll_forward(growth_pct=0.0, base="actual", name="From actuals")
        self.assertEqual(actual_based.line_ids.mapped("amount_planned"), [0.0, 0.0])
