# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare, float_is_zero

STATES = [("todo", "To Do"), ("passed", "Passed"), ("failed", "Failed")]


class WjlQualityInspection(models.Model):
    """Inspection 检验单 of one receipt move or manufacturing order (R3.3.3).

    Created automatically by the gates when a receipt is confirmed (and, with
    ``wjl_quality_mrp``, a manufacturing order). A blocking inspection still to do
    refuses the validation of its source (R3.3.4). A failed inspection marks,
    isolates and notifies when its source is validated: the failed quantity goes to
    the quarantine location, the lots are marked nonconforming, a nonconformance is
    opened and an alert is raised.
    """

    _name = "wjl.quality.inspection"
    _description = "Quality Inspection"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "wjl.required.text.mixin",
        "wjl.field.guard.mixin",
    ]
    _order = "id desc"
    _wjl_required_text_fields = ("name",)
    # The decision is taken by the buttons (Pass, Fail, Reopen) and the failure
    # processed by the system, never written directly (R3.3.3, R7.2.2).
    _wjl_guard_action_fields = frozenset({"state", "date_inspected", "isolated"})

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    gate_id = fields.Many2one(
        "wjl.quality.gate",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    stage = fields.Selection(related="gate_id.stage", store=True)
    blocking = fields.Boolean(
        readonly=True,
        help="Copied from the gate when the inspection was created.",
    )
    product_id = fields.Many2one("product.product", required=True, index=True)
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        domain="[('product_id', '=', product_id)]",
        tracking=True,
    )
    product_qty = fields.Float(string="Quantity", digits="Product Unit of Measure", required=True)
    qty_to_inspect = fields.Float(string="Quantity to Inspect", digits="Product Unit of Measure")
    qty_failed = fields.Float(
        string="Failed Quantity", digits="Product Unit of Measure", tracking=True
    )
    qty_passed = fields.Float(
        string="Passed Quantity",
        digits="Product Unit of Measure",
        compute="_compute_qty_passed",
        store=True,
    )
    line_ids = fields.One2many(
        "wjl.quality.inspection.line", "inspection_id", string="Results", copy=True
    )
    has_failed_line = fields.Boolean(compute="_compute_has_failed_line")
    state = fields.Selection(
        STATES, required=True, default="todo", tracking=True, index=True, copy=False
    )
    user_id = fields.Many2one(
        "res.users", string="Inspector", tracking=True, domain=[("share", "=", False)]
    )
    date_inspected = fields.Datetime(string="Inspection Date", tracking=True, copy=False)
    picking_id = fields.Many2one("stock.picking", string="Receipt", index=True)
    move_id = fields.Many2one("stock.move", string="Stock Move", index=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", index=True)
    origin_nonconformance_id = fields.Many2one(
        "wjl.quality.nonconformance",
        string="Rework of",
        index=True,
        help="The nonconformance whose rework this inspection checks.",
    )
    is_rework = fields.Boolean(compute="_compute_is_rework", store=True)
    nonconformance_ids = fields.One2many(
        "wjl.quality.nonconformance", "inspection_id", string="Nonconformances"
    )
    nonconformance_count = fields.Integer(compute="_compute_nonconformance_count")
    department_id = fields.Many2one("hr.department", string="Quality Department", tracking=True)
    warehouse_id = fields.Many2one("stock.warehouse")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    isolated = fields.Boolean(
        string="Failure Processed",
        readonly=True,
        copy=False,
        help="The failed quantity was isolated and its nonconformance opened.",
    )
    source_name = fields.Char(string="Source", compute="_compute_source_name")
    pass_rate = fields.Float(
        string="Pass Rate (%)",
        compute="_compute_pass_rate",
        store=True,
        aggregator="avg",
        help="100 for a passed inspection, 0 for a failed one: averaged in the "
        "statistics it gives the pass rate.",
    )
    first_pass_yield = fields.Float(
        string="First-pass Yield (%)",
        compute="_compute_pass_rate",
        store=True,
        aggregator="avg",
        help="Passed quantity over inspected quantity of inspections that are not " "reworks.",
    )
    date_month = fields.Date(string="Month", compute="_compute_date_month", store=True)
    note = fields.Html()

    _sql_constraints = [
        (
            "qty_failed_positive",
            "CHECK(qty_failed >= 0)",
            "The failed quantity cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("product_qty", "qty_failed", "state")
    def _compute_qty_passed(self):
        for insp in self:
            insp.qty_passed = insp.product_qty - insp.qty_failed if insp.state != "todo" else 0.0

    @api.depends("line_ids.result")
    def _compute_has_failed_line(self):
        for insp in self:
            insp.has_failed_line = any(line.result == "fail" for line in insp.line_ids)

    @api.depends("origin_nonconformance_id")
    def _compute_is_rework(self):
        for insp in self:
            insp.is_rework = bool(insp.origin_nonconformance_id)

    def _compute_nonconformance_count(self):
        counts = dict(
            self.env["wjl.quality.nonconformance"]._read_group(
                [("inspection_id", "in", self.ids)], ["inspection_id"], ["__count"]
            )
        )
        for insp in self:
            insp.nonconformance_count = counts.get(insp, 0)

    @api.depends("picking_id", "origin_nonconformance_id")
    def _compute_source_name(self):
        for insp in self:
            source = insp._wjl_source() or insp.origin_nonconformance_id
            insp.source_name = source.display_name if source else False

    def _wjl_source(self):
        """The operation this inspection checks: the receipt (an MO in wjl_quality_mrp)."""
        self.ensure_one()
        return self.picking_id

    @api.depends("state", "product_qty", "qty_failed", "is_rework")
    def _compute_pass_rate(self):
        for insp in self:
            if insp.state == "todo":
                insp.pass_rate = 0.0
                insp.first_pass_yield = 0.0
                continue
            insp.pass_rate = 100.0 if insp.state == "passed" else 0.0
            if insp.is_rework or not insp.product_qty:
                insp.first_pass_yield = 0.0
            else:
                insp.first_pass_yield = (
                    100.0 * (insp.product_qty - insp.qty_failed) / insp.product_qty
                )

    @api.depends("date_inspected", "create_date")
    def _compute_date_month(self):
        """Month of the inspection in the user's time zone, the one the
        statistics group by: an inspection decided on the 1st at 00:30 in
        Shanghai belongs to that month, not the previous one in UTC (R3.3.3)."""
        for insp in self:
            moment = insp.date_inspected or insp.create_date or fields.Datetime.now()
            local = fields.Datetime.context_timestamp(insp, moment)
            insp.date_month = local.date().replace(day=1)

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for insp in self:
            insp.access_url = f"/my/quality/inspection/{insp.id}"
        return res

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        gates = self.env["wjl.quality.gate"].browse(
            {vals["gate_id"] for vals in vals_list if vals.get("gate_id")}
        )
        gates.mapped("criterion_ids")  # prefetch criteria of all gates at once
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("wjl.quality.inspection") or "/"
            gate = gates.browse(vals.get("gate_id"))
            if not gate:
                continue
            vals.setdefault("blocking", gate.blocking)
            vals.setdefault("department_id", gate.department_id.id)
            if "qty_to_inspect" not in vals:
                vals["qty_to_inspect"] = gate._qty_to_inspect(vals.get("product_qty", 0.0))
            if not vals.get("line_ids"):
                vals["line_ids"] = [
                    Command.create({"criterion_id": criterion.id, "sequence": criterion.sequence})
                    for criterion in gate.criterion_ids
                ]
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(insp.state != "todo" for insp in self):
            raise UserError(
                self.env._("Decided inspections are quality records and cannot be deleted.")
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_pass(self):
        """Record the inspection as passed 合格 (R3.3.3).

        Refused while a criterion fails or is not yet judged.
        """
        for insp in self:
            insp._check_todo()
            failing = insp.line_ids.filtered(lambda line: line.result == "fail")
            if failing:
                raise UserError(
                    self.env._(
                        "Inspection %(name)s cannot pass: criteria %(criteria)s fail. "
                        "Record it as failed instead.",
                        name=insp.name,
                        criteria=", ".join(failing.mapped("name")),
                    )
                )
            pending = insp.line_ids.filtered(lambda line: line.result == "pending")
            if pending:
                raise UserError(
                    self.env._(
                        "Inspection %(name)s cannot pass: criteria %(criteria)s are not "
                        "judged yet.",
                        name=insp.name,
                        criteria=", ".join(pending.mapped("name")),
                    )
                )
        self._wjl_guard_write(self._decision_vals("passed", qty_failed=0.0))
        self.filtered("is_rework")._wjl_release_rework()
        return True

    def action_fail(self):
        """Record the inspection as failed 不合格 (R3.3.3).

        Needs a failed quantity greater than zero and at most the quantity. When
        the source is already validated, the failure is processed at once.
        """
        for insp in self:
            insp._check_todo()
            rounding = insp.product_uom_id.rounding
            if float_compare(insp.qty_failed, 0.0, precision_rounding=rounding) <= 0:
                raise UserError(
                    self.env._(
                        "Set the failed quantity of inspection %s before recording it "
                        "as failed.",
                        insp.name,
                    )
                )
            if float_compare(insp.qty_failed, insp.product_qty, precision_rounding=rounding) > 0:
                raise UserError(
                    self.env._(
                        "The failed quantity of inspection %(name)s (%(failed)s) exceeds "
                        "its quantity (%(qty)s).",
                        name=insp.name,
                        failed=insp.qty_failed,
                        qty=insp.product_qty,
                    )
                )
        self._wjl_guard_write(self._decision_vals("failed"))
        late = self.filtered(lambda insp: insp._source_done())
        if late:
            # The stock consequence of the inspector's decision (isolation of goods
            # already received) is done by the system: inspectors need no stock rights.
            late.sudo()._wjl_process_late_failure()
        return True

    def action_reset(self):
        """Quality managers may reopen a decision whose failure was not processed."""
        if not self.env.user.has_group("wjl_quality.group_quality_manager"):
            raise UserError(self.env._("Only quality managers can reopen an inspection."))
        if any(insp.isolated or insp.state == "todo" for insp in self):
            raise UserError(
                self.env._(
                    "Only decided inspections whose failure was not processed yet can be "
                    "reopened."
                )
            )
        self._wjl_guard_write({"state": "todo", "qty_failed": 0.0, "date_inspected": False})
        return True

    def _check_todo(self):
        self.ensure_one()
        if self.state != "todo":
            raise UserError(self.env._("Inspection %s is already decided.", self.name))

    def _decision_vals(self, state, **extra):
        vals = {
            "state": state,
            "date_inspected": fields.Datetime.now(),
        }
        if not self.env.su:
            vals["user_id"] = self.env.user.id
        vals.update(extra)
        return vals

    def action_view_nonconformances(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_quality.wjl_quality_nonconformance_action"
        )
        action["domain"] = [("inspection_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    @api.model
    def _wjl_counts(self, field_name, records):
        """Number of inspections of each of ``records`` (receipts, MOs) through ``field_name``.

        Empty for a user who may not read inspections: the counter shows nothing.
        """
        if not self.has_access("read"):
            return {}
        return dict(self._read_group([(field_name, "in", records.ids)], [field_name], ["__count"]))

    @api.model
    def _wjl_action_of(self, field_name, record):
        """The inspections of ``record`` (a receipt, an MO), from its smart button."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_quality.wjl_quality_inspection_action"
        )
        action["domain"] = [(field_name, "=", record.id)]
        action["context"] = {"create": False}
        return action

    def action_print_report(self):
        return self.env.ref("wjl_quality.action_report_inspection").report_action(self)

    # ------------------------------------------------------------------
    # Stock side (R3.3.3: mark, isolate, notify)
    # ------------------------------------------------------------------

    def _source_done(self):
        self.ensure_one()
        if self.is_rework:
            return True
        # Inspectors may have no inventory rights: only the state of the source is read.
        source = self.sudo()._wjl_source()
        return bool(source) and source.state == "done"

    def _wjl_process_late_failure(self):
        """A failure recorded after its source was validated (non-blocking gate, rework).

        The failed quantity is moved from stock to quarantine (except for a rework,
        already in quarantine, whose passed part is released), then the
        nonconformance is opened.
        """
        isolation = {}
        Location = self.env["stock.location"]
        for insp in self:
            if insp.is_rework:
                origin = insp.origin_nonconformance_id
                passed = insp.product_qty - insp.qty_failed
                if not float_is_zero(passed, precision_rounding=insp.product_uom_id.rounding):
                    origin._wjl_move_out_of_quarantine(passed, insp.name)
                isolation[insp] = (insp.qty_failed, origin.location_id, origin.lot_id)
                continue
            location = insp._wjl_stock_location()
            warehouse = location.warehouse_id or insp.warehouse_id
            quarantine = warehouse._wjl_quarantine_location() if warehouse else Location
            if insp.company_id.wjl_quality_quarantine_failed and location and quarantine:
                self.env["stock.move"]._wjl_internal_move(
                    insp.product_id,
                    insp.qty_failed,
                    insp.lot_id,
                    location,
                    quarantine,
                    insp.name,
                    insp.company_id,
                )
                isolation[insp] = (insp.qty_failed, quarantine, insp.lot_id)
            else:
                isolation[insp] = (insp.qty_failed, Location, insp.lot_id)
        self.env["wjl.quality.nonconformance"]._wjl_open_for(self, isolation)

    def _wjl_stock_location(self):
        """Where the inspected goods went: the receipt move's destination."""
        self.ensure_one()
        if self.move_id:
            lines = self.move_id.move_line_ids
            return lines[:1].location_dest_id or self.move_id.location_dest_id
        return self.env["stock.location"]

    def _wjl_relevant_moves(self, moves):
        """The moves of ``moves`` whose goods this inspection judged."""
        self.ensure_one()
        if self.move_id:
            return moves.filtered(lambda m: m == self.move_id)
        return moves.browse()

    def _wjl_release_rework(self):
        """A passed rework inspection releases its quantity from quarantine."""
        for insp in self:
            insp.origin_nonconformance_id._wjl_move_out_of_quarantine(insp.product_qty, insp.name)

    # ------------------------------------------------------------------
    # Creation from sources
    # ------------------------------------------------------------------

    @api.model
    def _wjl_create_for_moves(self, moves):
        """Create the missing incoming inspections of receipt ``moves`` (R3.3.4)."""
        # Prefetch limited to these moves (confirmation of big batches).
        moves = moves.with_prefetch(moves._ids).filtered(
            lambda m: m.picking_id
            and m.picking_type_id.code == "incoming"
            and m.state not in ("draft", "cancel", "done")
        )
        if not moves:
            return self.browse()
        gates = self.env["wjl.quality.gate"].sudo()._get_gates(["incoming"], moves.company_id)
        if not gates:
            return self.browse()
        existing = defaultdict(set)
        for move, gate in self.sudo()._read_group(
            [("move_id", "in", moves.ids)], ["move_id", "gate_id"]
        ):
            existing[move.id].add(gate.id)
        vals_list = []
        for move in moves:
            for gate in gates:
                if gate.company_id != move.company_id or gate.id in existing[move.id]:
                    continue
                if not gate._matches(move.product_id, move.picking_type_id):
                    continue
                lot = move.move_line_ids.lot_id
                vals_list.append(
                    {
                        "gate_id": gate.id,
                        "product_id": move.product_id.id,
                        "lot_id": lot.id if len(lot) == 1 else False,
                        "product_qty": move.product_qty,
                        "picking_id": move.picking_id.id,
                        "move_id": move.id,
                        "partner_id": move.picking_id.partner_id.commercial_partner_id.id,
                        "warehouse_id": move.location_dest_id.warehouse_id.id
                        or move.picking_type_id.warehouse_id.id,
                        "company_id": move.company_id.id,
                    }
                )
        # Confirming a receipt is allowed to stock users who cannot create
        # inspections: the gate creates them as a system consequence.
        return self.sudo().create(vals_list).with_env(self.env)

    @api.model
    def _wjl_ids_where_sql(self, condition):
        """Ids of the inspections matching the SQL ``condition``, ignoring access rules.

        Used on the validation hot path (receipts, MOs): one parameterised query,
        no ORM search and no extra environment per validation. The checks it
        serves are part of an operation the user is already allowed to do.
        """
        self.flush_model()  # the condition may read any column (bridges add theirs)
        self.env.cr.execute(
            SQL("SELECT id FROM wjl_quality_inspection WHERE %s ORDER BY id", condition)
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _wjl_check_open(self, field_name, records):
        """Open inspections of ``records`` (receipts or MOs, through ``field_name``).

        Refuses the operation when one of them is blocking (R3.3.4). They are
        returned as superuser: reading them is part of validating the receipt or
        finishing the MO, whatever the user may do on inspections.
        """
        todo = self.browse(
            self._wjl_ids_where_sql(
                SQL("%s = ANY(%s) AND state = 'todo'", SQL.identifier(field_name), records.ids)
            )
        ).sudo()
        blocking = todo.filtered("blocking")
        if blocking:
            raise UserError(self._wjl_blocking_message(blocking))
        return todo

    def _wjl_note_still_open(self, field_name, records, message):
        """Leave a note on each of ``records`` that these open inspections concern.

        :param message: callable giving the translated note from the inspection names
        """
        for record in records.browse(self[field_name].ids):
            names = self.filtered(lambda i, r=record: i[field_name].id == r.id).mapped("name")
            record.message_post(body=message(", ".join(names)), subtype_xmlid="mail.mt_note")

    @api.model
    def _wjl_blocking_message(self, inspections):
        return self.env._(
            "Quality inspections still to do block this operation (R3.3.4): %s. "
            "Record their results first.",
            ", ".join(inspections.mapped("name")),
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Inspection Report %s", self.name)
