# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlFixtures

APPRAISER = "wjl_appraisal.group_appraisal_manager"


class WjlAppraisalCommon(WjlFixtures, TransactionCase):
    """Two departments with a head and staff, an HR officer and templates.

    ``dept_a``: head ``manager_a`` (employee ``emp_manager_a``), staff ``staff_a``
    and ``staff_a2``; ``dept_b``: head ``manager_b``, staff ``staff_b``. Built
    without demo data with the fixtures of wjl_base (R2.1); the heads are
    appraisers, ``hr_officer`` an HR user in the appraisal officer group.
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
        cls.hr_officer = cls.wjl_user(
            "wjlp_hr", "hr.group_hr_user,wjl_appraisal.group_appraisal_officer"
        )
        cls.company.wjl_appraisal_hr_user_id = cls.hr_officer
        cls.manager_a = cls.wjl_user("wjlp_manager_a", APPRAISER, name="Head A")
        cls.manager_b = cls.wjl_user("wjlp_manager_b", APPRAISER, name="Head B")
        cls.staff_a = cls.wjl_user("wjlp_staff_a", name="Staff A")
        cls.staff_a2 = cls.wjl_user("wjlp_staff_a2", name="Staff A2")
        cls.staff_b = cls.wjl_user("wjlp_staff_b", name="Staff B")
        cls.dept_a = cls.wjl_department(
            "Appraisal Line A", "APR-A", head=cls.manager_a, staff=(cls.staff_a, cls.staff_a2)
        )
        cls.dept_b = cls.wjl_department(
            "Appraisal Line B", "APR-B", head=cls.manager_b, staff=(cls.staff_b,)
        )
        cls.job_senior = cls.env["hr.job"].create({"name": "Appraisal Senior Operator"})
        cls.emp_manager_a = cls.dept_a.manager_id
        cls.emp_manager_b = cls.dept_b.manager_id
        cls.emp_staff_a, cls.emp_staff_a2, cls.emp_staff_b = (
            user.employee_ids for user in (cls.staff_a, cls.staff_a2, cls.staff_b)
        )
        cls.emp_staff_a.parent_id = cls.emp_manager_a
        cls.emp_staff_a2.write({"job_id": cls.job_senior.id, "wjl_appraisal_bonus_base": 2000})
        cls._create_templates()

    @classmethod
    def _create_templates(cls):
        """A general template, one of dept_b and one of dept_a's senior position."""
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
