# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.wjl_base.tests.common import WjlFixtures


@tagged("post_install", "-at_install")
class TestPortal(WjlFixtures, HttpCase):
    """R1.2: suppliers see their own quality records on /my/quality, nobody else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.env = env
        warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        cls.product = env["product.product"].create(
            {"name": "WJLQ Portal Bolt", "is_storable": True}
        )
        env["wjl.quality.gate"].create(
            {
                "name": "WJLQ portal gate",
                "stage": "incoming",
                "product_ids": [Command.link(cls.product.id)],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Length",
                            "criterion_type": "measure",
                            "norm": 50,
                            "tolerance_lower": 1,
                            "tolerance_upper": 1,
                        }
                    )
                ],
            }
        )
        cls.portal1 = cls.wjl_portal_user(
            "wjlq_portal_a", "WJLQ Portal Supplier A", name="Contact A", email="a@example.com"
        )
        cls.portal2 = cls.wjl_portal_user(
            "wjlq_portal_b", "WJLQ Portal Supplier B", name="Contact B", email="b@example.com"
        )
        cls.supplier1 = cls.portal1.partner_id.parent_id
        cls.supplier2 = cls.portal2.partner_id.parent_id
        cls.inspections = {
            supplier: cls._failed_receipt_of(supplier, warehouse)
            for supplier in (cls.supplier1, cls.supplier2)
        }
        cls.insp1 = cls.inspections[cls.supplier1]
        cls.insp2 = cls.inspections[cls.supplier2]
        cls.nc1 = cls.insp1.nonconformance_ids
        cls.nc2 = cls.insp2.nonconformance_ids

    @classmethod
    def _failed_receipt_of(cls, supplier, warehouse):
        """A validated receipt from ``supplier`` whose inspection failed 4 of 10 bolts."""
        supplier_loc = cls.env.ref("stock.stock_location_suppliers")
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": supplier.id,
                "location_id": supplier_loc.id,
                "location_dest_id": warehouse.lot_stock_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": "bolts",
                            "product_id": cls.product.id,
                            "product_uom_qty": 10,
                            "product_uom": cls.product.uom_id.id,
                            "location_id": supplier_loc.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        inspection = picking.wjl_inspection_ids
        inspection.line_ids.measured_value = 53.5
        inspection.qty_failed = 4
        inspection.action_fail()
        picking.move_ids.quantity = 10
        picking.move_ids.picked = True
        picking.button_validate()
        return inspection

    def test_list_shows_only_own_records(self):
        self.authenticate("wjlq_portal_a", "wjlq_portal_a")
        response = self.url_open("/my/quality")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.insp1.name, response.text)
        self.assertNotIn(self.insp2.name, response.text)
        response = self.url_open("/my/quality/nonconformances")
        self.assertIn(self.nc1.name, response.text)
        self.assertNotIn(self.nc2.name, response.text)

    def test_other_supplier_records_refused(self):
        self.authenticate("wjlq_portal_a", "wjlq_portal_a")
        for url in (
            f"/my/quality/inspection/{self.insp2.id}",
            f"/my/quality/inspection/{self.insp2.id}?report_type=html",
            f"/my/quality/nonconformance/{self.nc2.id}",
        ):
            response = self.url_open(url)
            self.assertNotIn(self.insp2.name, response.text)
            self.assertTrue(response.url.endswith("/my"), url)

    def test_report_download(self):
        self.authenticate("wjlq_portal_b", "wjlq_portal_b")
        response = self.url_open(f"/my/quality/inspection/{self.insp2.id}?report_type=html")
        self.assertEqual(response.status_code, 200)
        self.assertIn("53.5", response.text)
        response = self.url_open(
            f"/my/quality/inspection/{self.insp2.id}?report_type=pdf&download=true"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))

    def test_corrective_action_lands_in_chatter(self):
        self.authenticate("wjlq_portal_a", "wjlq_portal_a")
        page = self.url_open(f"/my/quality/nonconformance/{self.nc1.id}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            f"/my/quality/nonconformance/{self.nc1.id}/corrective_action",
            data={"csrf_token": token, "corrective_action": "Re-calibrated the cutting line"},
            files={"attachment": ("8d-report.txt", b"root cause: worn blade", "text/plain")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("success", response.url)
        self.assertEqual(self.nc1.corrective_action, "Re-calibrated the cutting line")
        message = self.nc1.message_ids.filtered(lambda m: "Re-calibrated" in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.portal1.partner_id)
        self.assertEqual(message.attachment_ids.name, "8d-report.txt")
        # Not on another supplier's nonconformance.
        self.url_open(
            f"/my/quality/nonconformance/{self.nc2.id}/corrective_action",
            data={"csrf_token": token, "corrective_action": "Intrusion"},
        )
        self.assertFalse(self.nc2.corrective_action)
        self.assertFalse(self.nc2.message_ids.filtered(lambda m: "Intrusion" in (m.body or "")))

    def test_home_counter(self):
        self.authenticate("wjlq_portal_a", "wjlq_portal_a")
        response = self.make_jsonrpc_request("/my/counters", {"counters": ["wjl_quality_count"]})
        self.assertEqual(response["wjl_quality_count"], 1)
