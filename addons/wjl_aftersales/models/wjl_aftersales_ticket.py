# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import bisect
import math
from collections import defaultdict
from datetime import timedelta

import pytz

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
RATINGS = [
    ("1", "Very Dissatisfied"),
    ("2", "Dissatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very Satisfied"),
]
LOW_RATINGS = ("1", "2")
AT_RISK_SHARE = 0.8
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
        "satisfaction_rating",
        "satisfaction_comment",
        "reopen_count",
    }
)
# What the portal form offers a customer (R3.5.1): nothing else is accepted from a
# portal user, whether through the portal route or a direct RPC call.
PORTAL_FIELDS = frozenset(
    {"title", "description", "channel", "partner_id", "product_id", "problem_class"}
)
# Context key of the server's own flows. Its value is a Python object no JSON-RPC
# call can send, so a client cannot claim to be a server flow.
SERVER_FLOW_KEY = "wjl_aftersales_server_flow"
SERVER_FLOW = object()
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
        "mail.thread",
        "mail.activity.mixin",
        "wjl.required.text.mixin",
    ]
    _order = "date_received desc, id desc"
    _rec_names_search = ["name", "title", "partner_id.name", "contact_name"]
    _mail_post_access = "read"
    _wjl_required_text_fields = ("title",)
    _sql_constraints = [
        (
            "name_company_uniq",
            "UNIQUE(company_id, name)",
            "Another after-sales ticket of the company already has this reference: "
            "references come from the sequence and are unique.",
        ),
    ]

    name = fields.Char(string="Reference", readonly=True, copy=False, default="/")
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
    satisfaction_rating = fields.Selection(
        RATINGS, string="Satisfaction", readonly=True, copy=False, tracking=True
    )
    satisfaction_comment = fields.Text(string="Customer Comment", readonly=True, copy=False)
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

    @api.constrains(
        "stage_id", "satisfaction_rating", "dissatisfaction_reason", "improvement_action"
    )
    def _check_low_rating_analysis(self):
        for ticket in self:
            if (
                ticket.state == "closed"
                and ticket.satisfaction_rating in LOW_RATINGS
                and not (ticket.dissatisfaction_reason and ticket.improvement_action)
            ):
                raise ValidationError(
                    self.env._(
                        "Ticket %(ticket)s was rated %(rating)s out of 5: fill in the "
                        "dissatisfaction reason and the improvement action before closing "
                        "it (R3.5.4).",
                        ticket=ticket.name,
                        rating=ticket.satisfaction_rating,
                    )
                )

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

    @api.depends("problem_class", "product_id", "company_id")
    def _compute_department_id(self):
        """Route each ticket through the routing table (R3.5.2), in one batch."""
        to_route = self.filtered("problem_class")
        departments = self.env["wjl.aftersales.route"]._wjl_route_batch(to_route)
        for ticket in to_route:
            department = departments[ticket]
            if department:
                ticket.department_id = department

    @api.depends("severity", "date_received", "company_id")
    def _compute_deadline(self):
        """Deadline = hours of the severity on the company's working calendar (R3.5.2).

        The working hours are read in the calendar's time zone (the company's), and
        the deadline is stored in UTC like every datetime: the back end shows it in
        the user's zone, emails and the portal in the calendar's (``_wjl_tz``).

        Computed per company from one read of the calendar's work intervals, so a
        batch of tickets costs the same few queries as a single one.
        """
        by_company = defaultdict(list)
        now = fields.Datetime.now()
        for ticket in self:
            # the cron looks at the ticket again on its next run
            ticket.sla_next_check = min(now, ticket.date_received or now)
            if not ticket.severity or not ticket.date_received:
                ticket.deadline = False
                ticket.date_sla_risk = False
                continue
            by_company[ticket.company_id or self.env.company].append(ticket)
        for company, tickets in by_company.items():
            # Settings and working calendar of the company are configuration the
            # ticket author (portal customers included) may not read: sudo only
            # reads them.
            company = company.sudo()
            hours = company._wjl_aftersales_severity_hours()
            requests = []
            for ticket in tickets:
                total = hours.get(ticket.severity) or 0.0
                requests += [
                    (ticket.date_received, total),
                    (ticket.date_received, total * AT_RISK_SHARE),
                ]
            planned = self._wjl_plan_hours_batch(company.resource_calendar_id, requests)
            for index, ticket in enumerate(tickets):
                ticket.deadline = planned[2 * index]
                ticket.date_sla_risk = planned[2 * index + 1]

    @api.model
    def _wjl_plan_hours_batch(self, calendar, requests):
        """Plan many (start, hours) pairs on ``calendar`` with one interval read.

        Same result as ``calendar.plan_hours(hours, start, compute_leaves=True)``
        for each pair, but the work intervals covering all requests are read once.

        :param calendar: ``resource.calendar`` (empty: plain elapsed hours)
        :param list requests: ``(naive UTC datetime, hours)`` pairs
        :return: list of naive UTC datetimes (in the order of ``requests``)
        """
        if not requests:
            return []
        if not calendar:
            return [start + timedelta(hours=hours) for start, hours in requests]
        start_min = min(start for start, __ in requests)
        start_max = max(start for start, __ in requests)
        max_hours = max(hours for __, hours in requests)
        # 8 working hours a day, 5 days a week, plus two weeks for holidays
        span = timedelta(days=14 + math.ceil(max_hours / 8.0 * 7 / 5))
        # working hours are those of the calendar's time zone, whatever the zone
        # of the user or the context (R3.5.2): one zone for the deadline everywhere
        intervals = calendar._work_intervals_batch(
            pytz.utc.localize(start_min),
            pytz.utc.localize(start_max + span),
            tz=pytz.timezone(calendar.tz or "UTC"),
        )[False]
        intervals = [
            (
                start.astimezone(pytz.utc).replace(tzinfo=None),
                stop.astimezone(pytz.utc).replace(tzinfo=None),
            )
            for start, stop, __ in intervals
        ]
        stops = [stop for __, stop in intervals]
        cache = {}
        result = []
        for start, hours in requests:
            key = (start, hours)
            if key not in cache:
                cache[key] = self._wjl_walk_intervals(intervals, stops, start, hours)
                if cache[key] is None:
                    # beyond the window read: let the calendar plan it
                    cache[key] = calendar.plan_hours(hours, start, compute_leaves=True)
            result.append(cache[key])
        return result

    @staticmethod
    def _wjl_walk_intervals(intervals, stops, start, hours):
        index = bisect.bisect_right(stops, start)
        remaining = hours
        for interval_start, interval_stop in intervals[index:]:
            interval_start = max(interval_start, start)
            interval_hours = (interval_stop - interval_start).total_seconds() / 3600
            if remaining <= interval_hours:
                return interval_start + timedelta(hours=remaining)
            remaining -= interval_hours
        return None

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """Number the tickets from the sequence, whoever creates them (R3.5.1).

        A reference in the values is refused (only data files and the superuser
        may give one); portal customers give only what the portal form offers.
        """
        # the caller's dicts are not changed (they may be reused for another batch)
        vals_list = [
            {k: v for k, v in vals.items() if k != "name" or v not in PLACEHOLDERS}
            for vals in vals_list
        ]
        self._wjl_check_writable_fields(vals_list, creating=True)
        to_number = [vals for vals in vals_list if not vals.get("name")]
        if to_number:
            # Numbering is a system service: portal customers and gateway users
            # have no access to ir.sequence.
            numbers = (
                self.env["ir.sequence"]
                .sudo()
                ._wjl_aftersales_next_batch("wjl.aftersales.ticket", len(to_number))
            )
            for vals, number in zip(to_number, numbers):
                vals["name"] = number
        if len(vals_list) > 1:
            # Defaults depend on the context only: compute them once for the
            # batch instead of once per record (stage search, dates, company...).
            missing = {fname for fname in self._fields if any(fname not in v for v in vals_list)}
            defaults = self.default_get(list(missing))
            vals_list = [{**defaults, **vals} for vals in vals_list]
        return super().create(vals_list)

    def _wjl_server_flow(self):
        """The same records, allowed to write the fields the server decides."""
        return self.with_context(**{SERVER_FLOW_KEY: SERVER_FLOW})

    @api.model
    def _wjl_check_writable_fields(self, vals_list, creating=False):
        """Refuse the fields the caller may not give (R3.5.1, R7.2.2).

        Nobody but the superuser (data files, mail gateway) and the server's own
        flows writes the fields of ``SERVER_FIELDS``; a portal user gives only the
        fields of the portal form, on an online ticket about a sold product.
        Defaults passed in the context count as given values.
        """
        if self.env.su or self.env.context.get(SERVER_FLOW_KEY) is SERVER_FLOW:
            return
        given_defaults = set()
        if creating:
            given_defaults = {
                key[8:]
                for key in self.env.context
                if key.startswith("default_") and key[8:] in self._fields
            }
        portal = self.env.user.share
        for vals in vals_list:
            given = set(vals) | given_defaults
            refused = given - PORTAL_FIELDS if portal else given & SERVER_FIELDS
            if refused:
                self._wjl_refuse_fields(refused, portal)
            if portal:
                self._wjl_check_portal_values(vals)

    @api.model
    def _wjl_refuse_fields(self, fnames, portal):
        labels = ", ".join(
            sorted(self._fields[fname]._description_string(self.env) for fname in fnames)
        )
        if portal:
            raise AccessError(
                self.env._(
                    "From the customer portal a ticket takes only a subject, a "
                    "description, the kind of problem and the product. Remove: %(fields)s.",
                    fields=labels,
                )
            )
        raise AccessError(
            self.env._(
                "%(fields)s of an after-sales ticket are set by the system (reference, "
                "reception, service level, customer confirmation). Use the buttons of "
                "the ticket instead (R7.2.2).",
                fields=labels,
            )
        )

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

    def _wjl_subscribe_customer(self):
        """The customer who wrote in (email, portal) follows the ticket's chatter.

        Customers of tickets logged by staff get the stage messages through the
        mail templates and see the ticket on the portal without following it.
        """
        by_partner = defaultdict(list)
        for ticket in self:
            if ticket.partner_id:
                by_partner[ticket.partner_id.id].append(ticket.id)
        for partner_id, ticket_ids in by_partner.items():
            self.browse(ticket_ids).message_subscribe([partner_id])

    def write(self, vals):
        """Stage changes set the dates and the confirmation (R3.5.3, R3.5.4)."""
        self._wjl_check_writable_fields([vals])
        stage = None
        if vals.get("stage_id"):
            stage = self.env["wjl.aftersales.stage"].browse(vals["stage_id"])
            now = fields.Datetime.now()
            if stage.state == "resolved":
                vals.setdefault("date_resolved", now)
                vals.setdefault("confirmation_state", "pending")
                vals.setdefault("date_closed", False)
            elif stage.state == "closed":
                vals.setdefault("date_closed", now)
                unresolved = self.filtered(lambda t: not t.date_resolved)
                if unresolved:
                    super(WjlAftersalesTicket, unresolved).write({"date_resolved": now})
            else:
                vals.setdefault("date_resolved", False)
                vals.setdefault("date_closed", False)
                vals.setdefault("auto_closed", False)
                vals.setdefault("sla_next_check", now)  # back under the cron
        result = super().write(vals)
        if stage is not None and stage.state in ("resolved", "closed"):
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
        self._wjl_server_flow().write(
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
            if ticket.satisfaction_rating in LOW_RATINGS and not (
                ticket.dissatisfaction_reason and ticket.improvement_action
            ):
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s was rated %(rating)s out of 5: fill in the "
                        "dissatisfaction reason and the improvement action before closing "
                        "it (R3.5.4).",
                        ticket=ticket.name,
                        rating=ticket.satisfaction_rating,
                    )
                )
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
            self.browse(ticket_ids)._wjl_server_flow().write(
                {
                    "stage_id": stage.id,
                    "confirmation_state": "not_solved",
                    "reopen_count": count + 1,
                }
            )
        return True

    # ------------------------------------------------------------------
    # Customer confirmation (portal, R3.5.4)
    # ------------------------------------------------------------------

    def _wjl_customer_confirm(self, rating, comment=None):
        """The customer confirms the solution with a 1-5 rating and a comment.

        A rating of 2 or less keeps the ticket resolved until customer service
        records the dissatisfaction reason and the improvement action, and raises
        an alert (kind ``aftersales_rating``) to the department manager.
        """
        self.ensure_one()
        if self.state != "resolved":
            raise UserError(self.env._("Only a resolved ticket can be confirmed."))
        rating = str(rating)
        if rating not in dict(RATINGS):
            raise UserError(self.env._("Give a rating from 1 to 5."))
        self._wjl_server_flow().write(
            {
                "confirmation_state": "satisfied",
                "satisfaction_rating": rating,
                "satisfaction_comment": comment or False,
            }
        )
        # the survey answer is kept in the rating app too (satisfaction statistics
        # across apps); ratings are system records, the customer may not write them
        message = self.message_post(
            body=self.env._(
                "Customer satisfaction: %(rating)s/5. %(comment)s",
                rating=rating,
                comment=comment or "",
            ),
            author_id=self.partner_id.id or None,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.env["rating.rating"].sudo().create(
            {
                "res_model_id": self.env["ir.model"]._get_id(self._name),
                "res_id": self.id,
                "partner_id": self.partner_id.id,
                "rated_partner_id": self.user_id.partner_id.id,
                "rating": int(rating),
                "feedback": comment or False,
                "consumed": True,
                "message_id": message.id,
            }
        )
        if rating in LOW_RATINGS:
            self.env["wjl.alert"].raise_alert(
                self,
                "aftersales_rating",
                level="warning",
                message=self.env._(
                    "The customer rated ticket %(ticket)s %(rating)s out of 5: analyse "
                    "the dissatisfaction and record an improvement action (R3.5.4).",
                    ticket=self.name,
                    rating=rating,
                ),
            )
        else:
            self.action_close()
        return True

    def _wjl_customer_reopen(self, comment=None):
        """The customer says the problem is not solved: the ticket reopens."""
        self.ensure_one()
        if self.state != "resolved":
            raise UserError(self.env._("Only a resolved ticket can be reopened."))
        if comment:
            self.message_post(
                body=comment,
                author_id=self.partner_id.id or None,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self.action_reopen()
        return True

    # ------------------------------------------------------------------
    # Crons
    # ------------------------------------------------------------------

    @api.model
    def _cron_update_sla(self):
        """Mark open tickets at risk and breached; raise, resolve and escalate alerts.

        Every open ticket stores when its service level must next be looked at
        (``sla_next_check``: its at-risk point, its deadline, or the end of the
        escalation delay). One SQL statement, whatever the number of tickets,
        updates the tickets that are due through a partial index; alerts are then
        raised in one call per level and per group of responsible users, for the
        tickets whose state just changed only.
        """
        self.flush_model()
        self.env["res.company"].flush_model(["wjl_aftersales_escalation_hours"])
        now = fields.Datetime.now()
        new_state = SQL(
            """CASE WHEN t.deadline <= %(now)s THEN 'breached'
                    WHEN t.date_sla_risk <= %(now)s THEN 'at_risk'
                    ELSE 'on_time' END""",
            now=now,
        )
        breached_on = SQL("COALESCE(t.date_breached, %s)", now)
        escalation = SQL("COALESCE(c.wjl_aftersales_escalation_hours, 0) * INTERVAL '1 hour'")
        escalated = SQL(
            """(%(state)s = 'breached'
                AND (t.sla_escalated OR %(breached_on)s + %(escalation)s <= %(now)s))""",
            state=new_state,
            breached_on=breached_on,
            escalation=escalation,
            now=now,
        )
        # "old" is the same row before the update (joined on the primary key): it
        # gives the previous state of the updated tickets.
        rows = self.env.execute_query(
            SQL(
                """
                UPDATE wjl_aftersales_ticket t
                   SET sla_state = %(state)s,
                       date_breached = CASE WHEN %(state)s = 'breached'
                                            THEN %(breached_on)s END,
                       sla_escalated = %(escalated)s,
                       sla_next_check = CASE
                            WHEN %(state)s = 'on_time' THEN t.date_sla_risk
                            WHEN %(state)s = 'at_risk' THEN t.deadline
                            WHEN %(escalated)s THEN NULL
                            ELSE %(breached_on)s + %(escalation)s END,
                       write_date = %(now)s,
                       write_uid = %(uid)s
                  FROM wjl_aftersales_ticket old, res_company c
                 WHERE old.id = t.id
                   AND c.id = t.company_id
                   AND t.state IN ('new', 'assessed', 'in_progress')
                   AND t.active
                   AND t.sla_next_check <= %(now)s
             RETURNING t.id, t.sla_state, old.sla_state, t.sla_escalated,
                       old.sla_escalated, t.severity
                """,
                state=new_state,
                breached_on=breached_on,
                escalated=escalated,
                escalation=escalation,
                now=now,
                uid=self.env.uid,
            )
        )
        if not rows:
            return True
        self.invalidate_model(
            [
                "sla_state",
                "date_breached",
                "sla_escalated",
                "sla_next_check",
                "write_date",
                "write_uid",
            ]
        )
        breached = defaultdict(list)
        recovered, escalated_ids = [], []
        for ticket_id, state, old_state, is_escalated, was_escalated, severity in rows:
            if state == "breached" and old_state != "breached":
                level = "critical" if severity == "critical" else "warning"
                breached[level].append(ticket_id)
            elif old_state == "breached" and state != "breached":
                recovered.append(ticket_id)
            if is_escalated and not was_escalated:
                escalated_ids.append(ticket_id)
        Alert = self.env["wjl.alert"]
        for level, ids in breached.items():
            Alert.raise_alert(
                self.browse(ids),
                "aftersales_sla",
                level=level,
                message=self.env._(
                    "The service level of the ticket is breached: its deadline has "
                    "passed while it is still open."
                ),
            )
        if recovered:
            # a deadline moved back (e.g. lower severity): the breach is over
            Alert.resolve_alert(self.browse(recovered), "aftersales_sla")
        if escalated_ids:
            by_users = defaultdict(list)
            for ticket in self.browse(escalated_ids):
                users = ticket.user_id | ticket.department_id.sudo().manager_id.user_id
                by_users[users].append(ticket.id)
            for users, ids in by_users.items():
                Alert.raise_alert(
                    self.browse(ids),
                    "aftersales_sla",
                    level="critical",
                    message=self.env._(
                        "Escalated: the ticket is still open long after its service "
                        "level was breached."
                    ),
                    users=users or None,
                )
        return True

    @api.model
    def _cron_autoclose(self):
        """Close resolved tickets the customer left unconfirmed for N days (R3.5.4)."""
        now = fields.Datetime.now()
        closed = self.browse()
        companies = self.env["res.company"].search([("wjl_aftersales_autoclose_days", ">", 0)])
        domain = [("state", "=", "resolved"), ("confirmation_state", "=", "pending")]
        by_days = defaultdict(list)
        for company in companies:
            by_days[company.wjl_aftersales_autoclose_days].append(company.id)
        for days, company_ids in by_days.items():
            closed |= self.search(
                domain
                + [
                    ("company_id", "in", company_ids),
                    ("date_resolved", "<=", now - timedelta(days=days)),
                ]
            )
        if closed:
            closed._wjl_server_flow().write(
                {
                    "stage_id": self._wjl_stage("closed").id,
                    "auto_closed": True,
                    "confirmation_state": "auto",
                }
            )
        return closed
