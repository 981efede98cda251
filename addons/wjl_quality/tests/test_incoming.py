# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .. import post_init_hook
from .common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestIncoming(WjlQualityCommon):
    """R3.3.3 incoming inspection 原材料检验 and R3.3.4 blocking of receipts."""

    def test_inspection_created_once_per_matching_move(self):
        picking = self._receipt([(self.raw, 10), (self.other, 5)])
        inspection = picking.wjl_inspection_ids
        self.assertEqual(len(inspection), 1, "only the gated product is inspected")
        self.assertRecordValues(
            inspection,
            [
                {
                    "gate_id": self.gate_in.id,
                    "stage": "incoming",
                    "product_id": self.raw.id,
                    "product_qty": 10.0,
                    "qty_to_inspect": 10.0,
                    "partner_id": self.supplier.id,
                    "state": "todo",
                    "blocking": True,
                }
            ],
        )
        self.assertTrue(inspection.name.startswith("QI/"))
        self.assertEqual(len(inspection.line_ids), 2)
        # Re-checking the same picking creates no duplicate.
        picking.action_assign()
        self.env["wjl.quality.inspection"]._wjl_create_for_moves(picking.move_ids)
        self.assertEqual(picking.wjl_inspection_count, 1)

    def test_picking_type_and_product_filters(self):
        gate = self.env["wjl.quality.gate"].create(
            {
                "name": "Only screws on another receipt type",
                "stage": "incoming",
                "product_ids": [Command.link(self.other.id)],
                "picking_type_ids": [Command.link(self.warehouse.out_type_id.id)],
            }
        )
        picking = self._receipt([(self.other, 5)])
        self.assertFalse(picking.wjl_inspection_ids)
        gate.picking_type_ids = [Command.set(self.warehouse.in_type_id.ids)]
        picking2 = self._receipt([(self.other, 5)])
        self.assertEqual(picking2.wjl_inspection_ids.gate_id, gate)

    def test_sampling(self):
        self.gate_in.write({"sampling": "percentage", "sampling_value": 15})
        picking = self._receipt([(self.raw, 20)])
        self.assertEqual(picking.wjl_inspection_ids.qty_to_inspect, 3.0)
        self.gate_in.write({"sampling": "fixed", "sampling_value": 5})
        picking = self._receipt([(self.raw, 3)])
        self.assertEqual(picking.wjl_inspection_ids.qty_to_inspect, 3.0)
        with self.assertRaises(ValidationError):
            self.gate_in.write({"sampling": "percentage", "sampling_value": 150})

    def test_blocking_refuses_validation(self):
        picking = self._receipt([(self.raw, 10)])
        inspection = picking.wjl_inspection_ids
        with self.assertRaisesRegex(UserError, inspection.name):
            self._validate(picking)
        self.assertEqual(picking.state, "assigned")
        self._record(inspection)
        inspection.with_user(self.inspector).action_pass()
        self._validate(picking)
        self.assertEqual(picking.state, "done")
        self.assertEqual(self._qty(self.raw, self.stock), 10.0)
        self.assertEqual(self._qty(self.raw, self.quarantine), 0.0)
        self.assertFalse(
            self.env["wjl.quality.nonconformance"].search([("inspection_id", "=", inspection.id)])
        )

    def test_draft_receipt_validated_directly_is_blocked(self):
        picking = self._receipt([(self.raw, 4)], confirm=False)
        with self.assertRaisesRegex(UserError, "QI/"):
            picking.with_user(self.stock_user).button_validate()

    def test_users_cannot_skip_the_gate_by_context(self):
        """The benchmarks' skip flag is for superuser code, not RPC (R3.3.4, R7.2.2)."""
        picking = self._receipt([(self.raw, 4)], confirm=False)
        picking = picking.with_user(self.stock_user).with_context(wjl_quality_skip=True)
        with self.assertRaisesRegex(UserError, "QI/"):
            picking.button_validate()
        self.assertNotEqual(picking.state, "done")

    def test_non_blocking_gate_leaves_a_note(self):
        self.gate_in.blocking = False
        picking = self._receipt([(self.raw, 10)])
        inspection = picking.wjl_inspection_ids
        self.assertFalse(inspection.blocking)
        self._validate(picking)
        self.assertEqual(picking.state, "done")
        self.assertEqual(inspection.state, "todo")
        self.assertIn(
            inspection.name,
            picking.message_ids[:3].mapped("body")[0] + "".join(picking.message_ids.mapped("body")),
        )

    def test_pass_refused_while_a_criterion_fails(self):
        picking = self._receipt([(self.raw, 10)])
        inspection = picking.wjl_inspection_ids.with_user(self.inspector)
        with self.assertRaisesRegex(UserError, "not judged"):
            inspection.action_pass()
        self._record(inspection, thickness=10.6)
        thickness = inspection.line_ids.filtered(lambda line: line.criterion_type == "measure")
        self.assertEqual(thickness.result, "fail", "10.6 is outside 10 ± 0.5")
        self.assertTrue(inspection.has_failed_line)
        with self.assertRaisesRegex(UserError, "Thickness"):
            inspection.action_pass()
        thickness.measured_value = 10.5
        self.assertEqual(thickness.result, "pass", "the tolerance bound is accepted")

    def test_fail_needs_a_valid_quantity(self):
        picking = self._receipt([(self.raw, 10)])
        inspection = picking.wjl_inspection_ids.with_user(self.inspector)
        with self.assertRaises(UserError):
            inspection.action_fail()
        inspection.qty_failed = 11
        with self.assertRaises(UserError):
            inspection.action_fail()
        inspection.qty_failed = 10
        inspection.action_fail()
        self.assertEqual(inspection.state, "failed")
        self.assertEqual(inspection.user_id, self.inspector)
        with self.assertRaises(UserError):
            inspection.line_ids[0].measured_value = 3

    def test_failed_quantity_to_quarantine_and_notified_once(self):
        picking, inspection = self._failed_receipt(qty=10, failed=3)
        self.assertEqual(picking.state, "done")
        self.assertEqual(self._qty(self.raw, self.quarantine), 3.0)
        self.assertEqual(self._qty(self.raw, self.stock), 7.0)
        ncs = self.env["wjl.quality.nonconformance"].search([("inspection_id", "=", inspection.id)])
        self.assertEqual(len(ncs), 1)
        self.assertRecordValues(
            ncs,
            [
                {
                    "product_id": self.raw.id,
                    "product_qty": 3.0,
                    "partner_id": self.supplier.id,
                    "picking_id": picking.id,
                    "location_id": self.quarantine.id,
                    "state": "open",
                    "department_id": self.env["hr.department"]._wjl_find_by_role("purchasing").id,
                }
            ],
        )
        self.assertIn("Thickness", ncs.description)
        alerts = self.env["wjl.alert"].search(
            [
                ("res_model", "=", ncs._name),
                ("res_id", "=", ncs.id),
                ("kind", "=", "quality_failed"),
            ]
        )
        self.assertEqual(len(alerts), 1)
        self.assertIn(self.manager, alerts.user_ids, "quality managers are told")
        self.assertTrue(inspection.isolated)
        # Processing again (e.g. another validation pass) does not duplicate anything.
        self.env["wjl.quality.nonconformance"]._wjl_open_for(
            self.env["wjl.quality.inspection"].search(
                [("id", "=", inspection.id), ("isolated", "=", False)]
            ),
            {},
        )
        self.assertEqual(
            self.env["wjl.quality.nonconformance"].search_count(
                [("inspection_id", "=", inspection.id)]
            ),
            1,
        )
        self.assertEqual(
            self.env["wjl.alert"].search_count(
                [("res_model", "=", ncs._name), ("res_id", "=", ncs.id)]
            ),
            1,
        )

    def test_failed_lot_is_marked(self):
        picking, inspection = self._failed_receipt(
            qty=8, failed=8, product=self.raw_lot, lot_name="WJLQ-LOT-1"
        )
        lot = self.env["stock.lot"].search([("name", "=", "WJLQ-LOT-1")])
        self.assertTrue(lot.wjl_nonconforming)
        self.assertEqual(self._qty(self.raw_lot, self.quarantine, lot), 8.0)
        self.assertEqual(self._qty(self.raw_lot, self.stock, lot), 0.0)
        self.assertEqual(lot.wjl_nonconformance_ids.inspection_id, inspection)

    def test_quarantine_disabled_keeps_goods_in_stock(self):
        self.company.wjl_quality_quarantine_failed = False
        picking, inspection = self._failed_receipt(qty=10, failed=3)
        self.assertEqual(self._qty(self.raw, self.stock), 10.0)
        self.assertEqual(len(inspection.nonconformance_ids), 1)

    def test_quarantine_location_per_warehouse(self):
        self.assertTrue(self.quarantine)
        self.assertEqual(self.quarantine.usage, "internal")
        self.assertEqual(self.quarantine.warehouse_id, self.warehouse)
        self.assertNotIn(
            self.quarantine,
            self.env["stock.location"].search([("id", "child_of", self.stock.id)]),
            "nothing reserves from quarantine",
        )
        warehouse = self.env["stock.warehouse"].create({"name": "WJLQ Second", "code": "WJQ2"})
        self.assertTrue(warehouse.wjl_quarantine_location_id)
        self.assertEqual(
            warehouse.wjl_quarantine_location_id.location_id, warehouse.view_location_id
        )
        # Existing warehouses without one get it from the install hook.
        warehouse.wjl_quarantine_location_id = False
        post_init_hook(self.env)
        self.assertTrue(warehouse.wjl_quarantine_location_id)

    def test_late_failure_of_non_blocking_inspection(self):
        self.gate_in.blocking = False
        picking = self._receipt([(self.raw, 10)])
        self._validate(picking)
        inspection = picking.wjl_inspection_ids.with_user(self.inspector)
        self._record(inspection, thickness=9.0)
        inspection.qty_failed = 4
        inspection.action_fail()
        self.assertEqual(self._qty(self.raw, self.quarantine), 4.0)
        self.assertEqual(self._qty(self.raw, self.stock), 6.0)
        self.assertEqual(len(inspection.nonconformance_ids), 1)
