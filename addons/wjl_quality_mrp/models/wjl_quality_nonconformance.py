# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class WjlQualityNonconformance(models.Model):
    """Nonconformances of goods made by a manufacturing order (R3.3.3)."""

    _inherit = "wjl.quality.nonconformance"

    production_id = fields.Many2one("mrp.production", string="Manufacturing Order")

    def _wjl_source(self):
        return super()._wjl_source() or self.production_id

    @api.model
    def _wjl_vals_from_inspection(self, insp, qty, location, lots):
        vals = super()._wjl_vals_from_inspection(insp, qty, location, lots)
        vals["production_id"] = insp.production_id.id
        return vals

    def _wjl_rework_vals(self):
        return dict(super()._wjl_rework_vals(), production_id=self.production_id.id)
