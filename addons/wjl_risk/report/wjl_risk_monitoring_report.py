# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL


class WjlRiskMonitoringReport(models.Model):
    """Periodic review of monitoring and warnings (R6.3.3).

    One row per alert raised and one per alert resolved, so that a pivot by
    period shows how many warnings were raised and resolved in each period.
    """

    _name = "wjl.risk.monitoring.report"
    _description = "Monitoring Review"
    _auto = False
    _order = "date desc"
    _rec_name = "alert_id"

    alert_id = fields.Many2one("wjl.alert", readonly=True)
    event = fields.Selection([("raised", "Raised"), ("resolved", "Resolved")], readonly=True)
    date = fields.Datetime(readonly=True)
    kind = fields.Char(readonly=True)
    level = fields.Selection(
        [("info", "Info"), ("warning", "Warning"), ("critical", "Critical")], readonly=True
    )
    department_id = fields.Many2one("hr.department", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    raised_count = fields.Integer(string="Raised", readonly=True, aggregator="sum")
    resolved_count = fields.Integer(string="Resolved", readonly=True, aggregator="sum")
    resolution_days = fields.Float(string="Days to Resolve", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT a.id * 2 AS id, a.id AS alert_id, 'raised' AS event,
                           a.date_raised AS date, a.kind, a.level, a.department_id,
                           a.company_id, 1 AS raised_count, 0 AS resolved_count,
                           NULL::double precision AS resolution_days
                      FROM wjl_alert a
                    UNION ALL
                    SELECT a.id * 2 + 1, a.id, 'resolved', a.date_resolved, a.kind,
                           a.level, a.department_id, a.company_id, 0, 1,
                           EXTRACT(EPOCH FROM (a.date_resolved - a.date_raised)) / 86400.0
                      FROM wjl_alert a
                     WHERE a.date_resolved IS NOT NULL
                )
                """,
                SQL.identifier(self._table),
            )
        )
