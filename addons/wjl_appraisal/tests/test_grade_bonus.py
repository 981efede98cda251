# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from .common import WjlAppraisalCommon


@tagged("post_install", "-at_install")
class TestGradeBonus(WjlAppraisalCommon):
    """Weighted score, the four grades by the thresholds of the settings (R4.3.2),
    the override with a reason and the bonus by grade (R4.3.3)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cycle = cls._generate()
        cls.appraisal_b = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_staff_b
        )
        # A single indicator weighing 100 makes the score equal to the line score.
        cls.appraisal_a2 = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_staff_a2
        )

    def setUp(self):
        super().setUp()
        self._to_manager_review(self.appraisal_b | self.appraisal_a2)

    def test_weighted_score(self):
        self._score(self.appraisal_b, 90, 60)
        self.assertAlmostEqual(self.appraisal_b.score, 78.0)
        self.assertEqual(self.appraisal_b.grade, "good")

    def test_grade_at_each_threshold_boundary(self):
        expected = [
            (100, "excellent"),
            (90, "excellent"),
            (89.99, "good"),
            (75, "good"),
            (74.99, "pass"),
            (60, "pass"),
            (59.99, "fail"),
            (0, "fail"),
        ]
        for score, grade in expected:
            with self.subTest(score=score):
                self._score(self.appraisal_a2, score)
                self.assertAlmostEqual(self.appraisal_a2.score, score)
                self.assertEqual(self.appraisal_a2.grade, grade)
                self.assertEqual(self.appraisal_a2.grade_computed, grade)

    def test_thresholds_from_settings(self):
        settings = self.env["res.config.settings"].create(
            {
                "wjl_appraisal_threshold_excellent": 80,
                "wjl_appraisal_threshold_good": 70,
                "wjl_appraisal_threshold_pass": 50,
            }
        )
        settings.execute()
        self._score(self.appraisal_a2, 80)
        self.assertEqual(self.appraisal_a2.grade, "excellent")
        self._score(self.appraisal_a2, 69.99)
        self.assertEqual(self.appraisal_a2.grade, "pass")
        self._score(self.appraisal_a2, 50)
        self.assertEqual(self.appraisal_a2.grade, "pass")
        self._score(self.appraisal_a2, 49.99)
        self.assertEqual(self.appraisal_a2.grade, "fail")

    def test_thresholds_must_decrease(self):
        with self.assertRaises(ValidationError):
            self.company.wjl_appraisal_threshold_good = 95

    def test_no_grade_before_manager_review(self):
        appraisal = self._appraisal(self.cycle, self.emp_staff_a)
        self.assertEqual(appraisal.state, "draft")
        self.assertFalse(appraisal.grade)
        self.assertEqual(appraisal.bonus_amount, 0)

    def test_score_between_0_and_100(self):
        with self.assertRaises(ValidationError):
            self._score(self.appraisal_a2, 101)

    def test_override_needs_reason_and_is_tracked(self):
        appraisal = self.appraisal_a2.with_user(self.manager_a).with_context(tracking_disable=False)
        self._score(self.appraisal_a2, 70)
        self.assertEqual(appraisal.grade, "pass")
        # The set-up wrote without tracking, which discards tracking of these
        # records for the transaction; start the tracked part afresh.
        self.env.cr.precommit.clear()
        appraisal.write(
            {"grade_override": "good", "grade_override_reason": "Covered for a sick colleague"}
        )
        self.assertEqual(appraisal.grade, "good")
        self.assertEqual(appraisal.grade_computed, "pass")
        self.env.cr.precommit.run()  # tracking messages are written before commit
        messages = self.env["mail.message"].search(
            [("model", "=", "wjl.appraisal"), ("res_id", "=", self.appraisal_a2.id)]
        )
        tracked = messages.tracking_value_ids.field_id.mapped("name")
        self.assertIn("grade_override", tracked)
        self.assertIn("grade_override_reason", tracked)
        with self.assertRaisesRegex(ValidationError, "reason"):
            appraisal.write({"grade_override_reason": False})
        with self.assertRaises(ValidationError):
            appraisal.write({"grade_override": "excellent", "grade_override_reason": "  "})
        with self.assertRaises(ValidationError):
            self.appraisal_b.with_user(self.manager_b).write({"grade_override": "fail"})
        # Employees cannot override their own grade.
        with self.assertRaises(AccessError):
            self.appraisal_a2.with_user(self.staff_a2).write(
                {"grade_override": "excellent", "grade_override_reason": "I deserve it"}
            )

    def test_override_in_form_requires_reason(self):
        with Form(self.appraisal_a2.with_user(self.manager_a)) as form:
            form.grade_override = "excellent"
            with self.assertRaises(AssertionError):
                form.save()  # the reason is required in the view
            form.grade_override_reason = "Led the line's 5S project"
        self.assertEqual(self.appraisal_a2.grade, "excellent")

    def test_score_follows_the_form_before_saving(self):
        """The appraiser sees the weighted score and grade change as they type the
        indicator scores, before saving (R4.3.2); saving stores the same."""
        self._score(self.appraisal_b, 50, 50)
        with Form(self.appraisal_b.with_user(self.manager_b)) as form:
            self.assertAlmostEqual(form.score, 50.0)
            self.assertEqual(form.grade, "fail")
            with form.line_ids.edit(0) as line:
                line.score = 100
            with form.line_ids.edit(1) as line:
                line.score = 60
            # Output 100 × 60 % + Safety 60 × 40 %
            self.assertAlmostEqual(form.score, 84.0)
            self.assertEqual(form.grade, "good")
            self.assertAlmostEqual(self.appraisal_b.score, 50.0)  # not saved yet
        self.assertAlmostEqual(self.appraisal_b.score, 84.0)
        self.assertEqual(self.appraisal_b.grade, "good")

    def test_bonus_by_grade(self):
        # appraisal_a2's employee has a bonus base of 2000, the default is 1000.
        for score, coefficient, bonus in (
            (95, 1.2, 2400),
            (80, 1.0, 2000),
            (65, 0.8, 1600),
            (10, 0, 0),
        ):
            with self.subTest(score=score):
                self._score(self.appraisal_a2, score)
                self.assertEqual(self.appraisal_a2.grade_coefficient, coefficient)
                self.assertAlmostEqual(self.appraisal_a2.bonus_amount, bonus)
        self._score(self.appraisal_b, 100, 100)
        self.assertAlmostEqual(self.appraisal_b.bonus_amount, 1200)
        self.company.wjl_appraisal_coef_excellent = 1.5
        self.appraisal_b.with_user(self.hr_officer).bonus_base = 3000
        self.assertAlmostEqual(self.appraisal_b.bonus_amount, 4500)

    def test_cycle_statistics(self):
        self._score(self.appraisal_b, 100, 100)
        self._score(self.appraisal_a2, 10)
        self.assertEqual(self.cycle.excellent_count, 1)
        self.assertEqual(self.cycle.fail_count, 1)
        self.assertAlmostEqual(self.cycle.bonus_total, 1200)
        self.assertEqual(self.cycle.progress, 0)

    def test_line_commands_from_manager(self):
        """The appraiser scores through the appraisal (as the form does)."""
        line = self.appraisal_b.line_ids[0]
        self.appraisal_b.with_user(self.manager_b).write(
            {"line_ids": [Command.update(line.id, {"score": 88, "manager_comment": "Good"})]}
        )
        self.assertEqual(line.score, 88)
