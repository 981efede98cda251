# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from typing import NamedTuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError

GRADES = [
    ("excellent", "Excellent"),
    ("good", "Good"),
    ("pass", "Pass"),
    ("fail", "Fail"),
]


class ResCompany(models.Model):
    """Appraisal settings of the company: grade thresholds, bonus coefficients,
    default bonus base and grade quota policy (R4.3.2, R4.3.3)."""

    _inherit = "res.company"

    wjl_appraisal_threshold_excellent = fields.Float(
        string="Excellent From",
        default=90.0,
        help="Lowest weighted score graded Excellent (R4.3.2).",
    )
    wjl_appraisal_threshold_good = fields.Float(
        string="Good From",
        default=75.0,
        help="Lowest weighted score graded Good (R4.3.2).",
    )
    wjl_appraisal_threshold_pass = fields.Float(
        string="Pass From",
        default=60.0,
        help="Lowest weighted score graded Pass; below it the grade is Fail (R4.3.2).",
    )
    wjl_appraisal_coef_excellent = fields.Float(
        string="Excellent Coefficient", default=1.2, digits=(4, 2)
    )
    wjl_appraisal_coef_good = fields.Float(string="Good Coefficient", default=1.0, digits=(4, 2))
    wjl_appraisal_coef_pass = fields.Float(string="Pass Coefficient", default=0.8, digits=(4, 2))
    wjl_appraisal_coef_fail = fields.Float(string="Fail Coefficient", default=0.0, digits=(4, 2))
    wjl_appraisal_bonus_base = fields.Monetary(
        string="Default Bonus Base",
        currency_field="currency_id",
        help="Performance bonus base of an employee without a bonus base of their own (R4.3.3).",
    )
    wjl_appraisal_quota_mode = fields.Selection(
        [("warn", "Warn"), ("enforce", "Enforce")],
        string="Grade Quota Policy",
        default="warn",
        help="What happens when a department exceeds a grade quota when a cycle moves "
        "to calibration or closes: warn in the cycle's chatter, or refuse.",
    )
    wjl_appraisal_hr_user_id = fields.Many2one(
        "res.users",
        string="HR Responsible",
        domain=[("share", "=", False)],
        help="HR officer who gets the follow-up activities of failed appraisals and "
        "improvement plans (R2.2.1, R4.3.4).",
    )

    @api.constrains(
        "wjl_appraisal_threshold_excellent",
        "wjl_appraisal_threshold_good",
        "wjl_appraisal_threshold_pass",
    )
    def _check_wjl_appraisal_thresholds(self):
        for company in self:
            if not (
                100.0
                >= company.wjl_appraisal_threshold_excellent
                > company.wjl_appraisal_threshold_good
                > company.wjl_appraisal_threshold_pass
                >= 0.0
            ):
                raise ValidationError(
                    self.env._(
                        "Grade thresholds must decrease from Excellent to Good to Pass "
                        "and lie between 0 and 100."
                    )
                )

    def _wjl_appraisal_scale(self):
        """Grade thresholds (R4.3.2) and bonus coefficients (R4.3.3) of this
        company, read once so a batch of appraisals is graded without reading the
        settings per record."""
        self.ensure_one()
        return AppraisalScale(
            thresholds=tuple(
                (round(self[f"wjl_appraisal_threshold_{grade}"], 2), grade)
                for grade in ("excellent", "good", "pass")
            ),
            coefficients={grade: self[f"wjl_appraisal_coef_{grade}"] for grade, _label in GRADES},
        )


class AppraisalScale(NamedTuple):
    """Thresholds ``((lowest score, grade), ...)`` from Excellent down to Pass and
    the bonus coefficient of each grade (R4.3.2, R4.3.3)."""

    thresholds: tuple
    coefficients: dict

    def grade(self, score):
        score = round(score or 0.0, 2)
        for lowest, grade in self.thresholds:
            if score >= lowest:
                return grade
        return "fail"

    def coefficient(self, grade):
        return self.coefficients[grade] if grade else 0.0
