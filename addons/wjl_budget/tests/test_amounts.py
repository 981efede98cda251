# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from contextlib import contextmanager
from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import WjlBudgetCommon

INSANE_AMOUNTS = (-1.0, 1e300, "1e309", "nan")


@tagged("post_install", "-at_install")
class TestBudgetAmounts(WjlBudgetCommon):
    """Amounts are sane and texts are real text, whatever path writes them.

    Issue 11 items 8 and 9 (R5.1.2, R5.1.3, R7.2.2).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.budget = cls._make_budget(
            [
                (cls.dept_a, cls.item_office, 1, 1000.0),
                (cls.dept_b, cls.item_office, 1, 1000.0),
            ]
        )
        cls.line_a = cls._line(cls.budget, cls.dept_a, cls.item_office, 1)
        cls.line_b = cls._line(cls.budget, cls.dept_b, cls.item_office, 1)
        cls.draft = cls._make_budget(
            [(cls.dept_a, cls.item_office, 1, 10.0)], state="draft", name="Draft budget"
        )
        cls.draft_line = cls.draft.line_ids

    @contextmanager
    def _refused(self, exception, text, msg=None):
        """``assertRaises`` (which rolls back to a savepoint) and the message."""
        with self.assertRaises(exception, msg=msg) as catcher:
            yield
        self.assertIn(text, str(catcher.exception))

    def _line_vals(self, amount):
        return {
            "budget_id": self.draft.id,
            "department_id": self.dept_b.id,
            "item_id": self.item_office.id,
            "date_from": date(self.year, 2, 1),
            "date_to": date(self.year, 2, 28),
            "amount_planned": amount,
        }

    def _adjustment(self, amount, adjustment_type="increase", line_from=None, line_to=None):
        return (
            self.env["wjl.budget.adjustment"]
            .with_user(self.finance)
            .create(
                {
                    "budget_id": self.budget.id,
                    "adjustment_type": adjustment_type,
                    "line_from_id": line_from.id if line_from else False,
                    "line_to_id": line_to.id if line_to else False,
                    "amount": amount,
                    "reason": "Test",
                }
            )
        )

    def test_planned_amount_within_bounds(self):
        """R5.1.2: a planned amount is a number between 0 and one trillion."""
        Line = self.env["wjl.budget.line"].with_user(self.finance)
        for amount in INSANE_AMOUNTS:
            with self._refused(ValidationError, "between 0 and", msg=str(amount)):
                Line.create(self._line_vals(amount))
            with self._refused(ValidationError, "between 0 and", msg=str(amount)):
                self.draft_line.with_user(self.finance).amount_planned = amount
        line = Line.create(self._line_vals(1e9))
        line.amount_planned = 0.0
        self.assertEqual(self.draft.amount_planned, 10.0)

    def test_allocation_total_within_bounds(self):
        """R5.1.2: the allocation wizard refuses an insane total or share."""
        Allocate = self.env["wjl.budget.allocate"].with_user(self.finance)
        for amount in (1e300, "1e309"):
            with self._refused(ValidationError, "between 0 and"):
                Allocate.create(
                    {
                        "budget_id": self.draft.id,
                        "item_id": self.item_travel.id,
                        "amount_total": amount,
                    }
                )
            with self._refused(ValidationError, "between 0 and"):
                Allocate.create(
                    {
                        "budget_id": self.draft.id,
                        "item_id": self.item_travel.id,
                        "amount_total": 100.0,
                        "line_ids": [(0, 0, {"department_id": self.dept_a.id, "amount": amount})],
                    }
                )

    def test_adjustment_amount_within_bounds(self):
        """R5.1.3: an adjustment amount is a number, positive and bounded."""
        for amount in INSANE_AMOUNTS:
            with self._refused(ValidationError, "between 0 and", msg=str(amount)):
                self._adjustment(amount, line_to=self.line_a)
        adjustment = self._adjustment(10.0, line_to=self.line_a)
        with self._refused(ValidationError, "between 0 and"):
            adjustment.amount = "1e309"
        with self._refused(ValidationError, "must be positive"):
            adjustment.amount = 0.0

    def test_adjustment_never_leaves_a_line_below_zero(self):
        """R5.1.3: a decrease may be larger than the spending, not than the line.

        A refund makes the actual amount negative: the available amount is then
        larger than the adjusted amount, yet the line cannot go below zero.
        """
        self._post_move(
            self.account_office, 500.0, self._dist(a=100), self._month(1), move_type="in_refund"
        )
        self.assertEqual(self.line_a.amount_available, 1500.0)
        decrease = self._adjustment(1200.0, "decrease", line_from=self.line_a)
        with self._refused(ValidationError, "between 0 and"):
            decrease.action_approve()
        transfer = self._adjustment(1001.0, "transfer", line_from=self.line_a, line_to=self.line_b)
        with self._refused(ValidationError, "between 0 and"):
            transfer.action_approve()
        self.assertEqual(self.line_a.amount_adjusted, 1000.0)
        # down to zero exactly is fine
        self._adjustment(1000.0, "decrease", line_from=self.line_a).action_approve()
        self.assertEqual(self.line_a.amount_adjusted, 0.0)

    def test_adjustment_reference_from_the_sequence(self):
        """R5.1.3: the reference of an adjustment comes from the sequence only."""
        other = self._adjustment(10.0, line_to=self.line_a)
        request = (
            self.env["wjl.budget.adjustment"]
            .with_user(self.head_a)
            .create(
                {
                    "name": other.name,
                    "budget_id": self.budget.id,
                    "adjustment_type": "increase",
                    "line_to_id": self.line_a.id,
                    "amount": 10.0,
                    "reason": "Mine",
                }
            )
        )
        self.assertNotEqual(request.name, other.name)
        self.assertTrue(request.name.startswith("BADJ/"))
        with self.assertRaises(UserError):
            request.with_user(self.head_a).name = other.name
        with self.assertRaises(UserError):
            other.with_user(self.finance).name = "BADJ/forged"

    def test_required_texts(self):
        """R7.2.2 (issue 11 item 9): names of budgets and items, reasons of adjustments."""
        blanks = ("", "   ", "\t\n")
        Budget = self.env["wjl.budget"].with_user(self.finance)
        Item = self.env["wjl.budget.item"].with_user(self.finance)
        for blank in blanks:
            with self._refused(ValidationError, "empty or white space"):
                Budget.create(
                    {
                        "name": blank,
                        "date_from": date(self.year + 1, 1, 1),
                        "date_to": date(self.year + 1, 12, 31),
                    }
                )
            with self._refused(ValidationError, "empty or white space"):
                self.draft.with_user(self.finance).name = blank
            with self._refused(ValidationError, "empty or white space"):
                Item.create({"name": blank, "category": "expense"})
            with self._refused(ValidationError, "empty or white space"):
                self.item_office.with_user(self.finance).name = blank
            with self._refused(ValidationError, "empty or white space"):
                self.env["wjl.budget.adjustment"].with_user(self.head_a).create(
                    {
                        "budget_id": self.budget.id,
                        "adjustment_type": "increase",
                        "line_to_id": self.line_a.id,
                        "amount": 10.0,
                        "reason": blank,
                    }
                )


@tagged("post_install", "-at_install")
class TestBudgetAmountsRpc(WjlBudgetCommon, HttpCase):
    """The same checks through JSON-RPC (issue 11 items 8 and 9)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls._make_budget(
            [(cls.dept_a, cls.item_office, 1, 10.0)], state="draft", name="Draft budget"
        )

    def _call_error(self, model, method, *args):
        """The error a JSON-RPC call answers with, as the user sees it."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": list(args), "kwargs": {}},
        }
        response = self.url_open(
            "/web/dataset/call_kw",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        error = response.json()["error"]["data"]
        return error["name"], error["message"]

    def test_rpc_insane_amount_and_blank_name(self):
        self.authenticate("wjlb_finance", "wjlb_finance")
        line_ids = self.draft.line_ids.ids
        for amount in ("1e309", 1e300, -5):
            name, message = self._call_error(
                "wjl.budget.line", "write", line_ids, {"amount_planned": amount}
            )
            self.assertEqual(name, "odoo.exceptions.ValidationError")
            self.assertIn("between 0 and 1,000,000,000,000", message)
        name, message = self._call_error("wjl.budget", "write", self.draft.ids, {"name": "  "})
        self.assertEqual(name, "odoo.exceptions.ValidationError")
        self.assertIn("empty or white space", message)
        self.assertEqual(self.draft.line_ids.amount_planned, 10.0)
