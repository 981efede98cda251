# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.wjl_quality.tests.common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestPurchaseAccess(WjlQualityCommon):
    """R3.3.3, R1.2: buyers read their suppliers' inspections and nonconformances."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.buyer = cls.wjl_user("wjlq_buyer", "purchase.group_purchase_user")

    def test_buyer_reads_only(self):
        _picking, inspection = self._failed_receipt(qty=10, failed=2)
        nc = inspection.nonconformance_ids
        inspection = inspection.with_user(self.buyer)
        inspection.read(["name", "state", "partner_id"])
        inspection.line_ids.read(["result"])
        nc.with_user(self.buyer).read(["name", "disposition"])
        self.gate_in.with_user(self.buyer).read(["name"])
        for record, vals in (
            (inspection, {"note": "x"}),
            (inspection.line_ids[0], {"note": "x"}),
            (nc.with_user(self.buyer), {"description": "x"}),
            (self.gate_in.with_user(self.buyer), {"blocking": False}),
        ):
            with self.assertRaises(AccessError):
                record.write(vals)

    def test_inspection_button_shown_to_buyers(self):
        view = self.env.ref("wjl_quality.stock_picking_view_form")
        arch = self.env["stock.picking"].get_view(view.inherit_id.id)["arch"]
        self.assertIn("action_view_wjl_inspections", arch)
        combined = self.env["ir.ui.view"].browse(view.inherit_id.id)._get_combined_arch()
        [button] = combined.xpath("//button[@name='action_view_wjl_inspections']")
        self.assertIn("purchase.group_purchase_user", button.get("groups"))
