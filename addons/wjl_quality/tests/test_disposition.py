# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestDisposition(WjlQualityCommon):
    """R3.3.3 dispositions of nonconforming goods: each does its stock work."""

    def _nc(self, qty=10, failed=4, **kw):
        picking, inspection = self._failed_receipt(qty=qty, failed=failed, **kw)
        return inspection.nonconformance_ids

    def _apply(self, nc, disposition, user=None):
        nc = nc.with_user(user or self.manager)
        nc.disposition = disposition
        nc.action_apply_disposition()
        return nc.with_user(self.env.user)

    def test_return_to_supplier(self):
        nc = self._apply(self._nc(), "return")
        self.assertEqual(nc.state, "done")
        ret = nc.return_picking_id
        self.assertTrue(ret)
        self.assertEqual(ret.location_id, self.quarantine)
        self.assertEqual(ret.partner_id, self.supplier)
        self.assertEqual(ret.move_ids.product_uom_qty, 4.0)
        ret.move_ids.picked = True
        ret.button_validate()
        self.assertEqual(ret.state, "done")
        self.assertEqual(self._qty(self.raw, self.quarantine), 0.0)
        self.assertEqual(self._qty(self.raw, self.stock), 6.0)
        self.assertEqual(
            self.env["wjl.alert"]
            .search([("res_model", "=", nc._name), ("res_id", "=", nc.id)])
            .state,
            "resolved",
        )

    def test_scrap(self):
        nc = self._apply(self._nc(), "scrap")
        self.assertEqual(nc.scrap_id.state, "done")
        self.assertEqual(self._qty(self.raw, self.quarantine), 0.0)
        self.assertEqual(self._qty(self.raw, nc.scrap_id.scrap_location_id), 4.0)
        self.assertEqual(self._qty(self.raw, self.stock), 6.0)

    def test_rework_creates_a_new_inspection(self):
        nc = self._apply(self._nc(), "rework")
        rework = nc.rework_inspection_id
        self.assertRecordValues(
            rework,
            [
                {
                    "product_qty": 4.0,
                    "state": "todo",
                    "is_rework": True,
                    "origin_nonconformance_id": nc.id,
                    "gate_id": self.gate_in.id,
                }
            ],
        )
        self._record(rework)
        rework.with_user(self.inspector).action_pass()
        self.assertEqual(self._qty(self.raw, self.quarantine), 0.0)
        self.assertEqual(self._qty(self.raw, self.stock), 10.0)

    def test_rework_failing_again(self):
        nc = self._apply(self._nc(), "rework")
        rework = nc.rework_inspection_id.with_user(self.inspector)
        self._record(rework, thickness=12)
        rework.qty_failed = 1
        rework.action_fail()
        self.assertEqual(self._qty(self.raw, self.quarantine), 1.0)
        self.assertEqual(self._qty(self.raw, self.stock), 9.0)
        self.assertEqual(rework.nonconformance_ids.product_qty, 1.0)

    def test_concession_only_by_quality_manager(self):
        nc = self._nc()
        nc_inspector = nc.with_user(self.inspector)
        nc_inspector.disposition = "concession"
        with self.assertRaises(AccessError):
            nc_inspector.action_apply_disposition()
        nc = self._apply(nc, "concession")
        self.assertEqual(nc.state, "done")
        self.assertTrue(nc.concession_move_id)
        self.assertEqual(self._qty(self.raw, self.quarantine), 0.0)
        self.assertEqual(self._qty(self.raw, self.stock), 10.0)
        tracked = nc.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "disposition"
        )
        self.assertTrue(tracked or nc.message_ids, "the concession is tracked")

    def test_disposition_required_and_closed_once(self):
        nc = self._nc().with_user(self.manager)
        with self.assertRaises(UserError):
            nc.action_apply_disposition()
        nc.disposition = "scrap"
        nc.action_apply_disposition()
        with self.assertRaises(UserError):
            nc.action_apply_disposition()

    def test_return_of_lot(self):
        nc = self._nc(qty=5, failed=5, product=self.raw_lot, lot_name="WJLQ-RET-1")
        nc = self._apply(nc, "return")
        ret = nc.return_picking_id
        self.assertEqual(ret.move_line_ids.lot_id, nc.lot_id)
        ret.move_ids.picked = True
        ret.button_validate()
        self.assertEqual(self._qty(self.raw_lot, self.quarantine), 0.0)
