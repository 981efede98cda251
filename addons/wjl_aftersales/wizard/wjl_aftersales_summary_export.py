# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import datetime, time

import pytz
import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class WjlAftersalesSummaryExport(models.TransientModel):
    """Monthly summary of the after-sales service to Excel (R3.5.5).

    One sheet per dimension (problem class, severity, department, month, product),
    each with the tickets, resolved tickets, average hours to resolve, share solved
    on time, average satisfaction and dissatisfied customers.
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
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _dimensions(self):
        return [
            ("problem_class", self.env._("By Class")),
            ("severity", self.env._("By Severity")),
            ("department_id", self.env._("By Department")),
            ("date_received:month", self.env._("By Month")),
            ("product_id", self.env._("By Product")),
        ]

    def _tz(self):
        """Days and months are the company's, as its deadlines (R3.5.2)."""
        return self.company_id.sudo()._wjl_aftersales_tz()

    def _domain(self):
        """Tickets received from the first to the last day, local midnights."""
        self.ensure_one()
        tz = pytz.timezone(self._tz())

        def utc_midnight(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return [
            ("company_id", "=", self.company_id.id),
            ("date_received", ">=", utc_midnight(self.date_from)),
            ("date_received", "<", utc_midnight(self.date_to + relativedelta(days=1))),
        ]

    def _summary_rows(self, groupby):
        """Rows of one sheet, read with a single grouped query."""
        # months are grouped in the company's time zone, as the domain's days
        Report = self.env["wjl.aftersales.report"].with_context(tz=self._tz())
        self.env["wjl.aftersales.ticket"].flush_model()
        groups = Report._read_group(
            self._domain(),
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

    def _build_xlsx(self):
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        title_fmt = workbook.add_format({"bold": True, "font_size": 13})
        head_fmt = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        num_fmt = workbook.add_format({"num_format": "0.0", "border": 1})
        int_fmt = workbook.add_format({"num_format": "0", "border": 1})
        text_fmt = workbook.add_format({"border": 1})
        headers = [
            self.env._("Value"),
            self.env._("Tickets"),
            self.env._("Resolved"),
            self.env._("Average Hours to Resolve"),
            self.env._("On Time (%)"),
            self.env._("Average Satisfaction"),
            self.env._("Dissatisfied"),
        ]
        for groupby, sheet_name in self._dimensions():
            sheet = workbook.add_worksheet(sheet_name[:31])
            sheet.write(
                0,
                0,
                self.env._(
                    "After-sales summary %(date_from)s - %(date_to)s",
                    date_from=self.date_from,
                    date_to=self.date_to,
                ),
                title_fmt,
            )
            sheet.set_column(0, 0, 28)
            sheet.set_column(1, len(headers) - 1, 16)
            for col, header in enumerate(headers):
                sheet.write(2, col, header, head_fmt)
            for row_index, row in enumerate(self._summary_rows(groupby), start=3):
                sheet.write(row_index, 0, row[0], text_fmt)
                for col in (1, 2, 6):
                    sheet.write_number(row_index, col, row[col] or 0, int_fmt)
                for col in (3, 4, 5):
                    if row[col] is None:
                        sheet.write_blank(row_index, col, None, num_fmt)
                    else:
                        sheet.write_number(row_index, col, row[col], num_fmt)
        workbook.close()
        return output.getvalue()

    def action_export(self):
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(self.env._("The start date must be before the end date."))
        content = self._build_xlsx()
        self.write(
            {
                "file_data": base64.b64encode(content),
                "file_name": f"aftersales_summary_{self.date_from:%Y%m}_{self.date_to:%Y%m}.xlsx",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}"
            "&field=file_data&filename_field=file_name&download=true",
            "target": "self",
        }
