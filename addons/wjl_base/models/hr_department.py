# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

WJL_ROLES = [
    ("admin", "Administration"),
    ("finance", "Finance"),
    ("marketing", "Marketing"),
    ("sales", "Sales"),
    ("technology", "Technology"),
    ("operations", "Operations"),
    ("production", "Production"),
    ("purchasing", "Purchasing"),
    ("logistics", "Logistics"),
    ("quality", "Quality Control"),
    ("customer_service", "Customer Service"),
]


class HrDepartment(models.Model):
    """Departments of the regulation's organisation (R2.1) and their duties (R2.2)."""

    _inherit = "hr.department"

    wjl_code = fields.Char(
        string="Department Code",
        index=True,
        copy=False,
        help="Short code of the department, unique within the company (R2.1).",
    )
    wjl_role = fields.Selection(
        WJL_ROLES,
        string="Regulation Role",
        index=True,
        help="Which department of the operations regulation this is (R2.1). Other "
        "rules find the department in charge through this role, e.g. quality "
        "inspections go to the Quality Control role.",
    )
    wjl_duty_ids = fields.One2many(
        "wjl.department.duty",
        "department_id",
        string="Duties",
    )
    wjl_duty_count = fields.Integer(compute="_compute_wjl_duty_count")
    wjl_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic Account",
        copy=False,
        ondelete="restrict",
        help="Analytic account through which money is attributed to the department "
        "(budgets, R5.1.2). Created on demand.",
    )

    @api.depends("wjl_duty_ids")
    def _compute_wjl_duty_count(self):
        counts = dict(
            self.env["wjl.department.duty"]._read_group(
                [("department_id", "in", self.ids)], ["department_id"], ["__count"]
            )
        )
        for department in self:
            department.wjl_duty_count = counts.get(department, 0)

    @api.constrains("wjl_code", "company_id")
    def _check_wjl_code_unique(self):
        departments = self.filtered("wjl_code")
        if not departments:
            return
        duplicates = self.with_context(active_test=False)._read_group(
            [
                ("wjl_code", "in", departments.mapped("wjl_code")),
                ("company_id", "in", departments.company_id.ids + [False]),
            ],
            ["wjl_code", "company_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if duplicates:
            code, company, __ = duplicates[0]
            raise ValidationError(
                self.env._(
                    "The department code %(code)s is already used in %(company)s. "
                    "Each department needs its own code; choose another one.",
                    code=code,
                    company=company.display_name or self.env._("all companies"),
                )
            )

    @api.model
    def _wjl_find_by_role(self, role, company=None):
        """Return the department playing ``role`` in ``company`` (default: current).

        Departments of the company come before shared ones (no company).
        """
        company = company or self.env.company
        return self.search(
            [("wjl_role", "=", role), ("company_id", "in", [company.id, False])],
            order="company_id, id",
            limit=1,
        )

    def _wjl_ensure_analytic_account(self):
        """Create the missing analytic accounts of these departments in one batch.

        :return: the analytic accounts of all departments in ``self``
        """
        missing = self.filtered(lambda d: not d.wjl_analytic_account_id)
        if missing:
            plan = self.env.ref("wjl_base.analytic_plan_department", raise_if_not_found=False)
            if not plan:
                plan = self.env["account.analytic.plan"].search([], limit=1)
            accounts = self.env["account.analytic.account"].create(
                [
                    {
                        "name": department.name,
                        "code": department.wjl_code,
                        "plan_id": plan.id,
                        "company_id": department.company_id.id,
                    }
                    for department in missing
                ]
            )
            for department, account in zip(missing, accounts):
                department.wjl_analytic_account_id = account
        return self.wjl_analytic_account_id

    def action_wjl_create_analytic_account(self):
        self._wjl_ensure_analytic_account()
        return True

    def action_wjl_open_duties(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_base.wjl_department_duty_action"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id}
        return action
