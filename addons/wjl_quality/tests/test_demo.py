# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo story is data plus the real buttons (R3.3.3, R3.3.4): the steel
    receipt was confirmed, failed 20 sheets, was validated and quarantined them."""

    def test_demo_story(self):
        receipt = self.env.ref("wjl_quality.receipt_steel_demo", raise_if_not_found=False)
        if not receipt:
            self.skipTest("installed without demo data")
        self.assertEqual(receipt.state, "done")
        inspection = receipt.wjl_inspection_ids
        self.assertRecordValues(
            inspection,
            [
                {
                    "state": "failed",
                    "qty_failed": 20.0,
                    "isolated": True,
                    "user_id": self.env.ref("wjl_base.user_quality_staff_demo").id,
                }
            ],
        )
        quarantine = receipt.picking_type_id.warehouse_id.wjl_quarantine_location_id
        self.assertEqual(inspection.nonconformance_ids.location_id, quarantine)
        self.assertTrue(
            self.env.ref("wjl_base.user_quality_manager_demo").has_group(
                "wjl_quality.group_quality_manager"
            )
        )
        self.assertFalse(hasattr(type(inspection), "_wjl_demo_story"), "no demo-only method")
