# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import WjlRiskCommon


@tagged("post_install", "-at_install")
class TestIndicator(WjlRiskCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Indicator = cls.env["wjl.risk.indicator"]
        cls.risk_model = cls.env["ir.model"]._get("wjl.risk")
        cls.loss_field = cls.env["ir.model.fields"]._get("wjl.risk", "expected_loss")
        cls.date_field = cls.env["ir.model.fields"]._get("wjl.risk", "identified_date")
        # the measured population: risks tagged KRIT in their name
        for loss in (100.0, 200.0, 600.0):
            cls._create_risk(f"KRIT measured {loss}", 2, 2, expected_loss=loss)
        cls._create_risk("KRIT measured closed", 1, 1, state="closed")

    def _computed(self, **vals):
        return self.Indicator.create(
            {
                "name": "KRI test",
                "risk_id": self.risk.id,
                "source": "computed",
                "model_id": self.risk_model.id,
                "domain": "[('name', 'like', 'KRIT measured')]",
                "threshold_warning": 100,
                "threshold_critical": 1000,
                "owner_user_id": self.admin.id,
                **vals,
            }
        )

    def _alerts(self, indicator):
        return self.env["wjl.alert"].search(
            [
                ("res_model", "=", "wjl.risk.indicator"),
                ("res_id", "=", indicator.id),
                ("kind", "=", "risk_kri"),
            ]
        )

    def test_count_sum_avg(self):
        count = self._computed(measure="count")
        total = self._computed(measure="sum", measure_field_id=self.loss_field.id)
        average = self._computed(
            measure="avg",
            measure_field_id=self.loss_field.id,
            domain="[('name', 'like', 'KRIT measured'), ('expected_loss', '>', 0)]",
        )
        (count | total | average).action_evaluate()
        self.assertEqual(count.value, 4)
        self.assertEqual(total.value, 900)
        self.assertEqual(average.value, 300)
        self.assertEqual(count.status, "ok")
        self.assertEqual(total.status, "warning")
        self.assertEqual(len(count.value_ids), 1)
        self.assertTrue(count.next_evaluation_date > fields.Datetime.now())

    def test_ratio_and_division_by_zero(self):
        ratio = self._computed(
            is_ratio=True,
            domain="[('name', 'like', 'KRIT measured'), ('state', '=', 'closed')]",
            denominator_model_id=self.risk_model.id,
            denominator_domain="[('name', 'like', 'KRIT measured')]",
            threshold_warning=0.5,
            threshold_critical=0.9,
        )
        zero = self._computed(
            is_ratio=True,
            denominator_model_id=self.risk_model.id,
            denominator_domain="[('name', '=', 'no such risk')]",
        )
        (ratio | zero).with_context(lang="en_US").action_evaluate()
        self.assertAlmostEqual(ratio.value, 0.25)
        self.assertEqual(ratio.status, "ok")
        self.assertEqual(zero.status, "error")
        self.assertIn("denominator is zero", zero.error_message)

    def test_date_filter(self):
        old = self._create_risk("KRIT measured old", 2, 2)
        old.identified_date = fields.Date.context_today(old) - timedelta(days=40)
        recent = self._computed(
            date_field_id=self.date_field.id, date_filter="last_days", date_days=30
        )
        overdue = self._computed(date_field_id=self.date_field.id, date_filter="before_today")
        (recent | overdue).action_evaluate()
        self.assertEqual(recent.value, 4)
        self.assertEqual(overdue.value, 1)

    def test_measure_in_indicator_company_only(self):
        """Computed values only count records of the indicator's company."""
        other_company = self.env["res.company"].create({"name": "KRIT Other Co"})
        self.Risk.create(
            {
                "name": "KRIT measured elsewhere",
                "category_id": self.cat_operational.id,
                "department_id": self.department.id,
                "company_id": other_company.id,
            }
        )
        indicator = self._computed()
        indicator.action_evaluate()
        self.assertEqual(indicator.value, 4)

    def test_thresholds_above_and_below(self):
        above = self.Indicator.create(
            {
                "name": "Complaints",
                "risk_id": self.risk.id,
                "direction": "above",
                "threshold_warning": 5,
                "threshold_critical": 10,
            }
        )
        below = self.Indicator.create(
            {
                "name": "Availability",
                "risk_id": self.risk.id,
                "direction": "below",
                "threshold_warning": 99.5,
                "threshold_critical": 99,
            }
        )
        for value, status in ((4.9, "ok"), (5, "warning"), (9.9, "warning"), (10, "critical")):
            above.value = value
            self.assertEqual(above.status, status, value)
        for value, status in ((99.9, "ok"), (99.5, "warning"), (99.1, "warning"), (99, "critical")):
            below.value = value
            self.assertEqual(below.status, status, value)
        self.assertEqual(len(above.value_ids), 4)
        with self.assertRaises(ValidationError) as refusal:
            below.threshold_critical = 99.8
        self.assertIn("beyond the warning", str(refusal.exception))

    def test_alert_raised_once_escalated_and_resolved(self):
        """R6.3.2: crossing raises one risk_kri alert to the department and owner."""
        indicator = self.Indicator.create(
            {
                "name": "Late deliveries",
                "risk_id": self.risk.id,
                "threshold_warning": 5,
                "threshold_critical": 10,
                "value": 1,
            }
        )
        self.assertEqual(indicator.status, "ok")
        self.assertFalse(self._alerts(indicator))
        indicator.value = 6
        alert = self._alerts(indicator)
        self.assertRecordValues(
            alert,
            [{"level": "warning", "state": "open", "department_id": self.department.id}],
        )
        self.assertEqual(alert.user_ids, self.manager)
        indicator.value = 7  # still warning: no new alert
        indicator.action_evaluate()
        self.assertEqual(self._alerts(indicator), alert)
        self.assertEqual(alert.raise_count, 1)
        indicator.value = 12  # escalation updates the same alert
        self.assertEqual(self._alerts(indicator), alert)
        self.assertEqual(alert.level, "critical")
        indicator.value = 2  # back to normal resolves it
        self.assertEqual(alert.state, "resolved")
        indicator.value = 8  # a new breach raises a new alert
        alerts = self._alerts(indicator)
        self.assertEqual(len(alerts), 2)
        self.assertEqual(len(alerts.filtered(lambda a: a.state == "open")), 1)

    def test_broken_indicator_does_not_stop_others(self):
        """One failing indicator is marked error with its reason; the others run."""
        good_before = self._computed(name="KRI good before")
        broken_field = self._computed(name="KRI broken field")
        broken_sql = self._computed(name="KRI broken SQL", domain="[('name', '=like', 'KRIT\\\\')]")
        good_after = self._computed(
            name="KRI good after", measure="sum", measure_field_id=self.loss_field.id
        )
        # the model changed after configuration: the field no longer exists
        self.env.cr.execute(
            "UPDATE wjl_risk_indicator SET domain = %s WHERE id = %s",
            ["[('no_such_field', '=', 1)]", broken_field.id],
        )
        broken_field.invalidate_recordset(["domain"])
        indicators = good_before | broken_field | broken_sql | good_after
        with mute_logger("odoo.sql_db"):
            indicators.action_evaluate()
        self.assertRecordValues(
            indicators,
            [
                {"status": "ok", "value": 4},
                {"status": "error", "value": 0},
                {"status": "error", "value": 0},
                {"status": "warning", "value": 900},
            ],
        )
        self.assertIn("no_such_field", broken_field.error_message)
        self.assertTrue(broken_sql.error_message)
        self.assertEqual(broken_field.value_ids.status, "error")

    def test_domain_is_literal_only(self):
        """Domains are parsed as literals, never evaluated as Python."""
        for domain in (
            "[('name', '=', __import__('os').getcwd())]",
            "[('create_date', '<', context_today())]",
            "{'a': 1}",
            "[('no_such_field', '=', 1)]",
            "[('name', 'no_op', 1)]",
        ):
            with self.subTest(domain=domain), self.assertRaises(ValidationError):
                self._computed(domain=domain)
        with self.assertRaises(ValidationError) as refusal:
            self._computed(measure="sum")
        self.assertIn("numeric field", str(refusal.exception))

    def test_cron_batches(self):
        """The cron evaluates the due indicators in batches and reports progress."""
        indicators = self.Indicator.browse()
        for index in range(5):
            indicators |= self._computed(name=f"KRI cron {index}")
        self.env.cr.execute(
            "UPDATE wjl_risk_indicator SET domain = %s WHERE id = %s",
            ["[('no_such_field', '=', 1)]", indicators[2].id],
        )
        indicators.invalidate_recordset(["domain"])
        # only ours are due (other addons or demo data may have indicators too)
        later = fields.Datetime.now() + timedelta(days=1)
        others = self.Indicator.search([("id", "not in", indicators.ids)])
        others.write({"next_evaluation_date": later})
        closed_risk = self._create_risk("KRIT closed risk", 1, 1)
        closed_risk.action_close()
        skipped = self._computed(name="KRI of a closed risk", risk_id=closed_risk.id)
        cron = self.env.ref("wjl_risk.ir_cron_wjl_risk_indicator_evaluate")
        cron, progress = cron._add_progress()
        Indicator = self.Indicator.with_context(**cron.env.context)
        self.assertEqual(Indicator._cron_evaluate_due(batch_size=2), 2)
        self.assertRecordValues(progress, [{"done": 2, "remaining": 3}])
        self.assertEqual(Indicator._cron_evaluate_due(batch_size=2), 2)
        self.assertEqual(Indicator._cron_evaluate_due(batch_size=2), 1)
        self.assertRecordValues(progress, [{"done": 1, "remaining": 0}])
        self.assertFalse(Indicator._cron_evaluate_due(batch_size=2))
        self.assertEqual(indicators.mapped("status"), ["ok", "ok", "error", "ok", "ok"])
        self.assertFalse(skipped.status)
        self.assertTrue(all(i.next_evaluation_date > fields.Datetime.now() for i in indicators))
