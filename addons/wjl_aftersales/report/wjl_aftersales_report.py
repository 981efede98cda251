# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.wjl_aftersales_route import PROBLEM_CLASSES
from ..models.wjl_aftersales_stage import STAGE_STATES
from ..models.wjl_aftersales_ticket import CHANNELS, LOW_RATING, SEVERITIES, SLA_STATES


class WjlAftersalesReport(models.Model):
    """Analysis of the service archive (R3.5.5): one row per ticket.

    Measures are NULL where they do not apply (hours to resolve of an open ticket,
    satisfaction of an unrated ticket), so averages only count what exists.
    """

    _name = "wjl.aftersales.report"
    _description = "After-Sales Analysis"
    _auto = False
    _order = "date_received desc"
    _rec_name = "name"

    name = fields.Char(string="Reference", readonly=True)
    ticket_id = fields.Many2one("wjl.aftersales.ticket", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    date_resolved = fields.Datetime(string="Resolved On", readonly=True)
    problem_class = fields.Selection(PROBLEM_CLASSES, readonly=True)
    severity = fields.Selection(SEVERITIES, readonly=True)
    channel = fields.Selection(CHANNELS, readonly=True)
    state = fields.Selection(STAGE_STATES, string="Step", readonly=True)
    stage_id = fields.Many2one("wjl.aftersales.stage", readonly=True)
    sla_state = fields.Selection(SLA_STATES, string="Service Level", readonly=True)
    department_id = fields.Many2one("hr.department", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned To", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_categ_id = fields.Many2one("product.category", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    ticket_count = fields.Integer(string="Tickets", readonly=True, aggregator="sum")
    hours_to_resolve = fields.Float(readonly=True, aggregator="avg")
    on_time_rate = fields.Float(
        string="On Time (%)",
        readonly=True,
        aggregator="avg",
        help="Share of the resolved tickets solved before their deadline.",
    )
    satisfaction = fields.Float(string="Average Satisfaction", readonly=True, aggregator="avg")
    dissatisfied_count = fields.Integer(string="Dissatisfied", readonly=True, aggregator="sum")
    reopen_count = fields.Integer(string="Reopened", readonly=True, aggregator="sum")

    def _query(self):
        return SQL(
            """
            SELECT t.id AS id,
                   t.id AS ticket_id,
                   t.name AS name,
                   t.date_received AS date_received,
                   t.date_resolved AS date_resolved,
                   t.problem_class AS problem_class,
                   t.severity AS severity,
                   t.channel AS channel,
                   t.state AS state,
                   t.stage_id AS stage_id,
                   t.sla_state AS sla_state,
                   t.department_id AS department_id,
                   t.user_id AS user_id,
                   t.partner_id AS partner_id,
                   t.product_id AS product_id,
                   t.product_categ_id AS product_categ_id,
                   t.company_id AS company_id,
                   1 AS ticket_count,
                   CASE WHEN t.date_resolved IS NOT NULL
                        THEN EXTRACT(EPOCH FROM (t.date_resolved - t.date_received)) / 3600.0
                   END AS hours_to_resolve,
                   CASE WHEN t.date_resolved IS NOT NULL
                        THEN CASE WHEN t.deadline IS NULL OR t.date_resolved <= t.deadline
                                  THEN 100.0 ELSE 0.0 END
                   END AS on_time_rate,
                   NULLIF(t.rating_last_value, 0) AS satisfaction,
                   CASE WHEN t.rating_last_value > 0 AND t.rating_last_value <= %(low)s
                        THEN 1 ELSE 0 END AS dissatisfied_count,
                   COALESCE(t.reopen_count, 0) AS reopen_count
              FROM wjl_aftersales_ticket t
             WHERE t.active
            """,
            low=LOW_RATING,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
