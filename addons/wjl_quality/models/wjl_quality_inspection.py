# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, float_compare, float_is_zero

STATES = [("todo", "To Do"), ("passed", "Passed"), ("failed", "Failed")]


class WjlQualityInspection(models.Model):
    """Inspection 检验单 of one receipt move or manufacturing order (R3.3.3).

    Created automatically by the gates (receipt confirmed, MO confirmed). A
    blocking inspection still to do refuses the validation of its source
    (R3.3.4). A failed inspection marks, isolates and notifies when its source is
    validated: the failed quantity goes to the quarantine location, the lots are
    marked nonconforming, a nonconformance is opened and an alert is raised.
    """

    _name = "wjl.quality.inspection"
    _description = "Quality Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "wjl.required.text.mixin"]
    _order = "id desc"
    _wjl_required_text_fields = ("name",)

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
    production_id = fields.Many2one("mrp.production", string="Manufacturing Order", index=True)
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

    @api.depends("picking_id", "production_id", "origin_nonconformance_id")
    def _compute_source_name(self):
        for insp in self:
            source = insp.picking_id or insp.production_id or insp.origin_nonconformance_id
            insp.source_name = source.display_name if source else False

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
        self.write(self._decision_vals("passed", qty_failed=0.0))
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
        self.write(self._decision_vals("failed"))
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
        self.write({"state": "todo", "qty_failed": 0.0, "date_inspected": False})
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

    def action_print_report(self):
        return self.env.ref("wjl_quality.action_report_inspection").report_action(self)

    # ------------------------------------------------------------------
    # Excel export
    # ------------------------------------------------------------------

    def _export_xlsx(self):
        """Return the inspections and their results as an xlsx file (bytes)."""
        import xlsxwriter

        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True})
        sheet = book.add_worksheet(self.env._("Inspections"))
        headers = [
            self.env._("Reference"),
            self.env._("Stage"),
            self.env._("Gate"),
            self.env._("Product"),
            self.env._("Lot/Serial Number"),
            self.env._("Source"),
            self.env._("Supplier"),
            self.env._("Quantity"),
            self.env._("Quantity to Inspect"),
            self.env._("Failed Quantity"),
            self.env._("Status"),
            self.env._("Inspector"),
            self.env._("Inspection Date"),
        ]
        sheet.write_row(0, 0, headers, bold)
        stages = dict(self._fields["stage"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        results = dict(
            self.env["wjl.quality.inspection.line"]
            ._fields["result"]
            ._description_selection(self.env)
        )
        for row, insp in enumerate(self, start=1):
            sheet.write_row(
                row,
                0,
                [
                    insp.name,
                    stages.get(insp.stage, ""),
                    insp.gate_id.name,
                    insp.product_id.display_name,
                    insp.lot_id.name or "",
                    insp.source_name or "",
                    insp.partner_id.display_name or "",
                    insp.product_qty,
                    insp.qty_to_inspect,
                    insp.qty_failed,
                    states.get(insp.state, ""),
                    insp.user_id.name or "",
                    insp._wjl_local_datetime(insp.date_inspected),
                ],
            )
        lines = book.add_worksheet(self.env._("Results"))
        lines.write_row(
            0,
            0,
            [
                self.env._("Reference"),
                self.env._("Criterion"),
                self.env._("Norm"),
                self.env._("Lower Tolerance"),
                self.env._("Upper Tolerance"),
                self.env._("Unit"),
                self.env._("Measured Value"),
                self.env._("Result"),
            ],
            bold,
        )
        row = 1
        for insp in self:
            for line in insp.line_ids:
                measure = line.criterion_type == "measure"
                lines.write_row(
                    row,
                    0,
                    [
                        insp.name,
                        line.name,
                        line.norm if measure else "",
                        line.tolerance_lower if measure else "",
                        line.tolerance_upper if measure else "",
                        line.uom_name or "",
                        line.measured_value if measure and line.measured else "",
                        results.get(line.result, ""),
                    ],
                )
                row += 1
        book.close()
        return output.getvalue()

    def _wjl_local_datetime(self, moment):
        """``moment`` (UTC) as text in the user's time zone, as the form shows it."""
        if not moment:
            return ""
        return fields.Datetime.to_string(fields.Datetime.context_timestamp(self, moment))

    def action_export_xlsx(self):
        """Download the selected inspections with their results (xlsxwriter)."""
        if not self:
            raise UserError(self.env._("Select the inspections to export."))
        records = self
        attachment = self.env["ir.attachment"].create(
            {
                "name": "quality_inspections.xlsx",
                "datas": base64.b64encode(records._export_xlsx()),
                "mimetype": "application/vnd.openxmlformats-officedocument." "spreadsheetml.sheet",
                "res_model": self._name,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------------
    # Stock side (R3.3.3: mark, isolate, notify)
    # ------------------------------------------------------------------

    def _source_done(self):
        self.ensure_one()
        if self.is_rework:
            return True
        # Inspectors may have no inventory rights: only the state of the source is read.
        insp = self.sudo()
        if insp.picking_id:
            return insp.picking_id.state == "done"
        if insp.production_id:
            return insp.production_id.state == "done"
        return False

    def _quarantine_location(self, location=None):
        """Quarantine location of the warehouse of ``location`` (or the inspection's)."""
        self.ensure_one()
        warehouse = (location.warehouse_id if location else False) or self.warehouse_id
        if not warehouse:
            return self.env["stock.location"]
        if not warehouse.wjl_quarantine_location_id:
            warehouse._wjl_ensure_quarantine_location()
        return warehouse.wjl_quarantine_location_id

    def _wjl_relevant_moves(self, moves):
        self.ensure_one()
        if self.move_id:
            return moves.filtered(lambda m: m == self.move_id)
        return moves.filtered(
            lambda m: m.production_id == self.production_id and m.product_id == self.product_id
        )

    def _wjl_isolate_in_moves(self, moves):
        """Send the failed quantity of ``moves`` (not done yet) to quarantine.

        Splits the move lines so that ``qty_failed`` goes to the quarantine
        location of the destination warehouse; the rest keeps its destination.

        :return: dict inspection -> (isolated quantity, quarantine location, move
            lines sent there); the lots are read from the lines once they are done
            (receipts may create their lots while being validated)
        """
        done = {}
        for insp in self:
            relevant = insp._wjl_relevant_moves(moves)
            if not relevant:
                continue
            isolated_lines = self.env["stock.move.line"]
            location = self.env["stock.location"]
            isolated = 0.0
            quarantine_on = insp.company_id.wjl_quality_quarantine_failed
            lines = relevant.move_line_ids.filtered(
                lambda ml, insp=insp: ml.product_id == insp.product_id
                and (not insp.lot_id or ml.lot_id == insp.lot_id)
            ).sorted("id")
            if lines:
                location = insp._quarantine_location(lines[0].location_dest_id)
            if not quarantine_on or not location:
                location = self.env["stock.location"]
            rounding = insp.product_uom_id.rounding
            remaining = insp.qty_failed
            for line in lines:
                if float_compare(remaining, 0.0, precision_rounding=rounding) <= 0:
                    break
                qty = line.quantity_product_uom
                if float_is_zero(qty, precision_rounding=rounding):
                    continue
                if float_compare(qty, remaining, precision_rounding=rounding) > 0:
                    if location:
                        line_qty = insp.product_uom_id._compute_quantity(
                            remaining, line.product_uom_id
                        )
                        isolated_lines |= line.copy(
                            {
                                "move_id": line.move_id.id,
                                "quantity": line_qty,
                                "location_dest_id": location.id,
                                "picked": line.picked,
                            }
                        )
                        line.quantity -= line_qty
                    else:
                        isolated_lines |= line
                    qty = remaining
                else:
                    if location:
                        line.location_dest_id = location
                    isolated_lines |= line
                isolated += qty
                remaining -= qty
            done[insp] = (isolated or insp.qty_failed, location, isolated_lines)
        return done

    def _wjl_open_nonconformances(self, isolation):
        """Mark, notify: lots nonconforming, nonconformances and alerts (R3.3.3).

        :param dict isolation: inspection -> (quantity, quarantine location, lots or
            the move lines holding them)
        """
        if not self:
            return self.env["wjl.quality.nonconformance"]
        Dept = self.env["hr.department"]
        departments = {}  # (role, company) -> department, one lookup each
        vals_list = []
        all_lots = self.env["stock.lot"]
        for insp in self:
            qty, location, lots = isolation.get(insp, (insp.qty_failed, False, False))
            if lots and lots._name == "stock.move.line":
                lots = lots.lot_id
            lots = lots or insp.lot_id
            all_lots |= lots
            role = "purchasing" if insp.stage == "incoming" else "production"
            key = (role, insp.company_id)
            if key not in departments:
                departments[key] = Dept._wjl_find_by_role(role, insp.company_id)
            failing = insp.line_ids.filtered(lambda line: line.result == "fail")
            description = "\n".join(f"{line.name}: {line._display_value()}" for line in failing)
            vals_list.append(
                {
                    "inspection_id": insp.id,
                    "product_id": insp.product_id.id,
                    "lot_id": lots[:1].id or insp.lot_id.id,
                    "product_qty": qty,
                    "partner_id": insp.partner_id.id,
                    "picking_id": insp.picking_id.id,
                    "production_id": insp.production_id.id,
                    "location_id": location.id if location else False,
                    "warehouse_id": (location.warehouse_id.id if location else False)
                    or insp.warehouse_id.id,
                    "description": description or False,
                    "department_id": departments[key].id,
                    "company_id": insp.company_id.id,
                }
            )
        # The inspection failed within an operation the user may do (validating a
        # receipt or an MO, inspecting): the nonconformance is its consequence and is
        # recorded by the system even if the user cannot create nonconformances.
        ncs = self.env["wjl.quality.nonconformance"].sudo().create(vals_list)
        self.sudo().write({"isolated": True})
        if all_lots:
            # Marking the lot is part of the same system consequence (R3.3.3 标识).
            all_lots.sudo().write({"wjl_nonconforming": True})
        ncs._wjl_notify()
        for nc in ncs:
            source = nc.picking_id or nc.production_id
            if source:
                source.message_post(
                    body=self.env._(
                        "%(qty)s %(uom)s of %(product)s failed inspection %(insp)s: "
                        "nonconformance %(nc)s opened.",
                        qty=nc.product_qty,
                        uom=nc.product_uom_id.name,
                        product=nc.product_id.display_name,
                        insp=nc.inspection_id.name,
                        nc=nc.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        return ncs.with_env(self.env)

    def _wjl_process_late_failure(self):
        """A failure recorded after its source was validated (non-blocking gate, rework).

        The failed quantity is moved from stock to quarantine (except for a rework,
        already in quarantine, whose passed part is released), then the
        nonconformance is opened.
        """
        isolation = {}
        for insp in self:
            if insp.is_rework:
                origin = insp.origin_nonconformance_id
                passed = insp.product_qty - insp.qty_failed
                if not float_is_zero(passed, precision_rounding=insp.product_uom_id.rounding):
                    origin._wjl_move_out_of_quarantine(passed, insp.name)
                isolation[insp] = (insp.qty_failed, origin.location_id, origin.lot_id)
                continue
            location = insp._wjl_stock_location()
            quarantine = insp._quarantine_location(location)
            if insp.company_id.wjl_quality_quarantine_failed and location and quarantine:
                self.env["wjl.quality.nonconformance"]._wjl_internal_move(
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
                isolation[insp] = (insp.qty_failed, self.env["stock.location"], insp.lot_id)
        self._wjl_open_nonconformances(isolation)

    def _wjl_stock_location(self):
        self.ensure_one()
        if self.move_id:
            lines = self.move_id.move_line_ids
            return lines[:1].location_dest_id or self.move_id.location_dest_id
        if self.production_id:
            return self.production_id.location_dest_id
        return self.env["stock.location"]

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
    def _wjl_create_for_productions(self, productions):
        """Create the missing in-process / finished inspections of ``productions``."""
        productions = productions.filtered(lambda p: p.state not in ("draft", "cancel", "done"))
        if not productions:
            return self.browse()
        gates = (
            self.env["wjl.quality.gate"]
            .sudo()
            ._get_gates(["in_process", "finished"], productions.company_id)
        )
        if not gates:
            return self.browse()
        semi_finished = {
            product.id
            for [product] in self.env["mrp.bom.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", productions.product_id.ids),
                    ("bom_id.active", "=", True),
                ],
                ["product_id"],
            )
        }
        existing = defaultdict(set)
        for production, gate in self.sudo()._read_group(
            [("production_id", "in", productions.ids), ("is_rework", "=", False)],
            ["production_id", "gate_id"],
        ):
            existing[production.id].add(gate.id)
        vals_list = []
        for production in productions:
            stage = "in_process" if production.product_id.id in semi_finished else "finished"
            for gate in gates:
                if (
                    gate.stage != stage
                    or gate.company_id != production.company_id
                    or gate.id in existing[production.id]
                    or not gate._matches(production.product_id)
                ):
                    continue
                qty = production.product_uom_id._compute_quantity(
                    production.product_qty, production.product_id.uom_id
                )
                vals_list.append(
                    {
                        "gate_id": gate.id,
                        "product_id": production.product_id.id,
                        "lot_id": production.lot_producing_id.id,
                        "product_qty": qty,
                        "production_id": production.id,
                        "warehouse_id": production.location_dest_id.warehouse_id.id
                        or production.picking_type_id.warehouse_id.id,
                        "company_id": production.company_id.id,
                    }
                )
        # Same reason as for receipts: a system consequence of confirming the MO.
        return self.sudo().create(vals_list).with_env(self.env)

    @api.model
    def _wjl_ids_where_sql(self, condition):
        """Ids of the inspections matching the SQL ``condition``, ignoring access rules.

        Used on the validation hot path (receipts, MOs): one parameterised query,
        no ORM search and no extra environment per validation. The checks it
        serves are part of an operation the user is already allowed to do.
        """
        self.flush_model(["picking_id", "move_id", "production_id", "state", "isolated"])
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

    # ------------------------------------------------------------------
    # Demo
    # ------------------------------------------------------------------

    @api.model
    def _wjl_demo_story(self):
        """Demo: a supplier's steel fails incoming inspection, a cabinet MO passes."""
        ref = self.env.ref
        steel = ref("wjl_quality.product_steel_sheet_demo")
        cabinet = ref("wjl_quality.product_cabinet_demo")
        supplier = ref("wjl_quality.partner_supplier_demo")
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        inspector = ref("wjl_base.user_quality_staff_demo", raise_if_not_found=False)
        if inspector:
            inspector.groups_id = [Command.link(ref("wjl_quality.group_quality_inspector").id)]
        manager = ref("wjl_base.user_quality_manager_demo", raise_if_not_found=False)
        if manager:
            manager.groups_id = [Command.link(ref("wjl_quality.group_quality_manager").id)]
        # Receipt of 100 sheets: thickness out of tolerance on 20 of them.
        receipt = self.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.in_type_id.id,
                "partner_id": supplier.id,
                "origin": "PO-DEMO-STEEL",
                "move_ids": [
                    Command.create(
                        {
                            "name": steel.name,
                            "product_id": steel.id,
                            "product_uom_qty": 100,
                            "product_uom": steel.uom_id.id,
                            "location_id": warehouse.in_type_id.default_location_src_id.id,
                            "location_dest_id": warehouse.lot_stock_id.id,
                        }
                    )
                ],
            }
        )
        receipt.action_confirm()
        inspection = receipt.wjl_inspection_ids
        for line in inspection.line_ids:
            if line.criterion_type == "measure":
                line.measured_value = 1.31
            else:
                line.choice = "pass"
        inspection_user = inspection.with_user(inspector) if inspector else inspection
        inspection_user.qty_failed = 20
        inspection_user.action_fail()
        receipt.move_ids.quantity = 100
        receipt.button_validate()
        # A cabinet MO that passes its finished-goods inspection.
        production = self.env["mrp.production"].create(
            {
                "product_id": cabinet.id,
                "product_qty": 2,
                "bom_id": ref("wjl_quality.bom_cabinet_demo").id,
            }
        )
        production.action_confirm()
        for line in production.wjl_inspection_ids.line_ids:
            if line.criterion_type == "measure":
                line.measured_value = 1321
            else:
                line.choice = "pass"
        production.wjl_inspection_ids.action_pass()
        production.qty_producing = 2
        production.move_raw_ids.picked = True
        production.button_mark_done()
        return True
