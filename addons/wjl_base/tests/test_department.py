# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import WjlBaseCommon

ROLES = [
    "admin",
    "finance",
    "marketing",
    "sales",
    "technology",
    "operations",
    "production",
    "purchasing",
    "logistics",
    "quality",
    "customer_service",
]


@tagged("post_install", "-at_install")
class TestDepartment(WjlBaseCommon):
    """Organisation (R2.1) and duties (R2.2)."""

    def test_eleven_departments_shipped(self):
        """R2.1: every department of the regulation ships with its xml id, role and code."""
        departments = self.env["hr.department"]
        for role in ROLES:
            department = self.env.ref(f"wjl_base.dept_{role}")
            self.assertEqual(department.wjl_role, role)
            self.assertTrue(department.wjl_code)
            departments |= department
        self.assertEqual(len(set(departments.mapped("wjl_code"))), 11)
        selection_keys = [
            key for key, _label in self.env["hr.department"]._fields["wjl_role"].selection
        ]
        self.assertEqual(selection_keys, ROLES)

    def test_department_chinese_names(self):
        """R2.1: in the zh_CN interface the departments carry the regulation's names."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            self.env["res.lang"]._activate_lang("zh_CN")
            self.env["ir.module.module"]._load_module_terms(["wjl_base"], ["zh_CN"])
        expected = {
            "admin": "行政部",
            "finance": "财务部",
            "quality": "质量控制部",
            "customer_service": "客服部",
        }
        for role, name in expected.items():
            department = self.env.ref(f"wjl_base.dept_{role}").with_context(lang="zh_CN")
            self.assertEqual(department.name, name)

    def test_duties_cite_clauses(self):
        """R2.2: each shipped department lists its duties with the clause they come from."""
        for role in ROLES:
            duties = self.env.ref(f"wjl_base.dept_{role}").wjl_duty_ids
            self.assertTrue(duties, f"{role} has no duties")
            for duty in duties:
                self.assertRegex(duty.clause, r"^R\d+(\.\d+)+$")
        finance = self.env.ref("wjl_base.dept_finance")
        self.assertIn("R2.2.2", finance.wjl_duty_ids.mapped("clause"))
        self.assertEqual(finance.wjl_duty_count, len(finance.wjl_duty_ids))

    def test_duplicate_code_refused(self):
        """The department code is unique per company, with a message naming it."""
        with self.assertRaisesRegex(ValidationError, "TST-A"):
            self.env["hr.department"].create({"name": "Copy of A", "wjl_code": "TST-A"})
        with self.assertRaisesRegex(ValidationError, "TST-B"):
            self.dept_a.wjl_code = "TST-B"

    def test_same_code_in_another_company(self):
        other = self.env["res.company"].create({"name": "Wanjiali Subsidiary"})
        department = self.env["hr.department"].create(
            {"name": "Line A (subsidiary)", "wjl_code": "TST-A", "company_id": other.id}
        )
        self.assertEqual(department.wjl_code, "TST-A")

    def test_find_by_role(self):
        quality = self.env.ref("wjl_base.dept_quality")
        self.assertEqual(self.env["hr.department"]._wjl_find_by_role("quality"), quality)
        self.assertFalse(self.env["hr.department"]._wjl_find_by_role("no_such_role"))

    def test_analytic_account_on_demand(self):
        """Budgets (R5.1.2) attribute money through the department's analytic account."""
        departments = self.dept_a | self.dept_b
        self.assertFalse(departments.wjl_analytic_account_id)
        accounts = departments._wjl_ensure_analytic_account()
        self.assertEqual(len(accounts), 2)
        self.assertEqual(self.dept_a.wjl_analytic_account_id.code, "TST-A")
        self.assertEqual(
            self.dept_a.wjl_analytic_account_id.plan_id,
            self.env.ref("wjl_base.analytic_plan_department"),
        )
        # Idempotent: no second account.
        self.assertEqual(departments._wjl_ensure_analytic_account(), accounts)

    def test_duties_button(self):
        action = self.dept_a.action_wjl_open_duties()
        self.assertEqual(action["res_model"], "wjl.department.duty")
        self.assertEqual(action["domain"], [("department_id", "=", self.dept_a.id)])
