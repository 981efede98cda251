# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestSettings(WjlQualityCommon):
    """Settings > Operations Management > Quality (R3.3.3, R3.3.4)."""

    def test_defaults_of_new_gates_come_from_settings(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.wjl_quality_default_blocking = False
            settings.wjl_quality_default_sampling = "percentage"
            settings.wjl_quality_default_sampling_value = 20
            settings.wjl_quality_quarantine_failed = False
        self.assertFalse(self.company.wjl_quality_default_blocking)
        self.assertFalse(self.company.wjl_quality_quarantine_failed)
        with Form(self.env["wjl.quality.gate"]) as gate_form:
            gate_form.name = "WJLQ from settings"
        gate = gate_form.record
        self.assertRecordValues(
            gate,
            [
                {
                    "blocking": False,
                    "sampling": "percentage",
                    "sampling_value": 20.0,
                    "department_id": self.env.ref("wjl_base.dept_quality").id,
                }
            ],
        )

    def test_quality_manager_configures_a_gate_through_the_form(self):
        with Form(self.env["wjl.quality.gate"].with_user(self.manager)) as gate_form:
            gate_form.name = "WJLQ form gate"
            gate_form.stage = "incoming"
            with gate_form.criterion_ids.new() as criterion:
                criterion.name = "Weight"
                criterion.criterion_type = "measure"
                criterion.norm = 5
                criterion.tolerance_upper = 0.2
        self.assertEqual(gate_form.record.criterion_ids.name, "Weight")
