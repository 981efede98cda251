# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
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
        # Prefetch limited to these moves: related fields such as picking_code are
        # computed for the whole prefetch set otherwise (hot path of validation).
        moves = self.with_prefetch(self._ids)
        return moves.filtered(
            lambda m: (m.picking_id and m.picking_type_id.code == "incoming") or m.production_id
        )

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
                    "state = 'failed' AND isolated IS NOT TRUE"
                    " AND (move_id = ANY(%s) OR production_id = ANY(%s))",
                    candidates.ids,
                    candidates.production_id.ids,
                )
            )
            if ids:
                # Processing the failure is part of the validation, whatever the
                # validating user may do on inspections.
                failed = Inspection.sudo().browse(ids)
        isolation = failed._wjl_isolate_in_moves(candidates) if failed else {}
        failed = failed.filtered(lambda insp: insp in isolation)
        done_moves = super()._action_done(cancel_backorder=cancel_backorder)
        if failed:
            failed._wjl_open_nonconformances(isolation)
        return done_moves
