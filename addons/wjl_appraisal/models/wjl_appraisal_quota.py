# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_company import GRADES


class WjlAppraisalQuota(models.Model):
    """Largest share of a grade in a department's appraisals of a cycle (R4.3.2).

    A quota without department applies to every department that has no quota of
    its own for the same grade.
    """

    _name = "wjl.appraisal.quota"
    _description = "Appraisal Grade Quota"
    _order = "department_id, grade"

    department_id = fields.Many2one(
        "hr.department",
        index=True,
        help="Leave empty to apply the quota to every department.",
    )
    grade = fields.Selection(GRADES, required=True)
    max_percent = fields.Float(
        string="Maximum (%)", required=True, digits=(5, 2), help="E.g. 20 for at most 20 %."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "grade_department_unique",
            "UNIQUE(company_id, department_id, grade)",
            "There is already a quota for this grade and department.",
        ),
    ]

    @api.constrains("max_percent")
    def _check_max_percent(self):
        if any(not 0 <= quota.max_percent <= 100 for quota in self):
            raise ValidationError(self.env._("A quota is a percentage between 0 and 100."))

    @api.depends("department_id", "grade", "max_percent")
    def _compute_display_name(self):
        grades = dict(self._fields["grade"]._description_selection(self.env))
        for quota in self:
            department = quota.department_id.name or self.env._("All departments")
            grade = grades.get(quota.grade, "")
            quota.display_name = f"{department}: {grade} ≤ {round(quota.max_percent, 2)} %"
