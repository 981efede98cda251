# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, HttpCase, tagged
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

    @classmethod
    def _post_security_actuals(cls):
        """300 spent by A and 500 by B in January: the figures each may see."""
        cls._post_move(cls.account_office, 300.0, cls._dist(a=100), cls._month(1))
        cls._post_move(cls.account_office, 500.0, cls._dist(b=100), cls._month(1))

    @staticmethod
    def _xlsx_departments(content):
        """Departments of the detail rows (before the blank row and the totals)."""
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        departments = set()
        for row in sheet.iter_rows(min_row=5, values_only=True):
            if not row[0]:
                break
            departments.add(row[0])
        return departments


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

    def test_head_sees_own_figures_of_the_budget(self):
        """R5.1, R7.2.2 (issue 11 item 2): the budget as a department head reads it.

        Its totals are those of the head's departments and ``line_ids`` holds only
        their lines, also when the record rules were checked first (as superuser).
        """
        self._post_security_actuals()
        fnames = ["amount_planned", "amount_adjusted", "amount_actual", "amount_committed"]
        self.env.invalidate_all()  # a new request: nothing cached yet
        [values] = self.budget.with_user(self.head_a).read([*fnames, "line_ids", "line_count"])
        self.assertEqual(values["line_ids"], self.line_a.ids)
        self.assertEqual(values["line_count"], 1)
        self.assertEqual(
            [values[fname] for fname in fnames],
            [self.line_a.amount_planned, self.line_a.amount_adjusted, 300.0, 0.0],
        )
        [listed] = (
            self.env["wjl.budget"]
            .with_user(self.head_b)
            .search_read([("id", "=", self.budget.id)], ["amount_planned", "amount_actual"])
        )
        self.assertEqual((listed["amount_planned"], listed["amount_actual"]), (2000.0, 500.0))
        # Finance reads the whole budget
        self.env.invalidate_all()
        [values] = self.budget.with_user(self.finance_staff).read([*fnames, "line_ids"])
        self.assertEqual(set(values["line_ids"]), set((self.line_a | self.line_b).ids))
        self.assertEqual([values[fname] for fname in fnames], [3000.0, 3000.0, 800.0, 0.0])
        # the dashboard totals of the head: their department only
        [[planned, actual]] = (
            self.env["wjl.budget.analysis"]
            .with_user(self.head_a)
            ._read_group(
                [("budget_id", "=", self.budget.id)],
                [],
                ["amount_planned:sum", "amount_actual:sum"],
            )
        )
        self.assertEqual((planned, actual), (1000.0, 300.0))

    def test_head_opens_the_budget_form(self):
        """R7.2.2 (issue 11 item 2): the form opens for a head, with their lines only."""
        self.env.invalidate_all()
        budget = self.budget.with_user(self.head_a)
        # routes check the access first (chatter, reports, downloads): the record
        # rules are then evaluated as superuser in the same transaction
        budget.check_access("read")
        form = Form(budget)
        self.assertEqual(form.amount_planned, 1000.0)
        self.assertEqual(form.line_ids.ids, self.line_a.ids)
        self.assertTrue(
            self.env.ref("wjl_budget.menu_wjl_budget")
            .with_user(self.head_a)
            ._filter_visible_menus()
        )

    def test_head_evaluation_shows_own_departments(self):
        """R5.1.4, R7.2.2 (issue 11 item 2): evaluation PDF/HTML data and Excel of a head."""
        self._post_security_actuals()
        self.env.invalidate_all()
        budget = self.budget.with_user(self.head_a)
        rows = budget._get_evaluation_rows()
        self.assertEqual([row["department"] for row in rows], [self.dept_a.display_name])
        self.assertEqual((rows[0]["planned"], rows[0]["actual"]), (1000.0, 300.0))
        totals = budget._get_evaluation_totals(rows)
        self.assertEqual([total["planned"] for total in totals], [1000.0])
        html = (
            self.env["ir.actions.report"]
            .with_user(self.head_a)
            ._render_qweb_html("wjl_budget.action_report_budget_evaluation", budget.ids)[0]
            .decode()
        )
        self.assertIn(self.dept_a.display_name, html)
        self.assertNotIn(self.dept_b.display_name, html)
        content = self._evaluation_xlsx(budget, self.head_a)
        self.assertEqual(self._xlsx_departments(content), {self.dept_a.display_name})
        # Finance evaluates every department
        rows = self.budget.with_user(self.finance)._get_evaluation_rows()
        self.assertEqual(
            {row["department"] for row in rows},
            {self.dept_a.display_name, self.dept_b.display_name},
        )

    def test_states_only_through_actions(self):
        """R5.1.1, R5.1.3: states, who and when are set by the actions, not by writes.

        A direct write would approve an overlapping budget or an adjustment
        without its checks.
        """
        Budget = self.env["wjl.budget"].with_user(self.finance)
        other = self._make_budget([(self.dept_b, self.item_travel, 1, 10.0)], state="submitted")
        with self.assertRaisesRegex(UserError, "only through its buttons"):
            other.with_user(self.finance).write({"state": "approved"})
        with self.assertRaises(UserError):
            self.budget.with_user(self.finance).write({"approved_by_id": self.head_a.id})
        with self.assertRaises(UserError):
            Budget.create(
                {
                    "name": "Approved at once",
                    "date_from": date(self.year + 2, 1, 1),
                    "date_to": date(self.year + 2, 12, 31),
                    "state": "approved",
                }
            )
        self.assertEqual(other.state, "submitted")
        Adjustment = self.env["wjl.budget.adjustment"].with_user(self.finance)
        vals = {
            "budget_id": self.budget.id,
            "adjustment_type": "increase",
            "line_to_id": self.line_a.id,
            "amount": 10.0,
            "reason": "More",
        }
        with self.assertRaises(UserError):
            Adjustment.create(dict(vals, state="approved"))
        adjustment = Adjustment.create(vals)
        for forged in ({"state": "approved"}, {"requested_by_id": self.head_b.id}):
            with self.assertRaises(UserError):
                adjustment.write(forged)
        adjustment.action_submit()
        adjustment.action_approve()
        self.assertRecordValues(
            adjustment,
            [{"state": "approved", "approved_by_id": self.finance.id, "from_amount_before": 0.0}],
        )
        self.assertEqual(self.line_a.amount_adjusted, 1010.0)

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
    """The same rules through JSON-RPC and the Excel report's download route."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_security_data()

    def _xlsx_url(self):
        """The download route of the Excel evaluation in the budget's Print menu."""
        return f"/report/xlsx/wjl_budget.report_budget_evaluation_xlsx/{self.budget.id}"

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
        response = self.url_open(self._xlsx_url())
        self.assertEqual(response.status_code, 200, "a head may export what they can read")
        # R7.2.2 (issue 11 item 2): only the head's departments, in the file and by RPC
        self.assertEqual(self._xlsx_departments(response.content), {self.dept_a.display_name})
        [budget] = self._call("wjl.budget", "read", self.budget.ids, ["amount_planned", "line_ids"])
        self.assertEqual((budget["amount_planned"], budget["line_ids"]), (1000.0, self.line_a.ids))

    def test_rpc_staff_refused(self):
        self.authenticate("wjlb_staff_a", "wjlb_staff_a")
        with self.assertRaises(JsonRpcException) as catcher:
            self._call("wjl.budget.line", "search_read", [], fields=["amount_planned"])
        self.assertIn("AccessError", str(catcher.exception))
        response = self.url_open(self._xlsx_url())
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(response.content.startswith(b"PK"))

    def test_rpc_finance_export(self):
        self.authenticate("wjlb_finance", "wjlb_finance")
        rows = self._call(
            "wjl.budget.line",
            "search_read",
            [("budget_id", "=", self.budget.id)],
            fields=["amount_planned"],
        )
        self.assertEqual(len(rows), 2)
        response = self.url_open(self._xlsx_url())
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        self.assertEqual(
            self._xlsx_departments(response.content),
            {self.dept_a.display_name, self.dept_b.display_name},
        )
