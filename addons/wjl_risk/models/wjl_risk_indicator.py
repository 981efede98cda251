# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, ValidationError

STATUSES = [
    ("ok", "Normal"),
    ("warning", "Warning"),
    ("critical", "Critical"),
    ("error", "Error"),
]
MEASURES = [("count", "Count"), ("sum", "Sum"), ("avg", "Average")]
NUMERIC_TYPES = ("integer", "float", "monetary")
FREQUENCY_DELTA = {
    "daily": relativedelta(days=1),
    "weekly": relativedelta(weeks=1),
    "monthly": relativedelta(months=1),
}
# What configures a computed indicator: only risk administrators may set it (R7.2.2).
COMPUTED_CONFIG_FIELDS = {
    "source",
    "model_id",
    "domain",
    "measure",
    "measure_field_id",
    "date_field_id",
    "date_filter",
    "date_days",
    "is_ratio",
    "denominator_model_id",
    "denominator_domain",
    "denominator_measure",
    "denominator_field_id",
    "owner_user_id",
}
ALERT_KIND = "risk_kri"


class WjlRiskIndicator(models.Model):
    """A key risk indicator 关键风险指标 that reveals a risk's trend (R6.3.1).

    Manual indicators get their values from people; computed ones measure a
    business model without code: a model, a domain and a measure (count, sum
    or average of a numeric field), optionally divided by a second one. The
    measure runs with the access rights of the indicator's owner, on the models
    the Settings allow (R7.2.2, see ``wjl_risk_indicator_measurement.py``); a
    domain is a literal parsed with :func:`ast.literal_eval`, never Python to
    evaluate. Crossing a threshold raises an alert of kind ``risk_kri`` (R6.3.2).
    """

    _name = "wjl.risk.indicator"
    _description = "Key Risk Indicator"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "wjl.required.text.mixin",
        "wjl.risk.field.guard",
    ]
    _order = "risk_id, name, id"
    _wjl_required_text_fields = ("name",)
    # results are recorded by the evaluation only (R7.2.2); the values of computed
    # indicators too, see _wjl_check_computed_rights
    _wjl_guard_action_fields = frozenset({"status", "value_date", "error_message"})
    _wjl_guard_rule_fields = frozenset({"risk_id"})

    name = fields.Char(string="Indicator", required=True, tracking=True)
    risk_id = fields.Many2one(
        "wjl.risk", required=True, ondelete="cascade", index=True, tracking=True
    )
    department_id = fields.Many2one(
        related="risk_id.department_id", store=True, string="Department", index=True
    )
    owner_id = fields.Many2one(related="risk_id.owner_id", string="Risk Owner")
    owner_user_id = fields.Many2one(
        "res.users",
        string="Indicator Owner",
        default=lambda self: self._default_owner_user_id(),
        domain=[("share", "=", False)],
        tracking=True,
        help="A computed indicator measures only what this user may read: their access "
        "rights, record rules and companies apply (R7.2.2). Only risk administrators "
        "change it.",
    )
    category_id = fields.Many2one(related="risk_id.category_id", store=True)
    company_id = fields.Many2one(related="risk_id.company_id", store=True, index=True)
    active = fields.Boolean(default=True)
    description = fields.Text()
    unit = fields.Char(help="Unit shown beside the value, e.g. %, days, CNY.")
    source = fields.Selection(
        [("manual", "Manual"), ("computed", "Computed")],
        default="manual",
        required=True,
        tracking=True,
    )
    # numerator
    model_id = fields.Many2one(
        "ir.model",
        ondelete="cascade",
        domain=[("transient", "=", False), ("abstract", "=", False)],
    )
    model_name = fields.Char(related="model_id.model", string="Model Name")
    domain = fields.Char(default="[]", help="Which records are measured.")
    measure = fields.Selection(MEASURES, default="count", required=True)
    measure_field_id = fields.Many2one(
        "ir.model.fields",
        string="Measured Field",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('integer', 'float', "
        "'monetary')), ('store', '=', True)]",
    )
    date_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', model_id), ('ttype', 'in', ('date', 'datetime')), "
        "('store', '=', True)]",
        help="Optional relative date filter on the measured records.",
    )
    date_filter = fields.Selection(
        [
            ("before_today", "Before today (overdue)"),
            ("last_days", "In the last days"),
        ],
    )
    date_days = fields.Integer(string="Days", default=30)
    # denominator
    is_ratio = fields.Boolean(string="Ratio", help="Divide the measure by a second measure.")
    denominator_model_id = fields.Many2one(
        "ir.model",
        ondelete="cascade",
        domain=[("transient", "=", False), ("abstract", "=", False)],
    )
    denominator_model_name = fields.Char(
        related="denominator_model_id.model", string="Denominator Model Name"
    )
    denominator_domain = fields.Char(default="[]")
    denominator_measure = fields.Selection(MEASURES, default="count", required=True)
    denominator_field_id = fields.Many2one(
        "ir.model.fields",
        ondelete="cascade",
        domain="[('model_id', '=', denominator_model_id), ('ttype', 'in', ('integer', "
        "'float', 'monetary')), ('store', '=', True)]",
    )
    # thresholds and evaluation
    direction = fields.Selection(
        [("above", "Alert above"), ("below", "Alert below")],
        default="above",
        required=True,
        help="Above: higher values are worse. Below: lower values are worse.",
    )
    threshold_warning = fields.Float(string="Warning Threshold", tracking=True)
    threshold_critical = fields.Float(string="Critical Threshold", tracking=True)
    frequency = fields.Selection(
        [("daily", "Daily"), ("weekly", "Weekly"), ("monthly", "Monthly")],
        default="daily",
        required=True,
    )
    next_evaluation_date = fields.Datetime(
        string="Next Evaluation", default=fields.Datetime.now, copy=False, index=True
    )
    value = fields.Float(copy=False, digits=(16, 4))
    value_date = fields.Datetime(string="Evaluated On", readonly=True, copy=False)
    status = fields.Selection(STATUSES, readonly=True, copy=False, index=True)
    error_message = fields.Text(string="Error", readonly=True, copy=False)
    value_ids = fields.One2many("wjl.risk.indicator.value", "indicator_id", string="Values")
    color = fields.Integer(compute="_compute_color")

    @api.model
    def _default_owner_user_id(self):
        """The creator, unless the system creates the indicator (data, crons)."""
        return False if self.env.user.id == SUPERUSER_ID else self.env.user

    # ------------------------------------------------------------------
    # Constraints and computes
    # ------------------------------------------------------------------

    @api.depends("status")
    def _compute_color(self):
        colors = {"ok": 10, "warning": 2, "critical": 1, "error": 4}
        for indicator in self:
            indicator.color = colors.get(indicator.status, 0)

    @api.constrains("direction", "threshold_warning", "threshold_critical")
    def _check_thresholds(self):
        for indicator in self:
            warning, critical = indicator.threshold_warning, indicator.threshold_critical
            if (indicator.direction == "above" and critical < warning) or (
                indicator.direction == "below" and critical > warning
            ):
                raise ValidationError(
                    self.env._(
                        "The critical threshold of %s must be beyond the warning one: "
                        "higher when alerting above, lower when alerting below.",
                        indicator.display_name,
                    )
                )

    @api.constrains(*COMPUTED_CONFIG_FIELDS)
    def _check_computed_config(self):
        for indicator in self.filtered(lambda i: i.source == "computed"):
            owner = indicator.owner_user_id
            if not owner or owner.id == SUPERUSER_ID or owner.share:
                raise ValidationError(
                    self.env._(
                        "Choose the owner of the indicator %s, an internal user: it is "
                        "measured with that user's access rights, never as the system "
                        "(R7.2.2).",
                        indicator.name,
                    )
                )
            indicator._wjl_check_side(
                indicator.model_id, indicator.domain, indicator.measure, indicator.measure_field_id
            )
            if indicator.date_filter:
                if (
                    not indicator.date_field_id
                    or indicator.date_field_id.model_id != indicator.model_id
                ):
                    raise ValidationError(
                        self.env._("Choose the date field the date filter applies to.")
                    )
                if indicator.date_filter == "last_days" and indicator.date_days < 1:
                    raise ValidationError(self.env._("The number of days must be positive."))
            if indicator.is_ratio:
                indicator._wjl_check_side(
                    indicator.denominator_model_id,
                    indicator.denominator_domain,
                    indicator.denominator_measure,
                    indicator.denominator_field_id,
                )

    def _wjl_check_side(self, model, domain_text, measure, field):
        if not model:
            raise ValidationError(
                self.env._("Choose the model that the indicator %s measures.", self.name)
            )
        if model.model not in self.env:
            raise ValidationError(self.env._("The model %s is not installed.", model.model))
        if not self._wjl_is_measurable(model.model):
            raise ValidationError(self._wjl_not_measurable_message(model.model))
        if measure != "count":
            if not field or field.model_id != model or field.ttype not in NUMERIC_TYPES:
                raise ValidationError(
                    self.env._(
                        "A sum or an average needs a stored numeric field of %s.",
                        model.name,
                    )
                )
        self._wjl_parse_domain(model.model, domain_text)

    # ------------------------------------------------------------------
    # CRUD: only risk administrators configure computed indicators
    # ------------------------------------------------------------------

    def _wjl_is_risk_admin(self):
        return self.env.su or self.env.user.has_group("wjl_risk.group_risk_admin")

    def _wjl_check_computed_rights(self, vals=None, creating=False):
        if self._wjl_is_risk_admin():
            return
        owner = (vals or {}).get("owner_user_id")
        if "owner_user_id" in (vals or {}) and not (creating and owner == self.env.uid):
            raise AccessError(
                self.env._(
                    "Only risk administrators may change the owner of a key risk "
                    "indicator: computed values are measured with the owner's access "
                    "rights (R7.2.2)."
                )
            )
        if (vals or {}).get("source") == "computed" or any(
            indicator.source == "computed" for indicator in self
        ):
            raise AccessError(
                self.env._(
                    "Only risk administrators may configure computed indicators: they "
                    "can measure any data of the company."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._wjl_check_computed_rights(vals, creating=True)
        indicators = super().create(vals_list)
        manual = indicators.filtered(lambda i: i.source == "manual" and i.value)
        if manual:
            # sudo: the result of a value the user may set (see _wjl_apply_results)
            manual.sudo()._wjl_apply_results({i: (i.value, None) for i in manual})
        return indicators

    def write(self, vals):
        if self._wjl_guard_in_flow():  # the evaluation records its results
            return super().write(vals)
        user_fields = {fname for fname in vals if not fname.startswith(("message_", "activity_"))}
        if user_fields:
            self._wjl_check_computed_rights(vals)
        res = super().write(vals)
        if "value" in vals:
            manual = self.filtered(lambda i: i.source == "manual")
            if manual:
                # sudo: see _wjl_apply_results; the user was allowed to write the value
                manual.sudo()._wjl_apply_results({i: (i.value, None) for i in manual})
        return res

    def unlink(self):
        self._wjl_check_computed_rights()
        return super().unlink()
