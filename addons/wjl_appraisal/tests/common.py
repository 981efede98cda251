# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class WjlAppraisalCommon(TransactionCase):
    """Two departments with a head and staff, an HR officer and templates.

    ``dept_a``: head ``manager_a`` (employee ``emp_manager_a``), staff ``staff_a``
    and ``staff_a2``; ``dept_b``: head ``manager_b``, staff ``staff_b``. Built
    without demo data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write(
            {
                "wjl_appraisal_threshold_excellent": 90,
                "wjl_appraisal_threshold_good": 75,
                "wjl_appraisal_threshold_pass": 60,
                "wjl_appraisal_coef_excellent": 1.2,
                "wjl_appraisal_coef_good": 1.0,
                "wjl_appraisal_coef_pass": 0.8,
                "wjl_appraisal_coef_fail": 0.0,
                "wjl_appraisal_bonus_base": 1000,
                "wjl_appraisal_quota_mode": "warn",
            }
        )
        cls.hr_officer = new_test_user(
            cls.env, "wjlp_hr", groups="hr.group_hr_user,wjl_base.group_wjl_user"
        )
        cls.company.wjl_appraisal_hr_user_id = cls.hr_officer
        cls.manager_a = new_test_user(
            cls.env, "wjlp_manager_a", groups="wjl_base.group_wjl_manager"
        )
        cls.manager_b = new_test_user(
            cls.env, "wjlp_manager_b", groups="wjl_base.group_wjl_manager"
        )
        cls.staff_a = new_test_user(cls.env, "wjlp_staff_a", groups="wjl_base.group_wjl_user")
        cls.staff_a2 = new_test_user(cls.env, "wjlp_staff_a2", groups="wjl_base.group_wjl_user")
        cls.staff_b = new_test_user(cls.env, "wjlp_staff_b", groups="wjl_base.group_wjl_user")

        Department = cls.env["hr.department"]
        cls.dept_a = Department.create({"name": "Appraisal Line A", "wjl_code": "APR-A"})
        cls.dept_b = Department.create({"name": "Appraisal Line B", "wjl_code": "APR-B"})
        cls.job_senior = cls.env["hr.job"].create({"name": "Appraisal Senior Operator"})
        Employee = cls.env["hr.employee"]
        cls.emp_manager_a, cls.emp_manager_b = Employee.create(
            [
                {"name": "Head A", "user_id": cls.manager_a.id, "department_id": cls.dept_a.id},
                {"name": "Head B", "user_id": cls.manager_b.id, "department_id": cls.dept_b.id},
            ]
        )
        cls.dept_a.manager_id = cls.emp_manager_a
        cls.dept_b.manager_id = cls.emp_manager_b
        cls.emp_staff_a, cls.emp_staff_a2, cls.emp_staff_b = Employee.create(
            [
                {
                    "name": "Staff A",
                    "user_id": cls.staff_a.id,
                    "department_id": cls.dept_a.id,
                    "parent_id": cls.emp_manager_a.id,
                },
                {
                    "name": "Staff A2",
                    "user_id": cls.staff_a2.id,
                    "department_id": cls.dept_a.id,
                    "job_id": cls.job_senior.id,
                    "wjl_appraisal_bonus_base": 2000,
                },
                {"name": "Staff B", "user_id": cls.staff_b.id, "department_id": cls.dept_b.id},
            ]
        )
        Template = cls.env["wjl.appraisal.template"]
        cls.template_general = Template.create(
            {
                "name": "General",
                "sequence": 1,
                "line_ids": [
                    Command.create({"name": "Results", "weight": 50, "sequence": 1}),
                    Command.create({"name": "Quality", "weight": 30, "sequence": 2}),
                    Command.create({"name": "Teamwork", "weight": 20, "sequence": 3}),
                ],
            }
        )
        cls.template_b = Template.create(
            {
                "name": "Line B",
                "department_id": cls.dept_b.id,
                "line_ids": [
                    Command.create({"name": "Output", "weight": 60, "target": "100 units"}),
                    Command.create({"name": "Safety", "weight": 40}),
                ],
            }
        )
        cls.template_a_senior = Template.create(
            {
                "name": "Line A senior",
                "department_id": cls.dept_a.id,
                "job_id": cls.job_senior.id,
                "line_ids": [Command.create({"name": "Mentoring", "weight": 100})],
            }
        )

    @classmethod
    def _create_cycle(cls, **vals):
        return cls.env["wjl.appraisal.cycle"].create(
            dict(
                {
                    "name": "Test 2026 Q1",
                    "period": "quarterly",
                    "date_start": "2026-01-01",
                    "date_end": "2026-03-31",
                    "department_ids": [Command.set([cls.dept_a.id, cls.dept_b.id])],
                },
                **vals,
            )
        )

    @classmethod
    def _generate(cls, **vals):
        cycle = cls._create_cycle(**vals)
        cycle.action_generate()
        return cycle

    def _appraisal(self, cycle, employee):
        return cycle.appraisal_ids.filtered(lambda a: a.employee_id == employee)

    def _to_manager_review(self, appraisals):
        appraisals.with_user(self.hr_officer).action_self_review()
        appraisals.with_user(self.hr_officer).action_submit_self()

    def _score(self, appraisal, *scores):
        """Score the indicators in order (as HR, who may write anything)."""
        appraisal.with_user(self.hr_officer).write(
            {
                "line_ids": [
                    Command.update(line.id, {"score": score})
                    for line, score in zip(appraisal.line_ids, scores)
                ]
            }
        )
