# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

THRESHOLD_FIELDS = {
    "wjl_risk_level_low_max",
    "wjl_risk_level_medium_max",
    "wjl_risk_level_high_max",
}
RISK_LEVELS = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("critical", "Critical"),
]


class ResCompany(models.Model):
    """Risk matrix thresholds and review intervals of a company (R6.1.2, R6.2.3)."""

    _inherit = "res.company"

    wjl_risk_level_low_max = fields.Integer(
        string="Low Risk up to Score",
        default=4,
        help="A risk whose score (likelihood × impact) is at most this value is low.",
    )
    wjl_risk_level_medium_max = fields.Integer(
        string="Medium Risk up to Score",
        default=9,
        help="A risk whose score is above the low limit and at most this value is medium.",
    )
    wjl_risk_level_high_max = fields.Integer(
        string="High Risk up to Score",
        default=16,
        help="A risk whose score is above the medium limit and at most this value is "
        "high; above it the risk is critical.",
    )
    wjl_risk_review_days_low = fields.Integer(
        string="Review Interval of Low Risks (days)", default=180
    )
    wjl_risk_review_days_medium = fields.Integer(
        string="Review Interval of Medium Risks (days)", default=90
    )
    wjl_risk_review_days_high = fields.Integer(
        string="Review Interval of High Risks (days)", default=30
    )
    wjl_risk_review_days_critical = fields.Integer(
        string="Review Interval of Critical Risks (days)", default=7
    )

    @api.constrains(
        "wjl_risk_level_low_max", "wjl_risk_level_medium_max", "wjl_risk_level_high_max"
    )
    def _check_wjl_risk_levels(self):
        for company in self:
            if not (
                1
                <= company.wjl_risk_level_low_max
                < company.wjl_risk_level_medium_max
                < company.wjl_risk_level_high_max
                < 25
            ):
                raise ValidationError(
                    self.env._(
                        "The risk matrix limits of %(company)s must grow strictly: "
                        "1 ≤ low < medium < high < 25 (got %(low)s, %(medium)s, %(high)s).",
                        company=company.display_name,
                        low=company.wjl_risk_level_low_max,
                        medium=company.wjl_risk_level_medium_max,
                        high=company.wjl_risk_level_high_max,
                    )
                )

    @api.constrains(
        "wjl_risk_review_days_low",
        "wjl_risk_review_days_medium",
        "wjl_risk_review_days_high",
        "wjl_risk_review_days_critical",
    )
    def _check_wjl_risk_review_days(self):
        for company in self:
            if (
                min(
                    company.wjl_risk_review_days_low,
                    company.wjl_risk_review_days_medium,
                    company.wjl_risk_review_days_high,
                    company.wjl_risk_review_days_critical,
                )
                < 1
            ):
                raise ValidationError(self.env._("Risk review intervals must be at least one day."))

    def write(self, vals):
        if not THRESHOLD_FIELDS & vals.keys():
            return super().write(vals)
        before = {company: company._wjl_risk_threshold_values() for company in self}
        res = super().write(vals)
        if any(company._wjl_risk_threshold_values() != old for company, old in before.items()):
            # the limits cached by _wjl_risk_thresholds changed (the Settings save
            # every field, mostly unchanged: nothing is cleared then). Odoo's own
            # ormcache invalidation; the cache keeps bench/ risk_heatmap at one query
            # per call (two without it, the scenario's query check).
            self.env.registry.clear_cache()
        return res

    def _wjl_risk_threshold_values(self):
        self.ensure_one()
        return (
            self.wjl_risk_level_low_max,
            self.wjl_risk_level_medium_max,
            self.wjl_risk_level_high_max,
        )

    @api.model
    @tools.ormcache("company_id")
    def _wjl_risk_thresholds(self, company_id):
        """Cached (low, medium, high) score limits of a company, for the heat map.

        Cached because the heat map answers in ONE query (bench ``risk_heatmap``:
        1 query per call; reading the company's fields instead costs a second query
        each time the cache of the request is cold). Cleared by :meth:`write`
        only when a limit changes.
        """
        # sudo: the limits of the matrix are no secret to whoever sees the heat map
        return self.browse(company_id).sudo()._wjl_risk_threshold_values()

    @api.model
    def _wjl_risk_level_for(self, score, thresholds):
        """Level of ``score`` given ``(low, medium, high)`` limits."""
        if not score:
            return False
        low, medium, high = thresholds
        if score <= low:
            return "low"
        if score <= medium:
            return "medium"
        if score <= high:
            return "high"
        return "critical"

    def _wjl_risk_level(self, score):
        """Level of a risk ``score`` by this company's matrix thresholds (R6.1.2).

        :return: ``low``, ``medium``, ``high``, ``critical`` or ``False`` when not assessed
        """
        self.ensure_one()
        return self._wjl_risk_level_for(score, self._wjl_risk_threshold_values())

    def _wjl_risk_review_days(self, level):
        """Days between two reviews of a risk of ``level`` (R6.2.3)."""
        self.ensure_one()
        return {
            "low": self.wjl_risk_review_days_low,
            "medium": self.wjl_risk_review_days_medium,
            "high": self.wjl_risk_review_days_high,
            "critical": self.wjl_risk_review_days_critical,
        }.get(level, self.wjl_risk_review_days_low)
