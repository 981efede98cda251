# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

DISPOSITIONS = [
    ("return", "Return to Supplier"),
    ("rework", "Rework"),
    ("scrap", "Scrap"),
    ("concession", "Concession"),
]


class WjlQualityNonconformance(models.Model):
    """Nonconformance 不合格品处理单 of a failed inspection (R3.3.3).

    Opened when the failed goods are isolated. A quality manager decides the
    disposition, which does the stock work out of the quarantine location:
    return to the supplier, scrap, rework (a new inspection) or concession
    (让步接收, moved into stock).
    """

    _name = "wjl.quality.nonconformance"
    _description = "Nonconformance"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "wjl.required.text.mixin",
        "wjl.field.guard.mixin",
    ]
    _order = "id desc"
    _wjl_required_text_fields = ("name",)
    # Closing and the stock documents of the disposition are the work of
    # "Apply Disposition" (quality managers), never written directly (R3.3.3).
    _wjl_guard_action_fields = frozenset(
        {
            "state",
            "date_closed",
            "return_picking_id",
            "scrap_id",
            "rework_inspection_id",
            "concession_move_id",
        }
    )

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    inspection_id = fields.Many2one(
        "wjl.quality.inspection",
        required=True,
        index=True,
        ondelete="restrict",
    )
    stage = fields.Selection(related="inspection_id.stage", store=True)
    product_id = fields.Many2one("product.product", required=True, index=True)
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    lot_id = fields.Many2one("stock.lot", string="Lot/Serial Number")
    product_qty = fields.Float(string="Quantity", digits="Product Unit of Measure", required=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", index=True)
    picking_id = fields.Many2one("stock.picking", string="Receipt")
    warehouse_id = fields.Many2one("stock.warehouse")
    location_id = fields.Many2one(
        "stock.location",
        string="Quarantine Location",
        help="Where the nonconforming goods are isolated.",
    )
    description = fields.Text()
    department_id = fields.Many2one("hr.department", string="Responsible Department", tracking=True)
    user_id = fields.Many2one("res.users", string="Responsible", tracking=True)
    disposition = fields.Selection(DISPOSITIONS, tracking=True)
    state = fields.Selection(
        [("open", "Open"), ("done", "Closed")],
        required=True,
        default="open",
        tracking=True,
        index=True,
        copy=False,
    )
    corrective_action = fields.Text(tracking=True)
    date_closed = fields.Datetime(readonly=True, copy=False)
    return_picking_id = fields.Many2one("stock.picking", readonly=True, copy=False)
    scrap_id = fields.Many2one("stock.scrap", readonly=True, copy=False)
    rework_inspection_id = fields.Many2one("wjl.quality.inspection", readonly=True, copy=False)
    concession_move_id = fields.Many2one("stock.move", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    open_count = fields.Integer(
        string="Open", compute="_compute_open_count", store=True, aggregator="sum"
    )

    @api.depends("state")
    def _compute_open_count(self):
        for nc in self:
            nc.open_count = 1 if nc.state == "open" else 0

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for nc in self:
            nc.access_url = f"/my/quality/nonconformance/{nc.id}"
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("wjl.quality.nonconformance") or "/"
                )
        return super().create(vals_list)

    def _wjl_source(self):
        """The operation whose goods failed: the receipt (an MO in wjl_quality_mrp)."""
        self.ensure_one()
        return self.picking_id

    # ------------------------------------------------------------------
    # Opening (R3.3.3: mark, notify)
    # ------------------------------------------------------------------

    @api.model
    def _wjl_open_for(self, inspections, isolation):
        """Mark, notify: lots nonconforming, nonconformances and alerts (R3.3.3).

        :param inspections: failed inspections whose failure is not processed yet
        :param dict isolation: inspection -> (quantity, quarantine location, lots or
            the move lines holding them)
        :return: the nonconformances opened
        """
        if not inspections:
            return self.browse()
        departments = {}  # (role, company) -> department, one lookup each
        vals_list = []
        all_lots = self.env["stock.lot"]
        for insp in inspections:
            qty, location, lots = isolation.get(insp, (insp.qty_failed, False, False))
            if lots and lots._name == "stock.move.line":
                lots = lots.lot_id
            lots = lots or insp.lot_id
            all_lots |= lots
            role = "purchasing" if insp.stage == "incoming" else "production"
            key = (role, insp.company_id)
            if key not in departments:
                departments[key] = self.env["hr.department"]._wjl_find_by_role(
                    role, insp.company_id
                )
            vals = self._wjl_vals_from_inspection(insp, qty, location, lots)
            vals["department_id"] = departments[key].id
            vals_list.append(vals)
        # The inspection failed within an operation the user may do (validating a
        # receipt or an MO, inspecting): the nonconformance is its consequence and is
        # recorded by the system even if the user cannot create nonconformances.
        ncs = self.sudo().create(vals_list)
        inspections.sudo().write({"isolated": True})
        if all_lots:
            # Marking the lot is part of the same system consequence (R3.3.3 标识).
            all_lots.sudo().write({"wjl_nonconforming": True})
        ncs._wjl_notify()
        ncs._wjl_note_on_sources()
        return ncs.with_env(self.env)

    @api.model
    def _wjl_vals_from_inspection(self, insp, qty, location, lots):
        """Values of the nonconformance of the failed inspection ``insp``."""
        failing = insp.line_ids.filtered(lambda line: line.result == "fail")
        description = "\n".join(f"{line.name}: {line._display_value()}" for line in failing)
        return {
            "inspection_id": insp.id,
            "product_id": insp.product_id.id,
            "lot_id": lots[:1].id or insp.lot_id.id,
            "product_qty": qty,
            "partner_id": insp.partner_id.id,
            "picking_id": insp.picking_id.id,
            "location_id": location.id if location else False,
            "warehouse_id": (location.warehouse_id.id if location else False)
            or insp.warehouse_id.id,
            "description": description or False,
            "company_id": insp.company_id.id,
        }

    def _wjl_note_on_sources(self):
        """Tell each receipt (or MO) that its goods failed and a nonconformance is open."""
        for nc in self:
            source = nc._wjl_source()
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

    # ------------------------------------------------------------------
    # Notification
    # ------------------------------------------------------------------

    def _wjl_notify(self):
        """Alert the responsible department and the quality managers (R3.3.3)."""
        managers = (
            self.env.ref("wjl_quality.group_quality_manager")
            .sudo()
            .users.filtered(lambda u: not u.share and u.active)
        )
        Alert = self.env["wjl.alert"]
        for nc in self:
            users = nc.sudo().department_id.manager_id.user_id | managers
            Alert.raise_alert(
                nc,
                "quality_failed",
                level="critical" if nc.stage == "finished" else "warning",
                message=self.env._(
                    "Inspection %(insp)s failed: %(qty)s %(uom)s of %(product)s are "
                    "nonconforming (%(origin)s). Decide the disposition.",
                    insp=nc.inspection_id.name,
                    qty=nc.product_qty,
                    uom=nc.product_uom_id.name,
                    product=nc.product_id.display_name,
                    origin=nc._wjl_source().display_name or "",
                ),
                department=nc.department_id,
                users=users,
            )

    # ------------------------------------------------------------------
    # Dispositions (R3.3.3)
    # ------------------------------------------------------------------

    def _check_manager(self):
        if not self.env.user.has_group("wjl_quality.group_quality_manager"):
            raise AccessError(
                self.env._("Only quality managers decide the disposition of nonconforming goods.")
            )

    def action_apply_disposition(self):
        """Do the stock work of the chosen disposition and close the nonconformance."""
        self._check_manager()
        for nc in self:
            if nc.state != "open":
                raise UserError(self.env._("Nonconformance %s is already closed.", nc.name))
            if not nc.disposition:
                raise UserError(
                    self.env._("Choose the disposition of nonconformance %s first.", nc.name)
                )
            getattr(nc, f"_apply_{nc.disposition}")()
            nc._wjl_guard_write({"state": "done", "date_closed": fields.Datetime.now()})
            nc.message_post(
                body=self.env._(
                    "Disposition applied: %s.",
                    dict(self._fields["disposition"]._description_selection(self.env))[
                        nc.disposition
                    ],
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.env["wjl.alert"].resolve_alert(self, "quality_failed")
        return True

    def _apply_return(self):
        self.ensure_one()
        if not self.partner_id or not self.picking_id:
            raise UserError(
                self.env._("Only goods received from a supplier can be returned to them.")
            )
        origin_move = self.inspection_id.move_id
        picking = self.picking_id
        picking_type = (
            picking.picking_type_id.return_picking_type_id
            or picking.picking_type_id.warehouse_id.out_type_id
            or picking.picking_type_id
        )
        destination = origin_move.location_id or picking.location_id
        # A quality manager's decision; the return is its stock consequence, done
        # even if they have no inventory rights.
        Picking = self.env["stock.picking"].sudo()
        return_picking = Picking.create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": self.partner_id.id,
                "location_id": self._source_location().id,
                "location_dest_id": destination.id,
                "origin": self.env._(
                    "Return of %(nc)s (%(picking)s)", nc=self.name, picking=picking.name
                ),
                "return_id": picking.id,
                "company_id": self.company_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": self.name,
                            "product_id": self.product_id.id,
                            "product_uom": self.product_uom_id.id,
                            "product_uom_qty": self.product_qty,
                            "location_id": self._source_location().id,
                            "location_dest_id": destination.id,
                            "origin_returned_move_id": origin_move.id,
                            "procure_method": "make_to_stock",
                            "company_id": self.company_id.id,
                        }
                    )
                ],
            }
        )
        return_picking.action_confirm()
        move = return_picking.move_ids
        # Reserve exactly the isolated goods (lot included), not whatever is there.
        move._do_unreserve()
        move.write({"move_line_ids": [Command.create(self._move_line_vals(move, destination))]})
        self._wjl_guard_write({"return_picking_id": return_picking.id})

    def _apply_scrap(self):
        self.ensure_one()
        # Stock consequence of the quality manager's decision (see _apply_return).
        scrap = (
            self.env["stock.scrap"]
            .sudo()
            .create(
                {
                    "product_id": self.product_id.id,
                    "product_uom_id": self.product_uom_id.id,
                    "scrap_qty": self.product_qty,
                    "lot_id": self.lot_id.id,
                    "location_id": self._source_location().id,
                    "origin": self.name,
                    "company_id": self.company_id.id,
                }
            )
        )
        scrap.do_scrap()
        self._wjl_guard_write({"scrap_id": scrap.id})

    def _apply_rework(self):
        self.ensure_one()
        # Creating the follow-up inspection is part of the disposition.
        rework = self.env["wjl.quality.inspection"].sudo().create(self._wjl_rework_vals())
        self._wjl_guard_write({"rework_inspection_id": rework.id})

    def _wjl_rework_vals(self):
        """Values of the inspection checking the rework of these goods."""
        self.ensure_one()
        return {
            "gate_id": self.inspection_id.gate_id.id,
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "product_qty": self.product_qty,
            "qty_to_inspect": self.product_qty,
            "partner_id": self.partner_id.id,
            "picking_id": self.picking_id.id,
            "origin_nonconformance_id": self.id,
            "warehouse_id": self.warehouse_id.id,
            "blocking": self.inspection_id.blocking,
            "company_id": self.company_id.id,
        }

    def _apply_concession(self):
        """Concession 让步接收: accept the goods into stock (quality managers only)."""
        self.ensure_one()
        move = self._wjl_move_out_of_quarantine(self.product_qty, self.name)
        self._wjl_guard_write({"concession_move_id": move.id})

    # ------------------------------------------------------------------
    # Stock helpers
    # ------------------------------------------------------------------

    def _source_location(self):
        """Where the nonconforming goods are: quarantine, else the stock they entered."""
        self.ensure_one()
        if self.location_id:
            return self.location_id
        return self.inspection_id._wjl_stock_location() or self.warehouse_id.lot_stock_id

    def _move_line_vals(self, move, destination):
        return {
            "move_id": move.id,
            "picking_id": move.picking_id.id,
            "product_id": self.product_id.id,
            "product_uom_id": self.product_uom_id.id,
            "quantity": self.product_qty,
            "lot_id": self.lot_id.id,
            "location_id": self._source_location().id,
            "location_dest_id": destination.id,
        }

    def _wjl_move_out_of_quarantine(self, qty, origin):
        """Move ``qty`` from the quarantine location into the warehouse stock."""
        self.ensure_one()
        source = self._source_location()
        destination = self.warehouse_id.lot_stock_id or (self.inspection_id._wjl_stock_location())
        if not self.location_id or source == destination:
            return self.env["stock.move"]
        return self.env["stock.move"]._wjl_internal_move(
            self.product_id, qty, self.lot_id, source, destination, origin, self.company_id
        )

    def action_view_return(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "res_id": self.return_picking_id.id,
            "views": [(False, "form")],
        }

    def _wjl_submit_corrective_action(self, text, attachments=None, author=None):
        """Record a supplier's corrective action 纠正措施 (R1.2) in the chatter.

        :param str text: the corrective action
        :param list attachments: ``(file name, bytes)`` pairs
        :param author: ``res.partner`` submitting it (default: the current user's)
        """
        self.ensure_one()
        if not (text or "").strip():
            raise UserError(self.env._("Describe the corrective action."))
        if self.state != "open":
            raise UserError(
                self.env._("Corrective actions can only be submitted on open nonconformances.")
            )
        previous = self.corrective_action or ""
        self.corrective_action = (previous + "\n" + text).strip() if previous else text
        author = author or self.env.user.partner_id
        message = self.message_post(
            body=self.env._("Corrective action submitted: %s", text),
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=attachments or [],
        )
        return message
