# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, is_html_empty
from odoo.tools.sql import create_index

from .wjl_aftersales_route import PROBLEM_CLASSES
from .wjl_aftersales_stage import OPEN_STATES

CHANNELS = [
    ("phone", "Phone"),
    ("email", "Email"),
    ("online", "Online Service"),
    ("visit", "Visit"),
    ("other", "Other"),
]
SEVERITIES = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("critical", "Critical"),
]
SLA_STATES = [
    ("on_time", "On Time"),
    ("at_risk", "At Risk"),
    ("breached", "Breached"),
]
CONFIRMATION_STATES = [
    ("none", "Not Asked"),
    ("pending", "Waiting for Customer"),
    ("satisfied", "Confirmed"),
    ("not_solved", "Not Solved"),
    ("auto", "Closed Automatically"),
]
# ratings of 2 or less need an analysis before closing (R3.5.4)
LOW_RATING = 2
# Fields the server decides (R3.5.1, R3.5.4, R7.2.2): the reference comes from the
# sequence, the reception time from the clock, the service level from the cron,
# the confirmation and the rating from the customer's confirmation, the dates and
# counters from the buttons. Only those flows write them, never a user's RPC call.
SERVER_FIELDS = frozenset(
    {
        "name",
        "date_received",
        "date_assessed",
        "date_resolved",
        "date_closed",
        "deadline",
        "date_sla_risk",
        "sla_state",
        "sla_next_check",
        "date_breached",
        "sla_escalated",
        "confirmation_state",
        "auto_closed",
        "rating_ids",
        "rating_last_value",
        "reopen_count",
    }
)
# What the portal form offers a customer (R3.5.1): nothing else is accepted from a
# portal user, whether through the portal route or a direct RPC call.
PORTAL_FIELDS = frozenset(
    {"title", "description", "channel", "partner_id", "product_id", "problem_class"}
)
# "no reference yet": the sequence gives one
PLACEHOLDERS = ("/", False)


class WjlAftersalesTicket(models.Model):
    """An after-sales ticket 售后工单 (R3.5.1-R3.5.5).

    Intake on every channel (R3.5.1), assessment of class and severity and
    routing to the department of the class (R3.5.2, R2.2.5 for technical
    problems), solving with the customer kept informed (R3.5.3), confirmation
    and satisfaction (R3.5.4), and the service archive (R3.5.5).
    """

    _name = "wjl.aftersales.ticket"
    _description = "After-Sales Ticket"
    _inherit = [
        "portal.mixin",
        "rating.mixin",  # mail.thread with the customer's ratings (R3.5.4)
        "mail.activity.mixin",
        "wjl.required.text.mixin",
        "wjl.field.guard.mixin",
    ]
    _order = "date_received desc, id desc"
    _rec_names_search = ["name", "title", "partner_id.name", "contact_name"]
    _mail_post_access = "read"
    _wjl_required_text_fields = ("title",)
    _wjl_guard_action_fields = SERVER_FIELDS
    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(company_id, name)",
            "Another after-sales ticket of the company already has this reference: "
            "references come from the sequence and are unique.",
        ),
    ]

    name = fields.Char(
        string="Reference",
        compute="_compute_name",
        store=True,
        precompute=True,
        readonly=False,  # given by data files (the field guard refuses it to users)
        copy=False,
    )
    title = fields.Char(string="Subject", required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    # -- customer (R3.5.1) ------------------------------------------------
    partner_id = fields.Many2one("res.partner", string="Customer", index=True, tracking=True)
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        precompute=True,
        index=True,
        string="Customer Company",
    )
    contact_name = fields.Char(help="Name of the caller, when not a customer yet.")
    contact_phone = fields.Char()
    contact_email = fields.Char()
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True)
    description = fields.Html(string="Problem Description")
    product_id = fields.Many2one("product.product")
    product_categ_id = fields.Many2one(
        related="product_id.categ_id", store=True, precompute=True, string="Product Category"
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        domain="[('product_id', '=', product_id)]",
    )
    date_received = fields.Datetime(
        string="Received On",
        required=True,
        readonly=True,
        copy=False,
        default=fields.Datetime.now,
        index=True,
    )
    # -- assessment and routing (R3.5.2) ---------------------------------
    problem_class = fields.Selection(PROBLEM_CLASSES, tracking=True)
    severity = fields.Selection(SEVERITIES, required=True, default="medium", tracking=True)
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="Department solving the ticket, given by the routing table from the "
        "problem class and the product category (R3.5.2).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned To",
        domain=[("share", "=", False)],
        index=True,
        tracking=True,
    )
    stage_id = fields.Many2one(
        "wjl.aftersales.stage",
        required=True,
        tracking=True,
        copy=False,
        ondelete="restrict",
        default=lambda self: self._default_stage_id(),
        group_expand="_read_group_stage_ids",
    )
    state = fields.Selection(related="stage_id.state", store=True, precompute=True, string="Step")
    date_assessed = fields.Datetime(string="Assessed On", readonly=True, copy=False)
    date_resolved = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed On", readonly=True, copy=False)
    # -- service level ----------------------------------------------------
    deadline = fields.Datetime(
        compute="_compute_deadline",
        store=True,
        precompute=True,
        help="Working hours of the severity (Settings) counted on the company's "
        "working calendar from the reception of the ticket.",
    )
    date_sla_risk = fields.Datetime(
        string="At Risk From",
        compute="_compute_deadline",
        store=True,
        precompute=True,
        help="When 80 % of the working time to the deadline is used.",
    )
    sla_state = fields.Selection(
        SLA_STATES,
        string="Service Level",
        default="on_time",
        required=True,
        readonly=True,
        copy=False,
    )
    sla_next_check = fields.Datetime(
        string="Next Service-Level Check",
        compute="_compute_deadline",
        store=True,
        precompute=True,
        copy=False,
        help="When the service-level cron must next look at the ticket.",
    )
    date_breached = fields.Datetime(string="Breached On", readonly=True, copy=False)
    sla_escalated = fields.Boolean(string="Escalated", readonly=True, copy=False)
    # -- solving (R3.5.3) -----------------------------------------------------
    resolution = fields.Html()
    root_cause = fields.Text()
    # -- confirmation and satisfaction (R3.5.4) ---------------------------
    confirmation_state = fields.Selection(
        CONFIRMATION_STATES,
        string="Customer Confirmation",
        default="none",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    auto_closed = fields.Boolean(
        string="Closed Automatically",
        readonly=True,
        copy=False,
        help="Closed by the system because the customer did not confirm in time.",
    )
    dissatisfaction_reason = fields.Text(
        copy=False,
        help="Why the customer was dissatisfied; required before closing a ticket "
        "rated 2 or less (R3.5.4).",
    )
    improvement_action = fields.Text(
        copy=False,
        help="What changes so that it does not happen again (R3.5.4).",
    )
    reopen_count = fields.Integer(string="Reopened", readonly=True, copy=False)

    def init(self):
        """Partial index of the service-level cron: it reads the open tickets
        that are due only, whatever the number of open tickets."""
        create_index(
            self.env.cr,
            "wjl_aftersales_ticket_sla_next_check_index",
            self._table,
            ["sla_next_check"],
            where="state IN ('new', 'assessed', 'in_progress') AND active",
        )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("stage_id", "resolution")
    def _check_resolution(self):
        for ticket in self:
            if ticket.state in ("resolved", "closed") and is_html_empty(ticket.resolution):
                raise ValidationError(
                    self.env._(
                        "Ticket %s cannot be resolved without a resolution: describe "
                        "what was done for the customer (R3.5.4).",
                        ticket.name,
                    )
                )

    @api.constrains("stage_id", "dissatisfaction_reason", "improvement_action")
    def _check_low_rating_analysis(self):
        for ticket in self:
            if ticket.state == "closed" and not ticket._wjl_low_rating_analysed():
                raise ValidationError(ticket._wjl_low_rating_message())

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _default_stage_id(self):
        return self.env["wjl.aftersales.stage"].search([("state", "=", "new")], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([])

    def _compute_access_url(self):
        for ticket in self:
            ticket.access_url = f"/my/aftersales/{ticket.id}"

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        for ticket in self:
            partner = ticket.partner_id
            if not partner:
                continue
            ticket.contact_name = partner.name
            ticket.contact_phone = partner.phone or partner.mobile or ticket.contact_phone
            ticket.contact_email = partner.email or ticket.contact_email

    def _compute_name(self):
        """Number the tickets from the sequence, whoever creates them (R3.5.1).

        Only at creation: a data file or the superuser may give a reference, the
        field guard refuses it from anybody else. Numbering is a system service:
        portal customers and gateway users have no access to ``ir.sequence``.
        """
        # sudo: see above; the sequence of the company, else the shared one
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", "wjl.aftersales.ticket"),
                    ("company_id", "in", [self.env.company.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        for ticket, number in zip(self, self._wjl_draw_numbers(sequence, len(self))):
            ticket.name = number

    @api.model
    def _wjl_draw_numbers(self, sequence, count):
        """``count`` references of ``sequence``, in order.

        ``next_by_id`` for each, but for a batch on a standard sequence without
        date ranges, whose numbers come from one query on its PostgreSQL sequence
        (formatted as ``get_next_char`` does). Kept for
        ``aftersales_create_route`` (5,000 tickets, target ratio 1.5), measured
        one after the other on the same loaded machine: ``next_by_id`` per
        ticket 1.49 (forward 1.61 / reverse 1.39, 5,136 queries), one query
        1.42 (1.40 / 1.44, 141 queries).
        """
        if not sequence:
            return ["/"] * count
        if count == 1 or sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence.next_by_id() for __ in range(count)]
        rows = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        # get_next_char's formatting, with the prefix and suffix read once
        prefix, suffix = sequence._get_prefix_suffix()
        return [f"{prefix}{number:0{sequence.padding}d}{suffix}" for (number,) in rows]

    @api.depends("problem_class", "product_id", "company_id")
    def _compute_department_id(self):
        """Route each ticket through the routing table (R3.5.2), in one batch."""
        to_route = self.filtered("problem_class")
        departments = self.env["wjl.aftersales.route"]._wjl_route_batch(to_route)
        for ticket in to_route:
            department = departments[ticket]
            if department:
                ticket.department_id = department

    # ------------------------------------------------------------------
    # CRUD and field guard (R3.5.1, R7.2.2)
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """The sequence numbers the tickets (``_compute_name``); the field guard
        refuses the server's fields, and from portal customers anything the
        portal form does not offer (``_wjl_guard_check_create``)."""
        # "/" means "no reference yet"; the caller's dicts are not changed (they
        # may be reused for another batch)
        vals_list = [
            {k: v for k, v in vals.items() if k != "name" or v not in PLACEHOLDERS}
            for vals in vals_list
        ]
        if len(vals_list) > 1 and not self.env.user.share:
            # Defaults depend on the context only: compute them once for the
            # batch instead of once per record (stage search, dates, company...).
            # The guard checks what a user gives: the server's fields keep their
            # own defaults then (the superuser, e.g. the mail gateway, is not
            # guarded).
            guarded = not self.env.su
            missing = {
                fname
                for fname in self._fields
                if not (guarded and fname in SERVER_FIELDS)
                and any(fname not in v for v in vals_list)
            }
            defaults = self.default_get(list(missing))
            vals_list = [{**defaults, **vals} for vals in vals_list]
        return super().create(vals_list)

    @api.model
    def _wjl_guard_check_create(self, vals):
        """A portal customer gives only the fields of the portal form, on an online
        ticket about a sold product (R3.5.1); defaults in the context count."""
        if self.env.user.share and not self.env.su:
            given = set(vals) | {
                key[8:]
                for key in self.env.context
                if key.startswith("default_") and key[8:] in self._fields
            }
            refused = given - PORTAL_FIELDS
            if refused:
                raise self._wjl_guard_refusal("portal", refused)
            self._wjl_check_portal_values(vals)
        return super()._wjl_guard_check_create(vals)

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        if kind == "portal":
            return AccessError(
                self.env._(
                    "From the customer portal a ticket takes only a subject, a "
                    "description, the kind of problem and the product. Remove: %(fields)s.",
                    fields=self._wjl_guard_labels(fnames),
                )
            )
        if kind == "action":
            return AccessError(
                self.env._(
                    "%(fields)s of an after-sales ticket are set by the system (reference, "
                    "reception, service level, customer confirmation). Use the buttons of "
                    "the ticket instead (R7.2.2).",
                    fields=self._wjl_guard_labels(fnames),
                )
            )
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    @api.model
    def _wjl_check_portal_values(self, vals):
        if vals.get("channel", "online") != "online":
            raise AccessError(
                self.env._("A ticket submitted from the customer portal is an online ticket.")
            )
        if vals.get("product_id"):
            # sudo: only tells whether the product is sold, as the portal form does
            product = self.env["product.product"].sudo().browse(vals["product_id"])
            if not (product.exists() and product.sale_ok):
                raise AccessError(
                    self.env._(
                        "Choose one of the products offered in the portal form for " "your ticket."
                    )
                )

    def write(self, vals):
        """Stage changes set the dates and the confirmation (R3.5.3, R3.5.4).

        The field guard checks the caller's values; the dates and states the new
        stage implies are the server's, written with them.
        """
        if not vals.get("stage_id"):
            return super().write(vals)
        stage = self.env["wjl.aftersales.stage"].browse(vals["stage_id"])
        if not self._wjl_guard_in_flow():
            self._wjl_guard_check_write(vals)
        now = fields.Datetime.now()
        if stage.state == "resolved":
            implied = {"date_resolved": now, "confirmation_state": "pending", "date_closed": False}
        elif stage.state == "closed":
            implied = {"date_closed": now}
            unresolved = self.filtered(lambda t: not t.date_resolved)
            if unresolved:
                unresolved._wjl_guard_flow().write({"date_resolved": now})
        else:
            implied = {
                "date_resolved": False,
                "date_closed": False,
                "auto_closed": False,
                "sla_next_check": now,  # back under the cron
            }
        result = super(WjlAftersalesTicket, self._wjl_guard_flow()).write({**implied, **vals})
        if stage.state in ("resolved", "closed"):
            Alert = self.env["wjl.alert"]
            Alert.resolve_alert(self, "aftersales_sla")
            if stage.state == "closed":
                Alert.resolve_alert(self, "aftersales_rating")
        return result

    # ------------------------------------------------------------------
    # Buttons (R3.5.2-R3.5.4)
    # ------------------------------------------------------------------

    def _wjl_stage(self, state):
        stage = self.env["wjl.aftersales.stage"].search([("state", "=", state)], limit=1)
        if not stage:
            raise UserError(
                self.env._(
                    "No after-sales stage stands for the step %s. Add one in the "
                    "after-sales configuration.",
                    dict(
                        self.env["wjl.aftersales.stage"]
                        ._fields["state"]
                        ._description_selection(self.env)
                    )[state],
                )
            )
        return stage

    def action_assess(self):
        """Customer service assesses class and severity and routes (R3.5.2)."""
        for ticket in self:
            if ticket.state != "new":
                raise UserError(self.env._("Ticket %s is already assessed.", ticket.name))
            if not ticket.problem_class:
                raise UserError(
                    self.env._(
                        "Set the problem class of ticket %s before assessing it: "
                        "technical, quality, usage or other.",
                        ticket.name,
                    )
                )
            if not ticket.department_id:
                raise UserError(
                    self.env._(
                        "No route sends the problem class of ticket %s to a department. "
                        "Add a route in the after-sales settings or choose the "
                        "department by hand.",
                        ticket.name,
                    )
                )
        self._wjl_guard_write(
            {
                "stage_id": self._wjl_stage("assessed").id,
                "date_assessed": fields.Datetime.now(),
            }
        )
        return True

    def action_start(self):
        """The department starts working on the ticket (R3.5.3)."""
        if any(ticket.state not in ("assessed", "new") for ticket in self):
            raise UserError(self.env._("Only new or assessed tickets can be started."))
        if any(not ticket.date_assessed for ticket in self):
            raise UserError(self.env._("Assess the ticket before starting to solve it."))
        self.write({"stage_id": self._wjl_stage("in_progress").id})
        return True

    def action_resolve(self):
        """The department reports the solution; the customer is asked to confirm (R3.5.4)."""
        for ticket in self:
            if ticket.state not in OPEN_STATES or ticket.state == "new":
                raise UserError(
                    self.env._("Ticket %s must be assessed and open to be resolved.", ticket.name)
                )
            if is_html_empty(ticket.resolution):
                raise UserError(
                    self.env._(
                        "Write the resolution of ticket %s before resolving it: the "
                        "customer will be asked to confirm it (R3.5.4).",
                        ticket.name,
                    )
                )
        self.write({"stage_id": self._wjl_stage("resolved").id})
        return True

    def action_close(self):
        """Customer service closes the ticket into the service archive (R3.5.4, R3.5.5)."""
        for ticket in self:
            if ticket.state != "resolved":
                raise UserError(
                    self.env._("Only resolved tickets can be closed (%s).", ticket.name)
                )
            if not ticket._wjl_low_rating_analysed():
                raise UserError(ticket._wjl_low_rating_message())
        self.write({"stage_id": self._wjl_stage("closed").id})
        return True

    def action_reopen(self):
        """Reopen a resolved or closed ticket (the problem is not solved)."""
        for ticket in self:
            if ticket.state not in ("resolved", "closed"):
                raise UserError(self.env._("Only resolved or closed tickets can be reopened."))
        stage = self._wjl_stage("in_progress")
        by_count = defaultdict(list)
        for ticket in self:
            by_count[ticket.reopen_count].append(ticket.id)
        for count, ticket_ids in by_count.items():
            self.browse(ticket_ids)._wjl_guard_write(
                {
                    "stage_id": stage.id,
                    "confirmation_state": "not_solved",
                    "reopen_count": count + 1,
                }
            )
        return True
