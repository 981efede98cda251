# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import WjlAppraisalCommon


@tagged("post_install", "-at_install")
class TestGenerate(WjlAppraisalCommon):
    """Generating a cycle (R4.3.1, R4.3.2): one appraisal per employee in scope,
    with the matching template and the department head as appraiser."""

    def test_generate_right_appraisals_and_appraisers(self):
        cycle = self._generate()
        self.assertEqual(cycle.state, "in_progress")
        self.assertEqual(cycle.appraisal_count, 5)
        appraisals = cycle.appraisal_ids.sorted(lambda a: a.employee_id.name)
        self.assertRecordValues(
            appraisals,
            [
                {
                    "employee_id": self.emp_manager_a.id,
                    "template_id": self.template_general.id,
                    "appraiser_id": False,
                    "department_id": self.dept_a.id,
                    "bonus_base": 1000,
                    "state": "draft",
                },
                {
                    "employee_id": self.emp_manager_b.id,
                    "template_id": self.template_b.id,
                    "appraiser_id": False,
                    "department_id": self.dept_b.id,
                    "bonus_base": 1000,
                    "state": "draft",
                },
                {
                    "employee_id": self.emp_staff_a.id,
                    "template_id": self.template_general.id,
                    "appraiser_id": self.manager_a.id,
                    "department_id": self.dept_a.id,
                    "bonus_base": 1000,
                    "state": "draft",
                },
                {
                    "employee_id": self.emp_staff_a2.id,
                    "template_id": self.template_a_senior.id,
                    "appraiser_id": self.manager_a.id,
                    "department_id": self.dept_a.id,
                    "bonus_base": 2000,
                    "state": "draft",
                },
                {
                    "employee_id": self.emp_staff_b.id,
                    "template_id": self.template_b.id,
                    "appraiser_id": self.manager_b.id,
                    "department_id": self.dept_b.id,
                    "bonus_base": 1000,
                    "state": "draft",
                },
            ],
        )
        lines = self._appraisal(cycle, self.emp_staff_b).line_ids
        self.assertEqual(lines.mapped("name"), ["Output", "Safety"])
        self.assertEqual(lines.mapped("weight"), [60, 40])
        self.assertEqual(lines[0].target, "100 units")
        self.assertFalse(self._appraisal(cycle, self.emp_staff_b).grade)

    def test_head_appraised_by_parent_department_head(self):
        self.dept_a.parent_id = self.dept_b
        cycle = self._generate(department_ids=[Command.set([self.dept_a.id])])
        self.assertEqual(self._appraisal(cycle, self.emp_manager_a).appraiser_id, self.manager_b)

    def test_generate_is_one_batch_and_idempotent(self):
        cycle = self._create_cycle()
        Appraisal = self.env.registry["wjl.appraisal"]
        original = Appraisal.create
        calls = []

        def spy(records, vals_list):
            calls.append(len(vals_list))
            return original(records, vals_list)

        with patch.object(Appraisal, "create", spy):
            cycle.action_generate()
        self.assertEqual(calls, [5], "one create call for all the appraisals")
        # Adding an employee and generating again creates only the missing one.
        cycle.employee_ids = [Command.link(self.env["hr.employee"].create({"name": "Extra"}).id)]
        cycle.action_generate()
        self.assertEqual(cycle.appraisal_count, 6)

    def test_generate_queries_do_not_grow_per_employee(self):
        """Query count is the same for 5 and 25 employees (batched, R4.3.2)."""
        dept_c = self.env["hr.department"].create({"name": "Appraisal Line C"})
        self.env["hr.employee"].create(
            [{"name": f"C {i}", "department_id": dept_c.id} for i in range(20)]
        )
        self._generate(name="warm-up").flush_recordset()
        small = self._create_cycle(name="small")
        large = self._create_cycle(
            name="large",
            department_ids=[Command.set([self.dept_a.id, self.dept_b.id, dept_c.id])],
        )
        self.env.flush_all()
        counts = []
        for cycle in (small, large):
            before = self.env.cr.sql_log_count
            cycle.action_generate()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(large.appraisal_count, 25)
        self.assertLessEqual(counts[1], counts[0] + 2, counts)

    def test_missing_template_is_a_clear_error(self):
        self.template_general.active = False
        # Demo data may ship general templates too; archive them for this test.
        self.env["wjl.appraisal.template"].search(
            [("department_id", "=", False), ("job_id", "=", False)]
        ).active = False
        cycle = self._create_cycle(department_ids=[Command.set([self.dept_a.id])])
        with self.assertRaisesRegex(UserError, "Staff A"):
            cycle.action_generate()

    def test_only_hr_generates(self):
        cycle = self._create_cycle()
        with self.assertRaises(AccessError):
            cycle.with_user(self.manager_a).action_generate()
        cycle.with_user(self.hr_officer).action_generate()
        self.assertEqual(cycle.appraisal_count, 5)

    def test_appraisal_officer_without_hr_rights_generates(self):
        """An appraisal officer who is not an HR user (no access to private
        employee data) still generates the cycle with the bonus bases (R4.3.3)."""
        officer = new_test_user(
            self.env, "wjlp_officer_only", groups="wjl_appraisal.group_appraisal_officer"
        )
        self.assertFalse(officer.has_group("hr.group_hr_user"))
        with self.assertRaises(AccessError):
            self.emp_staff_a2.with_user(officer).wjl_appraisal_bonus_base  # noqa: B018
        cycle = self._create_cycle().with_user(officer)
        cycle.action_generate()
        self.assertEqual(cycle.appraisal_count, 5)
        appraisal = self._appraisal(cycle, self.emp_staff_a2)
        self.assertEqual(appraisal.bonus_base, 2000)
        self.assertEqual(appraisal.appraiser_id, self.manager_a)
        self.assertEqual(appraisal.template_id, self.template_a_senior)

    def test_closed_cycle_cannot_generate(self):
        cycle = self._create_cycle()
        cycle.state = "closed"
        with self.assertRaises(UserError):
            cycle.action_generate()

    def test_employee_smart_button_history(self):
        cycle = self._generate()
        employee = self.emp_staff_b.with_user(self.hr_officer)
        self.assertEqual(employee.wjl_appraisal_count, 1)
        action = employee.action_wjl_open_appraisals()
        self.assertEqual(
            self.env["wjl.appraisal"].search(action["domain"]),
            self._appraisal(cycle, self.emp_staff_b),
        )


@tagged("post_install", "-at_install")
class TestViews(WjlAppraisalCommon):
    """The settings block, the views and the menus load for their users."""

    def test_settings_block(self):
        arch = self.env["res.config.settings"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("wjl_appraisal_threshold_excellent", arch)
        self.assertIn("wjl_appraisal_quota_mode", arch)

    def test_views_load(self):
        for user in (self.staff_a, self.manager_a, self.hr_officer):
            for model, types in (
                ("wjl.appraisal", ["form", "list", "search", "pivot", "graph"]),
                ("wjl.appraisal.cycle", ["form", "list", "kanban", "search"]),
                ("wjl.appraisal.improvement", ["form", "list", "search"]),
            ):
                views = self.env[model].with_user(user).get_views([(False, t) for t in types])
                self.assertEqual(set(views["views"]), set(types))
        menus = self.env["ir.ui.menu"].with_user(self.staff_a)._visible_menu_ids()
        self.assertIn(self.env.ref("wjl_appraisal.menu_wjl_appraisal_my").id, menus)
        self.assertNotIn(self.env.ref("wjl_appraisal.menu_wjl_appraisal_template").id, menus)
