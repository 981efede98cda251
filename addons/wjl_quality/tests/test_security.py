# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestSecurity(WjlQualityCommon):
    """Access control 访问控制 of the quality records (R3.3.3, R1.2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = cls.wjl_user("wjlq_employee", "base.group_user")
        cls.picking, cls.inspection = cls._failed_receipt_cls()
        cls.nc = cls.inspection.nonconformance_ids
        cls.portal_user = cls.wjl_portal_user("wjlq_portal_sec", "WJLQ Portal Supplier")
        cls.supplier2 = cls.portal_user.partner_id.parent_id

    @classmethod
    def _failed_receipt_cls(cls):
        picking = cls._receipt([(cls.raw, 10)])
        inspection = picking.wjl_inspection_ids
        cls._record(inspection, thickness=12)
        inspection.qty_failed = 2
        inspection.action_fail()
        cls._validate(picking)
        return picking, inspection

    def test_gate_config_is_for_managers(self):
        vals = {"name": "Forbidden", "stage": "incoming"}
        for user in (self.inspector, self.stock_user):
            with self.assertRaises(AccessError):
                self.env["wjl.quality.gate"].with_user(user).create(vals)
            self.gate_in.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.gate_in.with_user(self.inspector).write({"blocking": False})
        with self.assertRaises(AccessError):
            self.gate_in.criterion_ids[0].with_user(self.inspector).write({"norm": 1})
        self.env["wjl.quality.gate"].with_user(self.manager).create(vals)
        with self.assertRaises(AccessError):
            self.gate_in.with_user(self.employee).read(["name"])

    def test_stock_users_read_only(self):
        for user in (self.stock_user,):
            inspection = self.inspection.with_user(user)
            inspection.read(["name", "state"])
            inspection.line_ids.read(["result"])
            self.nc.with_user(user).read(["name"])
            with self.assertRaises(AccessError):
                inspection.write({"note": "x"})
            with self.assertRaises(AccessError):
                inspection.line_ids[0].write({"note": "x"})
            with self.assertRaises(AccessError):
                self.nc.with_user(user).write({"description": "x"})

    def test_inspector_records_but_does_not_delete(self):
        picking = self._receipt([(self.raw, 1)])
        inspection = picking.wjl_inspection_ids.with_user(self.inspector)
        inspection.line_ids[0].write({"measured_value": 10})
        inspection.write({"note": "ok"})
        with self.assertRaises(AccessError):
            inspection.unlink()
        with self.assertRaises(AccessError):
            self.env["wjl.quality.nonconformance"].with_user(self.inspector).create(
                {
                    "inspection_id": inspection.id,
                    "product_id": self.raw.id,
                    "product_qty": 1,
                }
            )
        self.nc.with_user(self.inspector).write({"description": "Rust on edges"})

    def test_employee_without_group_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.inspection.with_user(self.employee).read(["name"])
        with self.assertRaises(AccessError):
            self.nc.with_user(self.employee).read(["name"])

    def test_portal_rpc_isolation(self):
        Inspection = self.env["wjl.quality.inspection"].with_user(self.portal_user)
        self.assertFalse(Inspection.search([]), "supplier two has no inspection yet")
        with self.assertRaises(AccessError):
            self.inspection.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.nc.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.inspection.line_ids.with_user(self.portal_user).read(["result"])
        with self.assertRaises(AccessError):
            self.gate_in.with_user(self.portal_user).read(["name"])
        # Their own becomes visible, read-only.
        picking = self._receipt([(self.raw, 3)], partner=self.supplier2)
        own = picking.wjl_inspection_ids
        self.assertEqual(Inspection.search([]), own)
        with self.assertRaises(AccessError):
            own.with_user(self.portal_user).write({"note": "changed"})

    def test_picking_counter_for_users_without_quality_rights(self):
        # An employee without quality (nor stock) rights, as installed without sales:
        # the counter is computed for them and shows nothing instead of failing.
        picking = self.picking.with_user(self.employee)
        self.assertFalse(
            self.env["wjl.quality.inspection"].with_user(self.employee).has_access("read")
        )
        self.assertEqual(picking.wjl_inspection_count, 0)
        self.assertEqual(self.picking.with_user(self.stock_user).wjl_inspection_count, 1)

    def test_roles_convention(self):
        """R7.2.2, roles convention: the quality groups imply the base roles they
        extend; no base role implies a quality group; the administrator is Quality
        Manager from the install."""
        ref = self.env.ref
        inspector, manager = (
            ref("wjl_quality.group_quality_inspector"),
            ref("wjl_quality.group_quality_manager"),
        )
        self.assertIn(ref("wjl_base.group_wjl_user"), inspector.implied_ids)
        self.assertIn(ref("wjl_base.group_wjl_manager"), manager.implied_ids)
        self.assertIn(inspector, manager.implied_ids)
        for role in ("group_wjl_user", "group_wjl_manager", "group_wjl_admin"):
            implied = ref(f"wjl_base.{role}").trans_implied_ids
            self.assertFalse(implied & (inspector | manager), role)
        reg_admin = self.wjl_user("wjlq_reg_admin", "wjl_base.group_wjl_admin")
        self.assertFalse(reg_admin.has_group("wjl_quality.group_quality_inspector"))
        self.assertIn(ref("base.user_admin"), manager.users)
        self.assertTrue(self.manager.has_group("wjl_base.group_wjl_manager"))
        self.gate_in.with_user(self.manager).write(
            {"criterion_ids": [Command.create({"name": "New"})]}
        )

    def test_decisions_only_through_the_buttons(self):
        """R3.3.3, R7.2.2 (wjl.field.guard.mixin): the decision of an inspection and
        the closing of a nonconformance are the buttons' work, not direct writes."""
        picking = self._receipt([(self.raw, 2)])
        inspection = picking.wjl_inspection_ids.with_user(self.inspector)
        for vals in ({"state": "passed"}, {"isolated": True}, {"date_inspected": "2026-01-01"}):
            with self.assertRaisesRegex(AccessError, "buttons"):
                inspection.write(vals)
        self.assertEqual(inspection.state, "todo")
        self._record(inspection)
        inspection.action_pass()
        self.assertEqual(inspection.state, "passed")
        inspection.write({"note": "checked"})  # other fields stay writable
        for user in (self.inspector, self.manager):
            for vals in ({"state": "done"}, {"date_closed": "2026-01-01"}):
                with self.assertRaisesRegex(AccessError, "buttons"):
                    self.nc.with_user(user).write(vals)
        self.assertEqual(self.nc.state, "open")
        self.nc.with_user(self.manager).write({"disposition": "scrap"})
        self.nc.with_user(self.manager).action_apply_disposition()
        self.assertEqual(self.nc.state, "done")
        self.assertTrue(self.nc.scrap_id)
