# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WjlAppraisalCommon


@tagged("post_install", "-at_install")
class TestQuota(WjlAppraisalCommon):
    """Grade quotas per department, enforced or warned at calibration (R4.3.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._generate()
        appraisals = cls.cycle.appraisal_ids
        appraisals.action_self_review()
        appraisals.action_submit_self()
        # Line A: 3 excellent of 3; line B: 1 excellent, 1 pass.
        for appraisal in appraisals:
            score = 70 if appraisal.employee_id == cls.emp_manager_b else 95
            appraisal.line_ids.write({"score": score})
        appraisals.action_submit_manager()
        cls.Quota = cls.env["wjl.appraisal.quota"]

    def test_enforced_quota_lists_departments(self):
        self.company.wjl_appraisal_quota_mode = "enforce"
        self.Quota.create({"grade": "excellent", "max_percent": 20})
        with self.assertRaises(UserError) as error:
            self.cycle.action_calibration()
        message = str(error.exception)
        self.assertIn("Appraisal Line A", message)
        self.assertIn("Appraisal Line B", message)
        self.assertIn("3 of 3", message)
        self.assertEqual(self.cycle.state, "in_progress")

    def test_department_quota_wins_over_general_one(self):
        self.company.wjl_appraisal_quota_mode = "enforce"
        self.Quota.create({"grade": "excellent", "max_percent": 50})
        self.Quota.create(
            {"grade": "excellent", "max_percent": 100, "department_id": self.dept_a.id}
        )
        self.cycle.action_calibration()
        self.assertEqual(self.cycle.state, "calibration")
        self.assertFalse(self.cycle.quota_warning)

    def test_warned_quota(self):
        self.company.wjl_appraisal_quota_mode = "warn"
        self.Quota.create({"grade": "excellent", "max_percent": 40})
        self.cycle.action_calibration()
        self.assertEqual(self.cycle.state, "calibration")
        self.assertIn("Appraisal Line A", self.cycle.quota_warning)
        self.assertIn("Appraisal Line B", self.cycle.quota_warning)
        self.assertIn("Appraisal Line A", self.cycle.message_ids[0].body)
        # Checked again at closing.
        self.cycle.appraisal_ids.action_done()
        self.cycle.action_close()
        self.assertEqual(self.cycle.state, "closed")
        self.assertTrue(self.cycle.quota_warning)

    def test_quota_at_closing_enforced(self):
        self.cycle.action_calibration()
        self.cycle.appraisal_ids.action_done()
        self.company.wjl_appraisal_quota_mode = "enforce"
        self.Quota.create({"grade": "pass", "max_percent": 10, "department_id": self.dept_b.id})
        with self.assertRaisesRegex(UserError, "Appraisal Line B"):
            self.cycle.action_close()
        self.assertEqual(self.cycle.state, "calibration")

    def test_within_quota(self):
        self.company.wjl_appraisal_quota_mode = "enforce"
        self.Quota.create({"grade": "fail", "max_percent": 0})
        self.cycle.action_calibration()
        self.assertEqual(self.cycle.state, "calibration")
