# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestManagerScoresTour(HttpCase):
    """A department head scores the appraisal of a staff member in the browser
    and hands it to HR (R4.3.2)."""

    def test_manager_scores_appraisal(self):
        manager = new_test_user(
            self.env, "wjlp_tour_manager", groups="wjl_appraisal.group_appraisal_manager"
        )
        staff = new_test_user(self.env, "wjlp_tour_staff", groups="wjl_base.group_wjl_user")
        department = self.env["hr.department"].create({"name": "Tour Counter", "wjl_code": "APR-T"})
        head, employee = self.env["hr.employee"].create(
            [
                {"name": "Tour Head", "user_id": manager.id, "department_id": department.id},
                {"name": "Tour Staff", "user_id": staff.id, "department_id": department.id},
            ]
        )
        department.manager_id = head
        self.env["wjl.appraisal.template"].create(
            {
                "name": "Counter service",
                "sequence": 1,
                "department_id": department.id,
                "line_ids": [Command.create({"name": "Customers served", "weight": 100})],
            }
        )
        cycle = self.env["wjl.appraisal.cycle"].create(
            {
                "name": "Tour cycle",
                "date_start": "2026-01-01",
                "date_end": "2026-03-31",
                "employee_ids": [Command.set(employee.ids)],
            }
        )
        cycle.action_generate()
        appraisal = cycle.appraisal_ids
        appraisal.action_self_review()
        appraisal.line_ids.with_user(staff).self_assessment = "Served 40 customers a day"
        appraisal.with_user(staff).action_submit_self()
        self.start_tour("/odoo", "wjl_appraisal_manager_scores_tour", login="wjlp_tour_manager")
        self.assertRecordValues(
            appraisal, [{"score": 92, "grade": "excellent", "state": "hr_review"}]
        )
        self.assertEqual(appraisal.line_ids.manager_comment, "Very friendly service")
