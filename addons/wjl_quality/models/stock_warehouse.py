# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    wjl_quarantine_location_id = fields.Many2one(
        "stock.location",
        string="Quarantine Location",
        check_company=True,
        help="Internal location 隔离区 outside WH/Stock where failed goods are "
        "isolated, so nothing reserves from it (R3.3.3).",
    )

    def _get_locations_values(self, vals, code=False):
        values = super()._get_locations_values(vals, code=code)
        company_id = vals.get("company_id", self.default_get(["company_id"])["company_id"])
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        values["wjl_quarantine_location_id"] = {
            "name": self.env._("Quarantine"),
            "active": True,
            "usage": "internal",
            "replenish_location": False,
            "barcode": self._valid_barcode(code + "QUARANTINE", company_id),
        }
        return values

    def _wjl_ensure_quarantine_location(self):
        """Create the quarantine location of warehouses that have none (install)."""
        for warehouse in self.filtered(lambda w: not w.wjl_quarantine_location_id):
            # Done by the system for every warehouse (install hook, failure processing).
            location = (
                self.env["stock.location"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Quarantine"),
                        "usage": "internal",
                        "location_id": warehouse.view_location_id.id,
                        "company_id": warehouse.company_id.id,
                        "barcode": self._valid_barcode(
                            (warehouse.code or "").replace(" ", "").upper() + "QUARANTINE",
                            warehouse.company_id.id,
                        ),
                    }
                )
            )
            warehouse.sudo().wjl_quarantine_location_id = location
        return True

    def _wjl_quarantine_location(self):
        """This warehouse's quarantine location 隔离区, created if it has none yet (R3.3.3)."""
        self.ensure_one()
        if not self.wjl_quarantine_location_id:
            self._wjl_ensure_quarantine_location()
        return self.wjl_quarantine_location_id
