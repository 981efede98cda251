# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WjlAppraisalCommon


@tagged("post_install", "-at_install")
class TestWorkflow(WjlAppraisalCommon):
    """State rules (R4.3.2) and the fail rule with its improvement plan (R4.3.4)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._generate()
        cls.appraisal = cls.cycle.appraisal_ids.filtered(lambda a: a.employee_id == cls.emp_staff_b)

    def _activities(self, record, activity_type):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("activity_type_id", "=", self.env.ref(activity_type).id),
            ]
        )

    def _plan(self, appraisal, **vals):
        return (
            self.env["wjl.appraisal.improvement"]
            .with_user(self.manager_b)
            .create(
                dict(
                    {
                        "appraisal_id": appraisal.id,
                        "interview_date": "2026-04-05",
                        "participant_ids": [
                            Command.set([self.emp_staff_b.id, self.emp_manager_b.id])
                        ],
                        "cause_analysis": "<p>New machine, no training.</p>",
                        "decision": "training",
                        "item_ids": [
                            Command.create(
                                {
                                    "name": "Machine training",
                                    "owner_id": self.emp_manager_b.id,
                                    "deadline": "2026-04-30",
                                }
                            )
                        ],
                    },
                    **vals,
                )
            )
        )

    def test_full_flow_by_each_role(self):
        appraisal = self.appraisal
        appraisal.with_user(self.manager_b).action_self_review()
        self.assertEqual(appraisal.state, "self_review")
        appraisal.with_user(self.staff_b).write({"self_comment": "I did my best"})
        appraisal.with_user(self.staff_b).action_submit_self()
        self.assertEqual(appraisal.state, "manager_review")
        with self.assertRaises(AccessError):
            appraisal.with_user(self.staff_b).action_submit_manager()
        self._score(appraisal, 80, 80)
        appraisal.with_user(self.manager_b).action_submit_manager()
        self.assertEqual(appraisal.state, "hr_review")
        with self.assertRaises(AccessError):
            appraisal.with_user(self.manager_b).action_done()
        appraisal.with_user(self.hr_officer).action_done()
        self.assertRecordValues(appraisal, [{"state": "done", "grade": "good"}])
        self.assertEqual(self.cycle.done_count, 1)

    def test_wrong_state_transitions(self):
        with self.assertRaises(UserError):
            self.appraisal.action_submit_self()
        with self.assertRaises(UserError):
            self.appraisal.action_done()
        self._to_manager_review(self.appraisal)
        with self.assertRaises(UserError):
            self.appraisal.action_self_review()
        self.appraisal.with_user(self.manager_b).action_send_back()
        self.assertEqual(self.appraisal.state, "self_review")
        self.appraisal.with_user(self.hr_officer).action_reset_draft()
        self.assertEqual(self.appraisal.state, "draft")

    def test_fail_needs_improvement_plan(self):
        self._to_manager_review(self.appraisal)
        self._score(self.appraisal, 40, 50)
        self.assertEqual(self.appraisal.grade, "fail")
        self.appraisal.with_user(self.manager_b).action_submit_manager()
        # HR and the appraiser each get an activity (R4.3.4).
        activities = self._activities(
            self.appraisal, "wjl_appraisal.mail_activity_type_improvement"
        )
        self.assertEqual(activities.user_id, self.manager_b | self.hr_officer)
        with self.assertRaisesRegex(UserError, "improvement plan"):
            self.appraisal.with_user(self.hr_officer).action_done()
        plan = self._plan(self.appraisal)
        self.assertTrue(plan.name.startswith("IMP/"))
        self.assertEqual(self.appraisal.improvement_count, 1)
        self.appraisal.with_user(self.hr_officer).action_done()
        self.assertEqual(self.appraisal.state, "done")
        self.assertFalse(
            self._activities(self.appraisal, "wjl_appraisal.mail_activity_type_improvement")
        )

    def test_plan_without_items_is_not_enough(self):
        self._to_manager_review(self.appraisal)
        self._score(self.appraisal, 10, 10)
        self.appraisal.with_user(self.manager_b).action_submit_manager()
        self._plan(self.appraisal, item_ids=[])
        with self.assertRaises(UserError):
            self.appraisal.with_user(self.hr_officer).action_done()

    def test_follow_up_reminder(self):
        plan = self._plan(self.appraisal, follow_up_date="2026-06-30")
        reminders = self._activities(plan, "wjl_appraisal.mail_activity_type_follow_up")
        self.assertEqual(reminders.user_id, self.manager_b | self.hr_officer)
        self.assertEqual(set(reminders.mapped("date_deadline")), {plan.follow_up_date})
        plan.follow_up_date = "2026-07-15"
        reminders = self._activities(plan, "wjl_appraisal.mail_activity_type_follow_up")
        self.assertEqual(len(reminders), 2, "the reminders move, no duplicates")
        self.assertEqual(str(reminders[0].date_deadline), "2026-07-15")
        plan.write({"follow_up_result": "Back on target"})
        plan.action_close()
        self.assertFalse(self._activities(plan, "wjl_appraisal.mail_activity_type_follow_up"))

    def test_nobody_edits_done(self):
        self._to_manager_review(self.appraisal)
        self._score(self.appraisal, 90, 90)
        self.appraisal.with_user(self.hr_officer).action_submit_manager()
        self.appraisal.with_user(self.hr_officer).action_done()
        for user in (self.hr_officer, self.manager_b, self.staff_b):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.appraisal.with_user(user).write({"hr_comment": "late change"})
            with self.subTest(user=user.login), self.assertRaises(UserError):
                self.appraisal.line_ids[0].with_user(user).write({"score": 10})
        with self.assertRaises(UserError):
            self.appraisal.with_user(self.hr_officer).action_reset_draft()
        with self.assertRaises(UserError):
            self.appraisal.with_user(self.hr_officer).unlink()
        # Chatter stays open.
        self.appraisal.with_user(self.hr_officer).message_post(body="Filed.")

    def test_cycle_states(self):
        cycle = self.cycle
        with self.assertRaisesRegex(UserError, "not yet with HR"):
            cycle.action_calibration()
        appraisals = cycle.appraisal_ids
        self._to_manager_review(appraisals)
        for appraisal in appraisals:
            self._score(appraisal, *([80] * len(appraisal.line_ids)))
        appraisals.action_submit_manager()
        with self.assertRaises(UserError):
            cycle.action_close()
        with self.assertRaises(AccessError):
            cycle.with_user(self.manager_b).action_calibration()
        cycle.with_user(self.hr_officer).action_calibration()
        self.assertEqual(cycle.state, "calibration")
        with self.assertRaisesRegex(UserError, "not done"):
            cycle.action_close()
        appraisals.action_done()
        cycle.with_user(self.hr_officer).action_close()
        self.assertEqual(cycle.state, "closed")
        self.assertEqual(cycle.progress, 100)
