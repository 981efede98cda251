# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import WjlRiskCommon


@tagged("post_install", "-at_install")
class TestRisk(WjlRiskCommon):
    def test_score_and_level_at_each_boundary(self):
        """R6.1.2: score = likelihood × impact, level by the Settings thresholds."""
        cases = [
            (1, 1, 1, "low"),
            (2, 2, 4, "low"),  # ≤ 4 low
            (1, 5, 5, "medium"),  # first score above the low limit
            (3, 3, 9, "medium"),  # ≤ 9 medium
            (2, 5, 10, "high"),  # first score above the medium limit
            (4, 4, 16, "high"),  # ≤ 16 high
            (4, 5, 20, "critical"),  # above the high limit
            (5, 5, 25, "critical"),
        ]
        for likelihood, impact, score, level in cases:
            with self.subTest(likelihood=likelihood, impact=impact):
                self.risk.write({"likelihood": likelihood, "impact": impact})
                self.assertEqual(self.risk.score, score)
                self.assertEqual(self.risk.level, level)

    def test_level_follows_settings(self):
        """Changing the matrix thresholds in Settings relevels the register."""
        self.risk.write({"likelihood": 2, "impact": 3})  # score 6
        self.assertEqual(self.risk.level, "medium")
        settings = self.env["res.config.settings"].create({})
        settings.wjl_risk_level_low_max = 6
        settings.execute()
        self.assertEqual(self.risk.level, "low")
        with self.assertRaises(ValidationError):
            self.company.wjl_risk_level_medium_max = 5  # below the low limit

    def test_heatmap_levels_follow_the_thresholds(self):
        """The heat map caches the matrix limits per company; a change of a limit
        clears that cache, saving the Settings unchanged keeps it (R6.1.2)."""
        Risk, Company = self.env["wjl.risk"], self.env["res.company"]
        cells = Risk.get_heatmap_data()["cells"]
        levels = {(c["likelihood"], c["impact"]): c["level"] for c in cells}
        self.assertEqual(levels[2, 3], "medium")
        self.assertEqual(Company._wjl_risk_thresholds(self.company.id), (4, 9, 16))
        registry_class = type(self.env.registry)
        with patch.object(
            registry_class, "clear_cache", autospec=True, side_effect=registry_class.clear_cache
        ) as clear_cache:
            self.company.write({"wjl_risk_level_low_max": 4, "wjl_risk_level_medium_max": 9})
            clear_cache.assert_not_called()
            self.company.wjl_risk_level_low_max = 6
            clear_cache.assert_called_once()
        self.assertEqual(Company._wjl_risk_thresholds(self.company.id), (6, 9, 16))
        cells = Risk.get_heatmap_data()["cells"]
        levels = {(c["likelihood"], c["impact"]): c["level"] for c in cells}
        self.assertEqual(levels[2, 3], "low")

    def test_unassessed_risk_has_no_level(self):
        risk = self._create_risk("Risk test proposal")
        self.assertRecordValues(risk, [{"score": 0, "level": False, "state": "identified"}])
        self.assertFalse(risk.assessment_ids)
        self.assertTrue(risk.code.startswith("RSK/"))
        with self.assertRaises(ValidationError):
            risk.write({"likelihood": 3})  # impact missing

    def test_accept_refused_for_high_and_critical(self):
        """R6.2.1: high and critical risks must be avoided, reduced or transferred."""
        self.risk.write({"likelihood": 4, "impact": 3, "strategy": "reduce"})  # 12 high
        with self.assertRaises(ValidationError) as refusal:
            self.risk.strategy = "accept"
        self.assertIn("cannot simply be accepted", str(refusal.exception))
        self.assertEqual(self.risk.strategy, "reduce")
        self.risk.write({"likelihood": 5, "impact": 5})
        with self.assertRaises(ValidationError):
            self.risk.strategy = "accept"
        # a low risk may be accepted (monitored) ...
        self.risk.write({"likelihood": 1, "impact": 2, "strategy": "accept"})
        self.assertEqual(self.risk.strategy, "accept")
        # ... but it cannot become high while accepted
        with self.assertRaises(ValidationError):
            self.risk.write({"likelihood": 4, "impact": 4})

    def test_assessment_history(self):
        """Each (re)assessment adds a history row with the level of that day."""
        risk = self._create_risk("Risk test history")
        self.assertFalse(risk.assessment_ids)
        wizard = Form(self.env["wjl.risk.assess.wizard"].with_context(default_risk_id=risk.id))
        wizard.likelihood = "2"
        wizard.impact = "2"
        self.assertEqual(wizard.new_level, "low")
        wizard.notes = "First look"
        wizard.expected_loss = 10000
        wizard.save().action_confirm()
        self.assertEqual(risk.state, "assessed")
        risk.with_user(self.manager)._wjl_record_assessment(4, 5, notes="Supplier failed twice")
        history = risk.assessment_ids.sorted("id")
        self.assertRecordValues(
            history,
            [
                {
                    "likelihood": 2,
                    "impact": 2,
                    "score": 4,
                    "level": "low",
                    "notes": "First look",
                    "assessor_id": self.env.user.id,
                },
                {
                    "likelihood": 4,
                    "impact": 5,
                    "score": 20,
                    "level": "critical",
                    "notes": "Supplier failed twice",
                    "assessor_id": self.manager.id,
                },
            ],
        )
        self.assertEqual(risk.expected_loss, 10000)
        # a threshold change later does not rewrite history
        self.company.wjl_risk_level_high_max = 20
        self.assertEqual(risk.level, "high")
        self.assertEqual(history[-1].level, "critical")

    def test_next_review_date_by_level(self):
        """R6.2.3: reviews are due in days of the user's calendar (R13: one today)."""
        today = fields.Date.context_today(self.risk)
        self.risk.write({"likelihood": 5, "impact": 5})
        self.assertEqual(self.risk.next_review_date, today + timedelta(days=7))
        self.risk.write({"likelihood": 1, "impact": 1})
        self.assertEqual(self.risk.next_review_date, today + timedelta(days=180))
        self.company.wjl_risk_review_days_low = 60
        self.assertEqual(self.risk.next_review_date, today + timedelta(days=60))

    def test_state_flow(self):
        risk = self._create_risk("Risk test flow", 4, 4, strategy="reduce")
        self.assertEqual(risk.state, "assessed")
        with self.assertRaisesRegex(UserError, "at least one response measure"):
            risk.action_treat()
        self.env["wjl.risk.measure"].create(
            {"risk_id": risk.id, "name": "Second supplier", "responsible_id": self.staff.id}
        )
        risk.action_treat()
        self.assertEqual(risk.state, "treated")
        risk.action_monitor()
        risk.action_close()
        self.assertEqual(risk.state, "closed")
        risk.action_reopen()
        self.assertEqual(risk.state, "assessed")
        # a low accepted risk needs no measure
        low = self._create_risk("Risk test low", 1, 2, strategy="accept")
        low.action_treat()
        self.assertEqual(low.state, "treated")

    def test_measure_effectiveness(self):
        """R6.2.3: the check of a measure records its result and date.

        "Today" is the user's (their time zone), at any hour of the server.
        """
        today = fields.Date.context_today(self.risk)
        measure = self.env["wjl.risk.measure"].create(
            {
                "risk_id": self.risk.id,
                "name": "Safety stock",
                "deadline": today - timedelta(days=1),
            }
        )
        self.assertTrue(measure.is_late)
        with Form(measure) as form:
            form.check_result = "effective"
            self.assertEqual(form.check_date, today)
        measure.action_start()
        measure.action_done()
        self.assertFalse(measure.is_late)

    def test_review_round(self):
        """R6.1.1: one activity per department manager and completion by department."""
        today = fields.Date.context_today(self.risk)
        review = self.env["wjl.risk.review"].create(
            {
                "name": "Risk test round",
                "date_start": today,
                "date_deadline": today + timedelta(days=14),
                "department_ids": [(6, 0, (self.department | self.other_department).ids)],
            }
        )
        review.action_start()
        self.assertEqual(review.state, "in_progress")
        self.assertEqual(len(review.line_ids), 2)
        activity_type = self.env.ref("wjl_risk.mail_activity_type_risk_identification")
        activities = review.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activities.user_id, self.manager | self.other_manager)
        line = review.line_ids.filtered(lambda line: line.department_id == self.department)
        self.assertEqual(line.risk_count, 1)
        self.assertEqual(line.reassessed_count, 1)  # assessed today, in setUpClass
        with self.assertRaisesRegex(UserError, "not completed"):
            review.action_done()
        line.with_user(self.manager).action_mark_done()
        self.assertEqual(line.state, "done")
        self.assertEqual(line.done_by_id, self.manager)
        self.assertEqual(review.completion, 50.0)
        self.assertEqual(
            review.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).user_id,
            self.other_manager,
        )
        review.line_ids.filtered(lambda line: line.state == "pending").action_mark_done()
        review.action_done()
        self.assertEqual(review.state, "done")
        self.assertEqual(review.completion, 100.0)

    def test_overdue_review_reminder(self):
        """The cron reminds once of risks past their review date."""
        self.risk.write({"likelihood": 5, "impact": 5})  # review in 7 days
        closed = self._create_risk("Risk test closed", 5, 5)
        closed.action_close()
        Risk = self.env["wjl.risk"]
        # noon of the user's day, 8 days on: the same day in every time zone
        today = fields.Date.context_today(self.risk)
        with freeze_time(datetime.combine(today + timedelta(days=8), time(12))):
            self.assertTrue(self.risk.review_overdue)
            self.assertIn(self.risk, Risk.search([("review_overdue", "=", True)]))
            reminded = Risk._cron_remind_overdue_reviews()
            self.assertIn(self.risk, reminded)
            self.assertNotIn(closed, reminded)
            activity_type = self.env.ref("wjl_risk.mail_activity_type_risk_review")
            activity = self.risk.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            self.assertEqual(activity.user_id, self.manager)
            # run again: no second reminder
            self.assertNotIn(self.risk, Risk._cron_remind_overdue_reviews())
            self.assertEqual(len(self.risk.activity_ids), 1)

    def test_forms(self):
        """The forms work for the roles that use them."""
        with Form(self.env["wjl.risk"].with_user(self.manager)) as form:
            form.name = "Form risk"
            form.category_id = self.cat_financial
            self.assertEqual(form.department_id, self.department)  # the user's department
        risk = form.record
        self.assertEqual(risk.owner_id, self.manager)
        action = risk.with_user(self.manager).action_assess()
        wizard = Form(
            self.env[action["res_model"]].with_user(self.manager).with_context(**action["context"])
        )
        wizard.likelihood = "3"
        wizard.impact = "4"
        wizard.save().action_confirm()
        self.assertEqual(risk.level, "high")
        with Form(self.env["wjl.risk.indicator"].with_user(self.admin)) as form:
            form.name = "Form KRI"
            form.risk_id = risk
            form.source = "computed"
            form.model_id = self.env["ir.model"]._get("wjl.risk")
            form.domain = "[('state', '!=', 'closed')]"
            form.threshold_warning = 1000
            form.threshold_critical = 2000
        form.record.action_evaluate()
        self.assertEqual(form.record.status, "ok")
        with Form(self.env["wjl.risk.review"]) as form:
            form.name = "Form round"
            form.date_deadline = fields.Date.context_today(self.risk) + timedelta(days=7)
            form.department_ids.add(self.department)
        self.assertEqual(form.record.state, "draft")
