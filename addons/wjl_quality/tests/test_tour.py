# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.wjl_base.tests.common import WjlFixtures


@tagged("post_install", "-at_install")
class TestInspectionTour(WjlFixtures, HttpCase):
    """R3.3.3 in the browser: an inspector records a failing measurement."""

    def test_inspector_records_failing_measurement(self):
        env = self.env
        self.wjl_user("wjlq_tour_inspector", "wjl_quality.group_quality_inspector", lang="en_US")
        product = env["product.product"].create({"name": "WJLQ Tour Plate", "is_storable": True})
        gate = env["wjl.quality.gate"].create(
            {
                "name": "WJLQ tour gate",
                "stage": "incoming",
                "product_ids": [Command.link(product.id)],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Thickness",
                            "criterion_type": "measure",
                            "norm": 10,
                            "tolerance_lower": 0.5,
                            "tolerance_upper": 0.5,
                            "uom_name": "mm",
                        }
                    )
                ],
            }
        )
        warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        supplier = env["res.partner"].create({"name": "WJLQ Tour Supplier"})
        picking = env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": supplier.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 10,
                            "product_uom": product.uom_id.id,
                            "location_id": env.ref("stock.stock_location_suppliers").id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        inspection = picking.wjl_inspection_ids
        self.assertEqual(inspection.gate_id, gate)
        self.start_tour(
            f"/odoo/action-wjl_quality.wjl_quality_inspection_action/{inspection.id}",
            "wjl_quality_inspection_fail_tour",
            login="wjlq_tour_inspector",
        )
        self.assertRecordValues(inspection, [{"state": "failed", "qty_failed": 2.0}])
        self.assertEqual(inspection.line_ids.measured_value, 12.5)
        self.assertEqual(inspection.line_ids.result, "fail")
