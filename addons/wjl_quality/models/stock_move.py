# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, models
from odoo.tools import SQL


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_confirm(self, merge=True, merge_into=False):
        """Receipt moves get their incoming inspections when confirmed (R3.3.4)."""
        moves = super()._action_confirm(merge=merge, merge_into=merge_into)
        if not self._wjl_quality_skipped():
            self.env["wjl.quality.inspection"]._wjl_create_for_moves(moves)
        return moves

    def _wjl_quality_skipped(self):
        """Whether superuser code turned the quality hooks off (``wjl_quality_skip``).

        A user's RPC context cannot skip a quality gate (R3.3.4, R7.2.2).
        """
        return bool(self.env.su and self.env.context.get("wjl_quality_skip"))

    def _wjl_quality_moves(self):
        """The moves whose goods quality gates inspect: receipt moves (MOs in wjl_quality_mrp)."""
        # Prefetch limited to these moves: related fields such as picking_code are
        # computed for the whole prefetch set otherwise (hot path of validation).
        moves = self.with_prefetch(self._ids)
        return moves.filtered(lambda m: m.picking_id and m.picking_type_id.code == "incoming")

    def _wjl_failed_inspections_sql(self):
        """SQL condition of the inspections of these moves (extended by the bridges)."""
        return SQL("move_id = ANY(%s)", self.ids)

    def _action_done(self, cancel_backorder=False):
        """Isolate failed quantities, then mark and notify (R3.3.3).

        One query finds the failed inspections of the moves; only when there are
        some is more work done. The context key ``wjl_quality_skip`` turns the
        quality hooks off (benchmark baseline, data migrations) for superuser code only.
        """
        if self._wjl_quality_skipped():
            return super()._action_done(cancel_backorder=cancel_backorder)
        candidates = self._wjl_quality_moves()
        Inspection = self.env["wjl.quality.inspection"]
        failed = Inspection
        if candidates:
            ids = Inspection._wjl_ids_where_sql(
                SQL(
                    "state = 'failed' AND isolated IS NOT TRUE AND %s",
                    candidates._wjl_failed_inspections_sql(),
                )
            )
            if ids:
                # Processing the failure is part of the validation, whatever the
                # validating user may do on inspections.
                failed = Inspection.sudo().browse(ids)
        isolation = candidates._wjl_isolate_failed(failed) if failed else {}
        failed = failed.filtered(lambda insp: insp in isolation)
        done_moves = super()._action_done(cancel_backorder=cancel_backorder)
        if failed:
            self.env["wjl.quality.nonconformance"]._wjl_open_for(failed, isolation)
        return done_moves

    # ------------------------------------------------------------------
    # Isolation of failed goods 隔离 (R3.3.3)
    # ------------------------------------------------------------------

    def _wjl_isolate_failed(self, inspections):
        """Send the failed quantity of ``inspections`` in these moves (not done yet) to quarantine.

        Splits the move lines so that ``qty_failed`` goes to the quarantine
        location of the destination warehouse; the rest keeps its destination.

        :return: dict inspection -> (isolated quantity, quarantine location, move
            lines sent there); the lots are read from the lines once they are done
            (receipts may create their lots while being validated)
        """
        done = {}
        for insp in inspections:
            relevant = insp._wjl_relevant_moves(self)
            if not relevant:
                continue
            lines = relevant.move_line_ids.filtered(
                lambda ml, insp=insp: ml.product_id == insp.product_id
                and (not insp.lot_id or ml.lot_id == insp.lot_id)
            ).sorted("id")
            location = self.env["stock.location"]
            if lines and insp.company_id.wjl_quality_quarantine_failed:
                warehouse = lines[0].location_dest_id.warehouse_id or insp.warehouse_id
                if warehouse:
                    location = warehouse._wjl_quarantine_location()
            isolated, isolated_lines = lines._wjl_send_to(location, insp.qty_failed, insp)
            done[insp] = (isolated or insp.qty_failed, location, isolated_lines)
        return done

    @api.model
    def _wjl_internal_move(self, product, qty, lot, source, destination, origin, company):
        """Move ``qty`` of ``product`` (``lot``) between two locations, done at once."""
        # Stock consequence of a quality decision taken by an authorised user (a
        # quality manager's disposition or an inspector's result): it is recorded
        # by the system whatever their inventory rights.
        move = self.sudo().create(
            {
                "name": origin,
                "origin": origin,
                "product_id": product.id,
                "product_uom": product.uom_id.id,
                "product_uom_qty": qty,
                "location_id": source.id,
                "location_dest_id": destination.id,
                "company_id": company.id,
            }
        )
        move._action_confirm()
        move.write(
            {
                "move_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_id": product.uom_id.id,
                            "quantity": qty,
                            "lot_id": lot.id,
                            "location_id": source.id,
                            "location_dest_id": destination.id,
                        }
                    )
                ],
            }
        )
        move.picked = True
        move._action_done()
        return move
