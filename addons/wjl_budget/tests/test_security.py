# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import WjlBudgetCommon


class BudgetSecurityData:
    @classmethod
    def _setup_security_data(cls):
        cls.budget = cls._make_budget(
            [
                (cls.dept_a, cls.item_office, 1, 1000.0),
                (cls.dept_b, cls.item_office, 1, 2000.0),
            ]
        )
        cls.line_a = cls._line(cls.budget, cls.dept_a, cls.item_office, 1)
        cls.line_b = cls._line(cls.budget, cls.dept_b, cls.item_office, 1)


@tagged("post_install", "-at_install")
class TestBudgetSecurity(WjlBudgetCommon, BudgetSecurityData):
    """Finance everything; department heads their lines; everyone else nothing (R7.2.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_security_data()

    def test_finance_manager_everything(self):
        Budget = self.env["wjl.budget"].with_user(self.finance)
        budget = Budget.create(
            {
                "name": "Finance",
                "date_from": date(self.year + 1, 1, 1),
                "date_to": date(self.year + 1, 12, 31),
            }
        )
        budget.name = "Finance budget"
        self.assertEqual(self.budget.with_user(self.finance).line_ids, self.line_a | self.line_b)
        self.env["wjl.budget.item"].with_user(self.finance).create(
            {"name": "New item", "category": "expense"}
        )
        budget.unlink()

    def test_finance_staff_reads_only(self):
        lines = (
            self.env["wjl.budget.line"]
            .with_user(self.finance_staff)
            .search([("budget_id", "=", self.budget.id)])
        )
        self.assertEqual(lines, self.line_a | self.line_b)
        with self.assertRaises(AccessError):
            self.budget.with_user(self.finance_staff).write({"note": "x"})
        with self.assertRaises(AccessError):
            self.env["wjl.budget.item"].with_user(self.finance_staff).create(
                {"name": "Nope", "category": "expense"}
            )

    def test_department_head_reads_own_lines(self):
        Line = self.env["wjl.budget.line"].with_user(self.head_a)
        self.assertEqual(Line.search([("budget_id", "=", self.budget.id)]), self.line_a)
        self.assertEqual(self.line_a.with_user(self.head_a).amount_planned, 1000.0)
        with self.assertRaises(AccessError):
            self.line_b.with_user(self.head_a).read(["amount_planned"])
        self.assertEqual(
            self.env["wjl.budget"].with_user(self.head_a).search([("id", "=", self.budget.id)]),
            self.budget,
        )
        analysis = (
            self.env["wjl.budget.analysis"]
            .with_user(self.head_a)
            .search([("budget_id", "=", self.budget.id)])
        )
        self.assertEqual(analysis.line_id, self.line_a)
        # explains deviations but changes no amount, creates no budget
        self.line_a.with_user(self.head_a).deviation_explanation = "Explained"
        with self.assertRaises(AccessError):
            self.line_a.with_user(self.head_a).amount_planned = 1.0
        with self.assertRaises(AccessError):
            self.line_b.with_user(self.head_a).deviation_explanation = "Not mine"
        with self.assertRaises(AccessError):
            self.env["wjl.budget"].with_user(self.head_a).create(
                {
                    "name": "Mine",
                    "date_from": date(self.year, 1, 1),
                    "date_to": date(self.year, 12, 31),
                }
            )
        with self.assertRaises(AccessError):
            self.budget.with_user(self.head_a).action_approve()
        # requests an adjustment of their own line, not of another department's
        adjustment = (
            self.env["wjl.budget.adjustment"]
            .with_user(self.head_a)
            .create(
                {
                    "budget_id": self.budget.id,
                    "adjustment_type": "increase",
                    "line_to_id": self.line_a.id,
                    "amount": 10.0,
                    "reason": "Need",
                }
            )
        )
        self.assertEqual(adjustment.state, "draft")
        with self.assertRaises(AccessError):
            self.env["wjl.budget.adjustment"].with_user(self.head_b).browse(adjustment.id).read(
                ["amount"]
            )
        with self.assertRaises(AccessError):
            self.env["wjl.budget.adjustment"].with_user(self.head_a).create(
                {
                    "budget_id": self.budget.id,
                    "adjustment_type": "increase",
                    "line_to_id": self.line_a.id,
                    "amount": 10.0,
                    "reason": "Self-approved",
                    "state": "approved",
                }
            )

    def test_everyone_else_nothing(self):
        for user in (self.staff_a, self.outsider):
            for model in (
                "wjl.budget",
                "wjl.budget.line",
                "wjl.budget.adjustment",
                "wjl.budget.item",
                "wjl.budget.analysis",
            ):
                with self.assertRaises(AccessError, msg=f"{user.login} on {model}"):
                    self.env[model].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.line_a.with_user(user).read(["amount_planned"])
            with self.assertRaises(AccessError):
                self.env["wjl.budget.allocate"].with_user(user).create(
                    {
                        "budget_id": self.budget.id,
                        "item_id": self.item_office.id,
                        "amount_total": 1.0,
                    }
                )
        with self.assertRaises(AccessError):
            self.env["wjl.budget.allocate"].with_user(self.head_a).create(
                {"budget_id": self.budget.id, "item_id": self.item_office.id, "amount_total": 1.0}
            )


@tagged("post_install", "-at_install")
class TestBudgetSecurityRpc(WjlBudgetCommon, HttpCase, BudgetSecurityData):
    """The same rules through JSON-RPC and the Excel route."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_security_data()

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_rpc_department_head(self):
        self.authenticate("wjlb_head_a", "wjlb_head_a")
        rows = self._call(
            "wjl.budget.line",
            "search_read",
            [("budget_id", "=", self.budget.id)],
            fields=["department_id", "amount_planned", "amount_actual"],
        )
        self.assertEqual([row["id"] for row in rows], self.line_a.ids)
        with self.assertRaises(JsonRpcException) as catcher:
            self._call("wjl.budget.line", "write", self.line_a.ids, {"amount_planned": 1.0})
        self.assertIn("AccessError", str(catcher.exception))
        with self.assertRaises(JsonRpcException):
            self._call("wjl.budget.line", "read", self.line_b.ids, ["amount_planned"])
        response = self.url_open(f"/wjl_budget/evaluation/{self.budget.id}/xlsx")
        self.assertEqual(response.status_code, 200, "a head may export what they can read")

    def test_rpc_staff_refused(self):
        self.authenticate("wjlb_staff_a", "wjlb_staff_a")
        with self.assertRaises(JsonRpcException) as catcher:
            self._call("wjl.budget.line", "search_read", [], fields=["amount_planned"])
        self.assertIn("AccessError", str(catcher.exception))
        response = self.url_open(f"/wjl_budget/evaluation/{self.budget.id}/xlsx")
        self.assertEqual(response.status_code, 404)

    def test_rpc_finance_export(self):
        self.authenticate("wjlb_finance", "wjlb_finance")
        rows = self._call(
            "wjl.budget.line",
            "search_read",
            [("budget_id", "=", self.budget.id)],
            fields=["amount_planned"],
        )
        self.assertEqual(len(rows), 2)
        response = self.url_open(f"/wjl_budget/evaluation/{self.budget.id}/xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
