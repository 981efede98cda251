# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.tools import float_compare, float_is_zero


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    def _wjl_send_to(self, location, qty, inspection):
        """Route ``qty`` (in the inspection's unit) of these lines to ``location``.

        Lines are taken in order; the last one is split when it holds more than
        what is left. Without ``location`` the lines only say which goods failed.

        :return: (quantity found, the lines holding it)
        """
        rounding = inspection.product_uom_id.rounding
        isolated_lines = self.browse()
        isolated = 0.0
        remaining = qty
        for line in self:
            if float_compare(remaining, 0.0, precision_rounding=rounding) <= 0:
                break
            line_qty = line.quantity_product_uom
            if float_is_zero(line_qty, precision_rounding=rounding):
                continue
            if float_compare(line_qty, remaining, precision_rounding=rounding) > 0:
                if location:
                    part = inspection.product_uom_id._compute_quantity(
                        remaining, line.product_uom_id
                    )
                    isolated_lines |= line.copy(
                        {
                            "move_id": line.move_id.id,
                            "quantity": part,
                            "location_dest_id": location.id,
                            "picked": line.picked,
                        }
                    )
                    line.quantity -= part
                else:
                    isolated_lines |= line
                line_qty = remaining
            else:
                if location:
                    line.location_dest_id = location
                isolated_lines |= line
            isolated += line_qty
            remaining -= line_qty
        return isolated, isolated_lines
