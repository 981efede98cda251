# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoData(TransactionCase):
    """The demo is records plus the models' real actions, no demo-only method."""

    def test_demo_indicators_evaluated_by_their_action(self):
        indicators = self.env["wjl.risk.indicator"]
        for name in ("open_alerts", "overdue_reviews"):
            xmlid = f"wjl_risk.wjl_risk_indicator_demo_{name}"
            indicators |= self.env.ref(xmlid, raise_if_not_found=False) or indicators
        if not indicators:
            self.skipTest("installed without demo data")
        self.assertFalse(hasattr(indicators, "_demo_setup"))
        for indicator in indicators:
            with self.subTest(indicator=indicator.name):
                self.assertEqual(indicator.source, "computed")
                self.assertEqual(indicator.owner_user_id, self.env.ref("base.user_admin"))
                self.assertIn(indicator.status, ("ok", "warning", "critical"))
                self.assertTrue(indicator.value_ids)

    def test_demo_people_have_their_risk_roles(self):
        head = self.env.ref("wjl_base.user_sales_manager_demo", raise_if_not_found=False)
        if not head or not self.env.ref("wjl_risk.wjl_risk_demo_key_account", False):
            self.skipTest("installed without demo data")
        staff = self.env.ref("wjl_base.user_sales_staff_demo")
        self.assertTrue(head.has_group("wjl_risk.group_risk_manager"))
        self.assertTrue(staff.has_group("wjl_risk.group_risk_user"))
        self.assertFalse(staff.has_group("wjl_risk.group_risk_manager"))
