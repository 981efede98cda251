# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

REPORT_XMLID = "wjl_aftersales.action_report_aftersales_summary_xlsx"
HEADERS_INT = (1, 2, 6)  # tickets, resolved, dissatisfied
HEADERS_FLOAT = (3, 4, 5)  # hours to resolve, on time, satisfaction


class WjlAftersalesSummaryXlsx(models.AbstractModel):
    """Summary of the after-sales service to Excel (R3.5.5), an xlsx report.

    One sheet per dimension (problem class, severity, department, month, product),
    each with the tickets, resolved tickets, average hours to resolve, share solved
    on time, average satisfaction and dissatisfied customers. It summarises the
    analysis rows chosen in the Print menu of the after-sales analysis, or the
    period chosen in the monthly summary wizard (``data``: ``date_from``,
    ``date_to``, ``company_id``). The figures are read as the user: a department
    manager's workbook holds their department's tickets only.
    """

    _name = "report.wjl_aftersales.summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "After-Sales Summary Workbook"

    def _wjl_dimensions(self):
        return [
            ("problem_class", self.env._("By Class")),
            ("severity", self.env._("By Severity")),
            ("department_id", self.env._("By Department")),
            ("date_received:month", self.env._("By Month")),
            ("product_id", self.env._("By Product")),
        ]

    @api.model
    def _wjl_period_domain(self, date_from, date_to, company):
        """Tickets received from the first to the last day, local midnights.

        Days and months are the company's, as its deadlines (R3.5.2).
        """
        tz = pytz.timezone(company.sudo()._wjl_aftersales_tz())

        def utc_midnight(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return [
            ("company_id", "=", company.id),
            ("date_received", ">=", utc_midnight(date_from)),
            ("date_received", "<", utc_midnight(date_to + relativedelta(days=1))),
        ]

    @api.model
    def _wjl_summary_rows(self, domain, groupby, company):
        """Rows of one sheet, read with a single grouped query."""
        # months are grouped in the company's time zone, as the period's days
        Report = self.env["wjl.aftersales.report"].with_context(
            tz=company.sudo()._wjl_aftersales_tz()
        )
        self.env["wjl.aftersales.ticket"].flush_model()
        groups = Report._read_group(
            domain,
            [groupby],
            [
                "ticket_count:sum",
                "date_resolved:count",
                "hours_to_resolve:avg",
                "on_time_rate:avg",
                "satisfaction:avg",
                "dissatisfied_count:sum",
            ],
        )
        field = Report._fields[groupby.split(":")[0]]
        labels = dict(field._description_selection(self.env)) if field.type == "selection" else {}
        rows = []
        for key, count, resolved, hours, on_time, satisfaction, dissatisfied in groups:
            if field.type == "selection":
                label = labels.get(key, key or self.env._("Undefined"))
            elif field.type == "many2one":
                label = key.display_name if key else self.env._("Undefined")
            elif key:
                label = key.strftime("%Y-%m")
            else:
                label = self.env._("Undefined")
            rows.append([label, count, resolved, hours or 0.0, on_time, satisfaction, dissatisfied])
        return rows

    def _wjl_scope(self, data, records):
        """Domain, company and title of the workbook: the wizard's period, else
        the analysis rows chosen."""
        if data and data.get("date_from"):
            date_from = fields.Date.to_date(data["date_from"])
            date_to = fields.Date.to_date(data["date_to"])
            company = self.env["res.company"].browse(data.get("company_id") or self.env.company.id)
            title = self.env._(
                "After-sales summary %(date_from)s - %(date_to)s",
                date_from=date_from,
                date_to=date_to,
            )
            return self._wjl_period_domain(date_from, date_to, company), company, title
        company = records[:1].company_id or self.env.company
        title = self.env._("After-sales summary of %s tickets", len(records))
        return [("id", "in", records.ids)], company, title

    def generate_xlsx_report(self, workbook, data, records):
        domain, company, title = self._wjl_scope(data, records)
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "head": workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "float": workbook.add_format({"num_format": "0.0", "border": 1}),
            "int": workbook.add_format({"num_format": "0", "border": 1}),
            "text": workbook.add_format({"border": 1}),
        }
        headers = [
            self.env._("Value"),
            self.env._("Tickets"),
            self.env._("Resolved"),
            self.env._("Average Hours to Resolve"),
            self.env._("On Time (%)"),
            self.env._("Average Satisfaction"),
            self.env._("Dissatisfied"),
        ]
        for groupby, sheet_name in self._wjl_dimensions():
            sheet = workbook.add_worksheet(sheet_name[:31])
            sheet.write(0, 0, title, formats["title"])
            sheet.set_column(0, 0, 28)
            sheet.set_column(1, len(headers) - 1, 16)
            for col, header in enumerate(headers):
                sheet.write(2, col, header, formats["head"])
            rows = self._wjl_summary_rows(domain, groupby, company)
            for row_index, row in enumerate(rows, start=3):
                sheet.write(row_index, 0, row[0], formats["text"])
                for col in HEADERS_INT:
                    sheet.write_number(row_index, col, row[col] or 0, formats["int"])
                for col in HEADERS_FLOAT:
                    if row[col] is None:
                        sheet.write_blank(row_index, col, None, formats["float"])
                    else:
                        sheet.write_number(row_index, col, row[col], formats["float"])
