# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests.common import TransactionCase

from odoo.addons.wjl_base.tests.common import WjlFixtures


class WjlQualityCommon(WjlFixtures, TransactionCase):
    """Fixtures of the quality tests, built without demo data (R3.3.3).

    Needs only ``wjl_quality`` (no manufacturing, no purchase): the bridges'
    tests add their own users and products.

    * users (``WjlFixtures``): ``inspector``, ``manager`` (quality), ``stock_user``
    * ``raw`` (storable), ``raw_lot`` (lot-tracked), ``finished``, ``semi`` products
    * ``gate_in``: blocking incoming gate on ``raw`` and ``raw_lot`` with a
      thickness measurement (10 ± 0.5 mm) and a visual pass/fail criterion
    * ``supplier`` and ``supplier2`` companies
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.quarantine = cls.warehouse.wjl_quarantine_location_id
        cls.supplier_location = cls.env.ref("stock.stock_location_suppliers")
        cls.inspector = cls.wjl_user("wjlq_inspector", "wjl_quality.group_quality_inspector")
        cls.manager = cls.wjl_user(
            "wjlq_manager", "wjl_quality.group_quality_manager,stock.group_stock_user"
        )
        cls.stock_user = cls.wjl_user("wjlq_stock", "stock.group_stock_user")
        Product = cls.env["product.product"]
        cls.categ = cls.env["product.category"].create({"name": "WJLQ Raw Materials"})
        cls.raw = Product.create(
            {"name": "WJLQ Steel Plate", "is_storable": True, "categ_id": cls.categ.id}
        )
        cls.raw_lot = Product.create(
            {
                "name": "WJLQ Paint (lot)",
                "is_storable": True,
                "tracking": "lot",
                "categ_id": cls.categ.id,
            }
        )
        cls.other = Product.create({"name": "WJLQ Screws", "is_storable": True})
        cls.supplier, cls.supplier2 = cls.env["res.partner"].create(
            [
                {"name": "WJLQ Supplier One", "is_company": True},
                {"name": "WJLQ Supplier Two", "is_company": True},
            ]
        )
        cls.gate_in = cls.env["wjl.quality.gate"].create(
            {
                "name": "WJLQ incoming plates",
                "stage": "incoming",
                "blocking": True,
                "product_categ_ids": [Command.link(cls.categ.id)],
                "criterion_ids": [
                    Command.create(
                        {
                            "name": "Thickness",
                            "criterion_type": "measure",
                            "norm": 10.0,
                            "tolerance_lower": 0.5,
                            "tolerance_upper": 0.5,
                            "uom_name": "mm",
                            "sequence": 1,
                        }
                    ),
                    Command.create({"name": "Visual", "criterion_type": "passfail", "sequence": 2}),
                ],
            }
        )

    @classmethod
    def _receipt(cls, lines, partner=None, confirm=True):
        """Receipt from ``partner`` of ``lines`` = [(product, qty), ...]."""
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": cls.warehouse.in_type_id.id,
                "partner_id": (partner or cls.supplier).id,
                "location_id": cls.supplier_location.id,
                "location_dest_id": cls.stock.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "product_uom": product.uom_id.id,
                            "location_id": cls.supplier_location.id,
                            "location_dest_id": cls.stock.id,
                        }
                    )
                    for product, qty in lines
                ],
            }
        )
        if confirm:
            picking.action_confirm()
        return picking

    @classmethod
    def _record(cls, inspection, thickness=10.0, visual="pass"):
        for line in inspection.line_ids:
            if line.criterion_type == "measure":
                line.measured_value = thickness
            else:
                line.choice = visual

    @classmethod
    def _validate(cls, picking, user=None, lot_name=None):
        for move in picking.move_ids:
            if lot_name and move.product_id.tracking == "lot":
                move.move_line_ids.unlink()
                move.move_line_ids = [
                    Command.create(
                        {
                            "product_id": move.product_id.id,
                            "product_uom_id": move.product_uom.id,
                            "quantity": move.product_uom_qty,
                            "lot_name": lot_name,
                            "location_id": move.location_id.id,
                            "location_dest_id": move.location_dest_id.id,
                        }
                    )
                ]
            else:
                move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        return picking.with_user(user or cls.stock_user).button_validate()

    def _qty(self, product, location, lot=None):
        domain = [("product_id", "=", product.id), ("location_id", "=", location.id)]
        if lot:
            domain.append(("lot_id", "=", lot.id))
        return sum(self.env["stock.quant"].search(domain).mapped("quantity"))

    def _failed_receipt(self, qty=10, failed=3, product=None, lot_name=None):
        """A validated receipt whose inspection failed ``failed`` units."""
        product = product or self.raw
        picking = self._receipt([(product, qty)])
        inspection = picking.wjl_inspection_ids
        self._record(inspection, thickness=11.2)
        inspection = inspection.with_user(self.inspector)
        inspection.qty_failed = failed
        inspection.action_fail()
        self._validate(picking, lot_name=lot_name)
        return picking, inspection.with_user(self.env.user)
