# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.wjl_quality.tests.common import WjlQualityCommon


@tagged("post_install", "-at_install")
class TestProduction(WjlQualityCommon):
    """R3.3.3 in-process 半成品检验 and finished-goods 成品检验 inspections."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mrp_user = cls.wjl_user("wjlq_mrp", "mrp.group_mrp_user,stock.group_stock_user")
        Product = cls.env["product.product"]
        cls.component = Product.create({"name": "WJLQ Sheet", "is_storable": True})
        cls.semi = Product.create({"name": "WJLQ Drawer (semi)", "is_storable": True})
        cls.finished = Product.create({"name": "WJLQ Cabinet", "is_storable": True})
        Bom = cls.env["mrp.bom"]
        cls.bom_semi = Bom.create(
            {
                "product_tmpl_id": cls.semi.product_tmpl_id.id,
                "product_qty": 1,
                "bom_line_ids": [
                    Command.create({"product_id": cls.component.id, "product_qty": 1})
                ],
            }
        )
        cls.bom_finished = Bom.create(
            {
                "product_tmpl_id": cls.finished.product_tmpl_id.id,
                "product_qty": 1,
                "bom_line_ids": [Command.create({"product_id": cls.semi.id, "product_qty": 2})],
            }
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.component, cls.stock, 100)
        Quant._update_available_quantity(cls.semi, cls.stock, 100)
        Gate = cls.env["wjl.quality.gate"]
        cls.gate_semi = Gate.create(
            {
                "name": "WJLQ drawers",
                "stage": "in_process",
                "product_ids": [Command.link(cls.semi.id)],
                "criterion_ids": [Command.create({"name": "Fit", "criterion_type": "passfail"})],
            }
        )
        cls.gate_finished = Gate.create(
            {
                "name": "WJLQ cabinets",
                "stage": "finished",
                "product_ids": [Command.link(cls.finished.id), Command.link(cls.semi.id)],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Height",
                            "criterion_type": "measure",
                            "norm": 1320,
                            "tolerance_lower": 3,
                            "tolerance_upper": 3,
                            "uom_name": "mm",
                        }
                    )
                ],
            }
        )

    def _mo(self, product, bom, qty=5):
        production = self.env["mrp.production"].create(
            {"product_id": product.id, "product_qty": qty, "bom_id": bom.id}
        )
        production.with_user(self.mrp_user).action_confirm()
        return production

    def _finish(self, production):
        production.qty_producing = production.product_qty
        production.move_raw_ids.picked = True
        return production.with_user(self.mrp_user).button_mark_done()

    def test_finished_goods_end_to_end(self):
        production = self._mo(self.finished, self.bom_finished)
        inspection = production.wjl_inspection_ids
        self.assertRecordValues(
            inspection,
            [{"gate_id": self.gate_finished.id, "stage": "finished", "product_qty": 5.0}],
        )
        production.action_confirm()  # re-check: no duplicate
        self.assertEqual(production.wjl_inspection_count, 1)
        with self.assertRaisesRegex(UserError, inspection.name):
            self._finish(production)
        inspection.line_ids.measured_value = 1321
        inspection.with_user(self.inspector).action_pass()
        self._finish(production)
        self.assertEqual(production.state, "done")
        self.assertEqual(self._qty(self.finished, self.stock), 5.0)

    def test_in_process_stage_for_semi_finished(self):
        production = self._mo(self.semi, self.bom_semi, qty=4)
        inspection = production.wjl_inspection_ids
        self.assertEqual(inspection.gate_id, self.gate_semi, "drawers are components: in-process")
        self.assertEqual(inspection.stage, "in_process")

    def test_failed_mo_to_quarantine(self):
        production = self._mo(self.finished, self.bom_finished)
        inspection = production.wjl_inspection_ids.with_user(self.inspector)
        inspection.line_ids.measured_value = 1330
        self.assertEqual(inspection.line_ids.result, "fail")
        inspection.qty_failed = 2
        inspection.action_fail()
        self._finish(production)
        self.assertEqual(production.state, "done")
        self.assertEqual(self._qty(self.finished, self.quarantine), 2.0)
        self.assertEqual(self._qty(self.finished, self.stock), 3.0)
        nc = inspection.nonconformance_ids
        self.assertEqual(len(nc), 1)
        self.assertRecordValues(
            nc,
            [
                {
                    "production_id": production.id,
                    "product_qty": 2.0,
                    "partner_id": False,
                    "department_id": self.env["hr.department"]._wjl_find_by_role("production").id,
                }
            ],
        )
        self.assertEqual(
            self.env["wjl.alert"].search_count(
                [
                    ("res_model", "=", nc._name),
                    ("res_id", "=", nc.id),
                    ("kind", "=", "quality_failed"),
                ]
            ),
            1,
        )

    def test_non_blocking_finished_gate(self):
        self.gate_finished.blocking = False
        production = self._mo(self.finished, self.bom_finished, qty=2)
        self._finish(production)
        self.assertEqual(production.state, "done")
        self.assertIn(
            production.wjl_inspection_ids.name, "".join(production.message_ids.mapped("body"))
        )
        # First-pass yield statistics read the MO inspections.
        inspection = production.wjl_inspection_ids
        inspection.line_ids.measured_value = 1320
        inspection.action_pass()
        self.assertEqual(inspection.first_pass_yield, 100.0)

    def test_mrp_users_read_only(self):
        """R3.3.3: manufacturing users read the inspections of their MOs, no more."""
        production = self._mo(self.finished, self.bom_finished)
        inspection = production.wjl_inspection_ids.with_user(self.mrp_user)
        inspection.read(["name", "state", "production_id"])
        inspection.line_ids.read(["result"])
        self.gate_finished.with_user(self.mrp_user).read(["name"])
        with self.assertRaises(AccessError):
            inspection.write({"note": "x"})
        with self.assertRaises(AccessError):
            inspection.line_ids[0].write({"note": "x"})
        with self.assertRaises(AccessError):
            self.env["wjl.quality.gate"].with_user(self.mrp_user).create(
                {"name": "Forbidden", "stage": "finished"}
            )
        self.assertEqual(production.with_user(self.mrp_user).wjl_inspection_count, 1)

    def test_report_from_mo(self):
        production = self._mo(self.finished, self.bom_finished, qty=1)
        inspection = production.wjl_inspection_ids
        inspection.line_ids.measured_value = 1320.5
        inspection.action_pass()
        report = self.env.ref("wjl_quality_mrp.action_report_production_inspection")
        self.assertEqual(report.binding_model_id.model, "mrp.production")
        html, _fmt = (
            self.env["ir.actions.report"]
            .with_user(self.mrp_user)
            ._render_qweb_html(report, production.ids)
        )
        self.assertIn(inspection.name, html.decode())
        self.assertIn("1320.5", html.decode())
        self.assertEqual(inspection.source_name, production.display_name)

    def test_rework_of_mo_goods_keeps_the_mo(self):
        production = self._mo(self.finished, self.bom_finished, qty=2)
        inspection = production.wjl_inspection_ids
        inspection.line_ids.measured_value = 1330
        inspection.qty_failed = 1
        inspection.action_fail()
        self._finish(production)
        nc = inspection.nonconformance_ids
        nc.disposition = "rework"
        nc.with_user(self.manager).action_apply_disposition()
        self.assertEqual(nc.rework_inspection_id.production_id, production)
        self.assertIn(nc.name, "".join(production.message_ids.mapped("body")))

    def test_gate_stages(self):
        stages = dict(self.env["wjl.quality.gate"]._fields["stage"].selection)
        self.assertEqual(set(stages), {"incoming", "in_process", "finished"})
        self.assertEqual(
            self.env["wjl.quality.inspection"]._fields["stage"].related, "gate_id.stage"
        )

    def test_demo_story(self):
        """The demo MO was confirmed, passed its finished-goods inspection and was done."""
        production = self.env.ref(
            "wjl_quality_mrp.production_cabinet_demo", raise_if_not_found=False
        )
        if not production:
            self.skipTest("installed without demo data")
        self.assertEqual(production.state, "done")
        self.assertEqual(production.wjl_inspection_ids.state, "passed")
        self.assertEqual(production.wjl_inspection_ids.stage, "finished")
