# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .wjl_risk_access import recheck_write_rules, refuse_direct_writes

_logger = logging.getLogger(__name__)

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
    _inherit = ["mail.thread", "mail.activity.mixin", "wjl.required.text.mixin"]
    _order = "risk_id, name, id"
    _wjl_required_text_fields = ("name",)

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
            refuse_direct_writes(self, vals, {"status", "value_date", "error_message"})
        indicators = super().create(vals_list)
        manual = indicators.filtered(lambda i: i.source == "manual" and i.value)
        if manual:
            # sudo: the result of a value the user may set (see _wjl_apply_results)
            manual.sudo()._wjl_apply_results({i: (i.value, None) for i in manual})
        return indicators

    def write(self, vals):
        user_fields = {fname for fname in vals if not fname.startswith(("message_", "activity_"))}
        if user_fields:
            self._wjl_check_computed_rights(vals)
        # results are recorded by the evaluation only (R7.2.2)
        refuse_direct_writes(self, vals, {"status", "value_date", "error_message"})
        res = super().write(vals)
        recheck_write_rules(self, vals, {"risk_id"})
        if "value" in vals:
            manual = self.filtered(lambda i: i.source == "manual")
            if manual:
                # sudo: see _wjl_apply_results; the user was allowed to write the value
                manual.sudo()._wjl_apply_results({i: (i.value, None) for i in manual})
        return res

    def unlink(self):
        self._wjl_check_computed_rights()
        return super().unlink()

    # ------------------------------------------------------------------
    # Evaluation
    # ------------------------------------------------------------------

    def action_evaluate(self):
        """Evaluate the selected indicators now (R6.3.1).

        Whoever may edit the indicators may ask for an evaluation. Each computed
        indicator is measured with the access rights of its owner (R7.2.2, see
        :meth:`_wjl_measure_env`); the values are then recorded by the system.
        """
        self.check_access("write")
        # sudo: only to record values, history and alerts; the measurement
        # itself runs as each indicator's owner, never as superuser.
        self.sudo()._wjl_evaluate()
        return True

    def _wjl_evaluate(self):
        """Evaluate the indicators; one failing indicator does not stop the others.

        Each computed indicator runs in its own savepoint: a failing domain or
        query, or a right its owner lacks, is rolled back, the indicator gets
        ``error`` and its reason, the others go on. Results are then written in
        batch.

        The per-indicator savepoints share one name inside an enclosing
        savepoint of the batch: ``SAVEPOINT`` before each indicator, ``ROLLBACK
        TO SAVEPOINT`` only when it fails, and the enclosing ``RELEASE`` frees
        them all at once.

        :return: dict indicator -> (value or None, error message or None)
        """
        self.env.flush_all()
        results = {}
        parse_cache = {}
        cr = self.env.cr
        with cr.savepoint(flush=False):
            for indicator in self:
                if indicator.source != "computed":
                    results[indicator] = (indicator.value, None)
                    continue
                cr.execute(SQL("SAVEPOINT wjl_risk_indicator"))
                # messages in the caller's language, or the owner's in the cron
                lang = indicator.env.lang or indicator.owner_user_id.lang
                try:
                    value = indicator.with_context(lang=lang)._wjl_compute_value(parse_cache)
                    results[indicator] = (value, None)
                except Exception as exc:  # noqa: BLE001 - isolate every indicator
                    cr.execute(SQL("ROLLBACK TO SAVEPOINT wjl_risk_indicator"))
                    _logger.info("Key risk indicator %s failed: %s", indicator.id, exc)
                    results[indicator] = (None, str(exc) or exc.__class__.__name__)
        self._wjl_apply_results(results)
        return results

    def _wjl_compute_value(self, parse_cache=None):
        """The current value of a computed indicator (numerator / denominator),
        measured with the owner's rights (R7.2.2)."""
        self.ensure_one()
        env = self._wjl_measure_env()
        numerator = self._wjl_measure_side(
            env[self.model_id.model] if self.model_id.model in env else None,
            self.domain,
            self.measure,
            self.measure_field_id.name,
            self.date_field_id.name if self.date_filter else None,
            parse_cache,
        )
        if not self.is_ratio:
            return numerator
        denominator = self._wjl_measure_side(
            env[self.denominator_model_id.model]
            if self.denominator_model_id.model in env
            else None,
            self.denominator_domain,
            self.denominator_measure,
            self.denominator_field_id.name,
            None,
            parse_cache,
        )
        if not denominator:
            raise UserError(self.env._("The denominator is zero: the ratio cannot be computed."))
        return numerator / denominator

    def _wjl_status_for(self, value):
        self.ensure_one()
        if self.direction == "above":
            if value >= self.threshold_critical:
                return "critical"
            if value >= self.threshold_warning:
                return "warning"
            return "ok"
        if value <= self.threshold_critical:
            return "critical"
        if value <= self.threshold_warning:
            return "warning"
        return "ok"

    def _wjl_apply_results(self, results):
        """Store values and statuses, keep the history, raise or resolve alerts.

        Values are recorded by the system: run as superuser by the callers, who
        checked that the user may evaluate or set them. The cron evaluates
        thousands of indicators, so values and history rows are written with
        one parameterised ``UPDATE`` and one ``INSERT`` for the whole batch
        (nothing else is stored from these columns), then the cache is
        invalidated. On error the last good value is kept.

        :param dict results: indicator -> (value or None, error message or None)
        """
        if not results:
            return
        self.flush_model()
        now = fields.Datetime.now()
        uid = self.env.uid
        rows = []
        to_raise = []
        to_resolve = self.browse()
        for indicator, (value, error) in results.items():
            previous = indicator.status
            status = "error" if error else indicator._wjl_status_for(value)
            rows.append(
                (
                    indicator.id,
                    indicator.value if error else float(value),
                    status,
                    error or None,
                    now + FREQUENCY_DELTA[indicator.frequency],
                    0.0 if error else float(value),
                )
            )
            if status in ("warning", "critical") and previous != status:
                to_raise.append(indicator)
            elif status == "ok" and previous in ("warning", "critical"):
                to_resolve |= indicator
        ids, values, statuses, errors, next_dates, history_values = (
            list(column) for column in zip(*rows)
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE wjl_risk_indicator AS i
                   SET value = v.value, status = v.status, error_message = v.error_message,
                       next_evaluation_date = v.next_date, value_date = %s,
                       write_uid = %s, write_date = %s
                  FROM unnest(%s::int[], %s::float8[], %s::varchar[], %s::text[],
                              %s::timestamp[]) AS v(id, value, status, error_message, next_date)
                 WHERE i.id = v.id
                """,
                now,
                uid,
                now,
                ids,
                values,
                statuses,
                errors,
                next_dates,
            )
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO wjl_risk_indicator_value
                       (indicator_id, risk_id, department_id, company_id, date, value,
                        status, error_message, create_uid, create_date, write_uid, write_date)
                SELECT i.id, i.risk_id, i.department_id, i.company_id, %s, v.value,
                       v.status, v.error_message, %s, %s, %s, %s
                  FROM unnest(%s::int[], %s::float8[], %s::varchar[], %s::text[])
                       AS v(id, value, status, error_message)
                  JOIN wjl_risk_indicator i ON i.id = v.id
                """,
                now,
                uid,
                now,
                uid,
                now,
                ids,
                history_values,
                statuses,
                errors,
            )
        )
        indicators = self.browse(ids)
        indicators.invalidate_recordset(
            [
                "value",
                "status",
                "error_message",
                "next_evaluation_date",
                "value_date",
                "write_uid",
                "write_date",
                "color",
                "value_ids",
            ]
        )
        Alert = self.env["wjl.alert"]
        for indicator in to_raise:
            risk = indicator.risk_id
            Alert.raise_alert(
                indicator,
                ALERT_KIND,
                level=indicator.status,
                message=indicator._wjl_alert_message(),
                department=risk.department_id,
                users=risk.owner_id | risk.department_id.manager_id.user_id,
            )
        if to_resolve:
            Alert.resolve_alert(to_resolve, ALERT_KIND)

    def _wjl_alert_message(self):
        self.ensure_one()
        threshold = self.threshold_critical if self.status == "critical" else self.threshold_warning
        return self.env._(
            "The key risk indicator %(indicator)s of the risk %(risk)s is %(value)s "
            "%(unit)s, beyond its threshold %(threshold)s (R6.3.2).",
            indicator=self.name,
            risk=self.risk_id.display_name,
            value=round(self.value, 4),
            unit=self.unit or "",
            threshold=threshold,
        )

    @api.model
    def _cron_evaluate_due(self, batch_size=200):
        """Evaluate the due indicators of open risks, one batch per call (R6.3.1).

        Reports its progress to the cron so that the next batch runs right after
        this one is committed.
        """
        domain = [
            ("source", "=", "computed"),
            ("risk_id.state", "!=", "closed"),
            "|",
            ("next_evaluation_date", "=", False),
            ("next_evaluation_date", "<=", fields.Datetime.now()),
        ]
        indicators = self.search(domain, limit=batch_size, order="next_evaluation_date, id")
        if not indicators:
            return 0
        indicators._wjl_evaluate()
        remaining = self.search_count(domain) if len(indicators) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(indicators), remaining=remaining)
        return len(indicators)

    @api.model
    def _demo_setup(self):
        """Demo: indicator templates on stock models when installed, then evaluate.

        ``account`` and ``stock`` are not dependencies of this addon, so these
        indicators only exist when those models are there (R6.3.1).
        """
        env = self.env
        templates = []
        finance_risk = env.ref("wjl_risk.wjl_risk_demo_receivables", raise_if_not_found=False)
        logistics_risk = env.ref("wjl_risk.wjl_risk_demo_late_supply", raise_if_not_found=False)
        if finance_risk and "account.move" in env:
            model = env["ir.model"]._get("account.move")
            fields_by_name = {f.name: f for f in model.field_id}
            if "amount_residual_signed" in fields_by_name and "invoice_date_due" in fields_by_name:
                templates.append(
                    {
                        "name": "Overdue customer invoices amount",
                        "risk_id": finance_risk.id,
                        "source": "computed",
                        "model_id": model.id,
                        "domain": "[('move_type', '=', 'out_invoice'), ('state', '=', 'posted'), "
                        "('payment_state', 'in', ['not_paid', 'partial'])]",
                        "measure": "sum",
                        "measure_field_id": fields_by_name["amount_residual_signed"].id,
                        "date_field_id": fields_by_name["invoice_date_due"].id,
                        "date_filter": "before_today",
                        "threshold_warning": 50000,
                        "threshold_critical": 200000,
                        "unit": "CNY",
                        "frequency": "daily",
                    }
                )
        if logistics_risk and "stock.picking" in env:
            model = env["ir.model"]._get("stock.picking")
            fields_by_name = {f.name: f for f in model.field_id}
            if "scheduled_date" in fields_by_name:
                templates.append(
                    {
                        "name": "Late receipts",
                        "risk_id": logistics_risk.id,
                        "source": "computed",
                        "model_id": model.id,
                        "domain": "[('picking_type_code', '=', 'incoming'), "
                        "('state', 'not in', ['done', 'cancel'])]",
                        "measure": "count",
                        "date_field_id": fields_by_name["scheduled_date"].id,
                        "date_filter": "before_today",
                        "threshold_warning": 10,
                        "threshold_critical": 25,
                        "unit": "receipts",
                        "frequency": "daily",
                    }
                )
        if templates:
            # measured with the rights of the administrator, never as the system
            owner = env.ref("base.user_admin")
            self.create([dict(vals, owner_user_id=owner.id) for vals in templates])
        self.search([("source", "=", "computed")])._wjl_evaluate()
        return True
