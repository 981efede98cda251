# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..report.wjl_aftersales_summary_xlsx import REPORT_XMLID


class WjlAftersalesSummaryExport(models.TransientModel):
    """The period of the monthly after-sales summary (R3.5.5).

    Only chooses the period: the workbook is the xlsx report
    ``report.wjl_aftersales.summary_xlsx``, also in the Print menu of the
    after-sales analysis.
    """

    _name = "wjl.aftersales.summary.export"
    _description = "After-Sales Monthly Summary Export"

    @api.model
    def _default_date_from(self):
        """First day of last month, in the user's time zone."""
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    @api.model
    def _default_date_to(self):
        """Last day of last month, in the user's time zone."""
        return fields.Date.context_today(self).replace(day=1) - relativedelta(days=1)

    date_from = fields.Date(string="From", required=True, default=_default_date_from)
    date_to = fields.Date(string="To", required=True, default=_default_date_to)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _domain(self):
        """Tickets received in the period (company's days, R3.5.2)."""
        self.ensure_one()
        return self.env["report.wjl_aftersales.summary_xlsx"]._wjl_period_domain(
            self.date_from, self.date_to, self.company_id
        )

    def _report_data(self):
        self.ensure_one()
        return {
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
            "company_id": self.company_id.id,
        }

    def action_export(self):
        """The summary workbook of the period (xlsx report)."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The start date must be before the end date."))
        return self.env.ref(REPORT_XMLID).report_action(None, data=self._report_data())
