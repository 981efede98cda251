# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from .res_company import RISK_LEVELS

STRATEGIES = [
    ("avoid", "Avoid"),
    ("reduce", "Reduce"),
    ("transfer", "Transfer"),
    ("accept", "Accept (monitor)"),
]
STATES = [
    ("identified", "Identified"),
    ("assessed", "Assessed"),
    ("treated", "Treated"),
    ("monitoring", "Monitoring"),
    ("closed", "Closed"),
]
# Fields only department heads and risk administrators decide (R6.1.2, R6.2.1).
MANAGER_FIELDS = frozenset({"likelihood", "impact", "strategy", "expected_loss"})
# Fields the system decides: the reference, who identified the risk and when it
# was last assessed (R6.1.3); only risk administrators correct them.
SYSTEM_FIELDS = frozenset({"code", "identified_by_id", "last_assessment_date"})
# Fields the record rules of risks depend on (R7.2.2).
RULE_FIELDS = frozenset({"department_id", "owner_id", "identified_by_id", "state", "company_id"})
MANAGER_GROUP = "wjl_risk.group_risk_manager"


class WjlRisk(models.Model):
    """A risk of the risk register 风险清单 (R6.1.3).

    Departments identify their risks (R6.1.1); department heads assess them
    qualitatively and quantitatively (R6.1.2), choose a response strategy and
    measures (R6.2.1–R6.2.3) and follow them up with key risk indicators (R6.3).
    """

    _name = "wjl.risk"
    _description = "Risk"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "wjl.required.text.mixin",
        "wjl.risk.field.guard",
    ]
    _order = "score desc, code desc, id desc"
    _rec_names_search = ["name", "code"]
    _wjl_required_text_fields = ("name",)
    # the state moves through the buttons only, even for risk administrators; they
    # correct the fields the system sets (R7.2.2)
    _wjl_guard_action_fields = SYSTEM_FIELDS | {"state"}
    _wjl_guard_admin_group = "wjl_risk.group_risk_admin"
    _wjl_guard_admin_fields = SYSTEM_FIELDS
    _wjl_guard_group_fields = {MANAGER_GROUP: MANAGER_FIELDS}
    _wjl_guard_rule_fields = RULE_FIELDS

    code = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    name = fields.Char(string="Risk", required=True, tracking=True)
    description = fields.Html()
    category_id = fields.Many2one("wjl.risk.category", required=True, tracking=True, index=True)
    category_guidance = fields.Text(related="category_id.guidance", string="Typical Measures")
    department_id = fields.Many2one(
        "hr.department",
        required=True,
        tracking=True,
        index=True,
        default=lambda self: self._default_department_id(),
        help="Department that owns the risk (R6.1.1).",
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Risk Owner",
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    causes = fields.Text()
    consequences = fields.Text()
    identified_date = fields.Date(
        string="Identified On", default=fields.Date.context_today, required=True
    )
    identified_by_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    likelihood = fields.Integer(
        tracking=True, help="Current likelihood from 1 (rare) to 5 (almost certain)."
    )
    impact = fields.Integer(tracking=True, help="Current impact from 1 (negligible) to 5 (severe).")
    score = fields.Integer(
        compute="_compute_score", store=True, help="Likelihood × impact (R6.1.2)."
    )
    level = fields.Selection(
        RISK_LEVELS,
        compute="_compute_level",
        store=True,
        tracking=True,
        index=True,
        help="Level from the score by the risk matrix thresholds of the Settings.",
    )
    expected_loss = fields.Monetary(
        help="Quantitative estimate of the loss should the risk occur (R6.1.2)."
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    strategy = fields.Selection(STRATEGIES, tracking=True)
    measure_ids = fields.One2many("wjl.risk.measure", "risk_id", string="Response Measures")
    measure_count = fields.Integer(compute="_compute_counts")
    assessment_ids = fields.One2many("wjl.risk.assessment", "risk_id", string="Assessment History")
    last_assessment_date = fields.Date(readonly=True, copy=False)
    indicator_ids = fields.One2many("wjl.risk.indicator", "risk_id", string="Key Risk Indicators")
    indicator_count = fields.Integer(compute="_compute_counts")
    next_review_date = fields.Date(
        compute="_compute_next_review_date",
        store=True,
        readonly=False,
        tracking=True,
        help="Set from the level by the review intervals of the Settings (R6.2.3).",
    )
    review_overdue = fields.Boolean(
        compute="_compute_review_overdue", search="_search_review_overdue"
    )
    state = fields.Selection(
        STATES, default="identified", required=True, tracking=True, index=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "likelihood_range",
            "CHECK(likelihood IS NULL OR (likelihood >= 0 AND likelihood <= 5))",
            "The likelihood goes from 1 to 5.",
        ),
        (
            "impact_range",
            "CHECK(impact IS NULL OR (impact >= 0 AND impact <= 5))",
            "The impact goes from 1 to 5.",
        ),
        (
            "code_company_unique",
            "UNIQUE(company_id, code)",
            "The reference of a risk is unique in its company.",
        ),
    ]

    @api.model
    def _default_department_id(self):
        return self.env.user.employee_id.department_id

    # ------------------------------------------------------------------
    # Constraints and computes
    # ------------------------------------------------------------------

    @api.constrains("strategy", "level")
    def _check_strategy(self):
        """R6.2.1: a high or critical risk must be avoided, reduced or transferred."""
        for risk in self:
            if risk.strategy == "accept" and risk.level in ("high", "critical"):
                raise ValidationError(
                    self.env._(
                        "The risk %(risk)s is %(level)s: it cannot simply be accepted. "
                        "Avoid, reduce or transfer it (R6.2.1), or reassess it first.",
                        risk=risk.display_name,
                        level=dict(self._fields["level"]._description_selection(self.env))[
                            risk.level
                        ],
                    )
                )

    @api.constrains("likelihood", "impact")
    def _check_rating(self):
        for risk in self:
            if bool(risk.likelihood) != bool(risk.impact):
                raise ValidationError(
                    self.env._(
                        "Rate both the likelihood and the impact of %s (1 to 5).",
                        risk.display_name,
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for risk in self:
            risk.display_name = (
                f"[{risk.code}] {risk.name}" if risk.code and risk.code != "/" else risk.name
            )

    @api.depends("likelihood", "impact")
    def _compute_score(self):
        for risk in self:
            risk.score = (risk.likelihood or 0) * (risk.impact or 0)

    @api.depends(
        "score",
        "company_id.wjl_risk_level_low_max",
        "company_id.wjl_risk_level_medium_max",
        "company_id.wjl_risk_level_high_max",
    )
    def _compute_level(self):
        for risk in self:
            company = risk.company_id or self.env.company
            risk.level = company._wjl_risk_level(risk.score)

    @api.depends(
        "level",
        "last_assessment_date",
        "identified_date",
        "company_id.wjl_risk_review_days_low",
        "company_id.wjl_risk_review_days_medium",
        "company_id.wjl_risk_review_days_high",
        "company_id.wjl_risk_review_days_critical",
    )
    def _compute_next_review_date(self):
        for risk in self:
            start = risk.last_assessment_date or risk.identified_date
            if not start:
                risk.next_review_date = False
                continue
            company = risk.company_id or self.env.company
            risk.next_review_date = start + timedelta(
                days=company._wjl_risk_review_days(risk.level)
            )

    @api.depends("next_review_date", "state")
    def _compute_review_overdue(self):
        today = fields.Date.context_today(self)
        for risk in self:
            risk.review_overdue = bool(
                risk.state != "closed" and risk.next_review_date and risk.next_review_date < today
            )

    def _search_review_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on review_overdue."))
        domain = [
            ("state", "!=", "closed"),
            ("next_review_date", "<", fields.Date.context_today(self)),
        ]
        if (operator == "=") != value:
            return ["!", *expression.normalize_domain(domain)]
        return domain

    def _compute_counts(self):
        measures = dict(
            self.env["wjl.risk.measure"]._read_group(
                [("risk_id", "in", self.ids)], ["risk_id"], ["__count"]
            )
        )
        indicators = dict(
            self.env["wjl.risk.indicator"]._read_group(
                [("risk_id", "in", self.ids)], ["risk_id"], ["__count"]
            )
        )
        for risk in self:
            risk.measure_count = measures.get(risk, 0)
            risk.indicator_count = indicators.get(risk, 0)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model
    def _wjl_guard_check_create(self, vals):
        """Its reference comes from the sequence (see :meth:`create`)."""
        return super()._wjl_guard_check_create({f: v for f, v in vals.items() if f != "code"})

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        """Staff propose, heads assess, the system numbers (R6.1.1–R6.1.3)."""
        labels = self._wjl_guard_labels(fnames)
        if kind == "group":
            return AccessError(
                self.env._(
                    "Only department heads and risk administrators may assess or treat "
                    "a risk (%(fields)s). Propose the risk; your department head "
                    "will assess it.",
                    fields=labels,
                )
            )
        if kind == "action" and not fnames - SYSTEM_FIELDS:
            return AccessError(
                self.env._(
                    "The reference, the person who identified a risk and its last "
                    "assessment date are set by the system (%(fields)s); only risk "
                    "administrators correct them.",
                    fields=labels,
                )
            )
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    def _wjl_check_may_treat(self, fname):
        """Staff propose risks; only department heads assess and treat them."""
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise self._wjl_guard_refusal("group", {fname}, group=MANAGER_GROUP)

    def _check_owner_in_department(self):
        """Heads and staff give risks to people of the risk's department (R6.1.1)."""
        if self.env.su or self.env.user.has_group("wjl_risk.group_risk_admin"):
            return
        for risk in self.sudo():  # sudo: employees of the department, for this check only
            department = risk.department_id
            allowed = department.member_ids.user_id | department.manager_id.user_id
            if risk.owner_id and risk.owner_id not in allowed:
                raise AccessError(
                    self.env._(
                        "The owner of the risk %(risk)s must work in its department "
                        "%(department)s: %(user)s does not.",
                        risk=risk.display_name,
                        department=department.name,
                        user=risk.owner_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        is_admin = self._wjl_guard_is_admin()
        for vals in vals_list:
            if not is_admin:
                vals["code"] = "/"  # always from the sequence
                if vals.get("identified_by_id") == self.env.uid:
                    del vals["identified_by_id"]  # the default
            if vals.get("code", "/") == "/":
                vals["code"] = self.env["ir.sequence"].next_by_code("wjl.risk") or "/"
        risks = super().create(vals_list)
        risks._check_owner_in_department()
        rated = risks.filtered(lambda r: r.likelihood and r.impact)
        if rated:
            rated._wjl_log_assessment(self.env.context.get("wjl_risk_assessment_note"))
        return risks

    def write(self, vals):
        res = super().write(vals)
        if {"owner_id", "department_id"} & vals.keys():
            self._check_owner_in_department()
        if {"likelihood", "impact"} & vals.keys():
            rated = self.filtered(lambda r: r.likelihood and r.impact)
            if rated:
                rated._wjl_log_assessment(self.env.context.get("wjl_risk_assessment_note"))
        return res

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _wjl_log_assessment(self, notes=None):
        """Add a row to the assessment history of each risk (R6.1.2).

        The history is written by the system whenever the current assessment
        changes, so it is created as superuser: who may assess was already
        checked on the risk itself (the field guard and the access rules of
        ``write``).
        """
        today = fields.Date.context_today(self)
        self.env["wjl.risk.assessment"].sudo().create(
            [
                {
                    "risk_id": risk.id,
                    "date": today,
                    "assessor_id": self.env.user.id,
                    "likelihood": risk.likelihood,
                    "impact": risk.impact,
                    "score": risk.score,
                    "level": risk.level,
                    "notes": notes or False,
                }
                for risk in self
            ]
        )
        # sudo: the date and the move of a proposal to "assessed" are consequences
        # of the assessment the user was allowed to record.
        self.sudo().write({"last_assessment_date": today})
        self.filtered(lambda r: r.state == "identified").sudo().write({"state": "assessed"})

    def _wjl_record_assessment(self, likelihood, impact, notes=None, expected_loss=None):
        """Reassess the risks: new current rating and one history row each."""
        vals = {"likelihood": likelihood, "impact": impact}
        if expected_loss is not None:
            vals["expected_loss"] = expected_loss
        self.with_context(wjl_risk_assessment_note=notes).write(vals)
        return True

    def action_assess(self):
        self.ensure_one()
        self._wjl_check_may_treat("likelihood")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Assess Risk"),
            "res_model": "wjl.risk.assess.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_risk_id": self.id},
        }

    def action_treat(self):
        """R6.2.1–R6.2.2: a response strategy, and measures unless accepted."""
        for risk in self:
            if not risk.level:
                raise UserError(
                    self.env._("Assess the risk %s before choosing its response.", risk.code)
                )
            if not risk.strategy:
                raise UserError(
                    self.env._("Choose a response strategy for the risk %s first.", risk.code)
                )
            if risk.strategy != "accept" and not risk.measure_ids:
                raise UserError(
                    self.env._(
                        "Add at least one response measure to the risk %s (R6.2.2).",
                        risk.code,
                    )
                )
        self._wjl_set_state("treated")
        return True

    def action_monitor(self):
        if any(not risk.level for risk in self):
            raise UserError(self.env._("Assess the risk before monitoring it."))
        self._wjl_set_state("monitoring")
        return True

    def action_close(self):
        self._wjl_set_state("closed")
        return True

    def action_reopen(self):
        closed = self.filtered(lambda r: r.state == "closed")
        closed.filtered("level")._wjl_set_state("assessed")
        closed.filtered(lambda r: not r.level)._wjl_set_state("identified")
        return True

    def _wjl_set_state(self, state):
        """Move the risks to ``state`` for a user who may treat them (R6.2, R7.2.2).

        The state is written only here and by the assessment: who may act is
        checked first, then the state is written by the action.
        """
        if not self:
            return
        self._wjl_check_may_treat("state")
        self._wjl_guard_write({"state": state})

    def action_open_indicators(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("wjl_risk.wjl_risk_indicator_action")
        action["domain"] = [("risk_id", "=", self.id)]
        action["context"] = {"default_risk_id": self.id}
        return action

    def action_open_measures(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("wjl_risk.wjl_risk_measure_action")
        action["domain"] = [("risk_id", "=", self.id)]
        action["context"] = {"default_risk_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Heat map and reminders
    # ------------------------------------------------------------------

    @api.model
    def get_heatmap_data(self, domain=None):
        """Counts of open risks per likelihood × impact cell, in ONE grouped query.

        :param list domain: optional extra search domain (e.g. a department)
        :return: dict with ``cells`` (25 dicts: likelihood, impact, score, level,
            count), ``total`` and the level labels
        """
        base = [("state", "!=", "closed"), ("likelihood", ">", 0), ("impact", ">", 0)]
        groups = self._read_group(
            expression.AND([base, domain or []]), ["likelihood", "impact"], ["__count"]
        )
        counts = {(likelihood, impact): count for likelihood, impact, count in groups}
        Company = self.env["res.company"]
        thresholds = Company._wjl_risk_thresholds(self.env.company.id)
        cells = []
        for likelihood in range(5, 0, -1):
            for impact in range(1, 6):
                score = likelihood * impact
                cells.append(
                    {
                        "likelihood": likelihood,
                        "impact": impact,
                        "score": score,
                        "level": Company._wjl_risk_level_for(score, thresholds),
                        "count": counts.get((likelihood, impact), 0),
                    }
                )
        return {
            "cells": cells,
            "total": sum(counts.values()),
            "levels": dict(self._fields["level"]._description_selection(self.env)),
        }

    @api.model
    def _cron_remind_overdue_reviews(self):
        """Give the owner of each risk past its review date a review activity (R6.2.3).

        One activity per risk: risks that already have an open reminder are skipped.
        """
        activity_type = self.env.ref("wjl_risk.mail_activity_type_risk_review")
        risks = self.search([("review_overdue", "=", True)])
        if not risks:
            return self.browse()
        already = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", risks.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        todo = risks.filtered(lambda r: r.id not in already)
        for risk in todo:
            user = risk.owner_id or risk.department_id.manager_id.user_id
            if not user:
                continue
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": risk.id,
                    "activity_type_id": activity_type.id,
                    "summary": self.env._(
                        "Review the risk %(code)s (due %(date)s)",
                        code=risk.code,
                        date=risk.next_review_date,
                    ),
                    "user_id": user.id,
                    "date_deadline": today,
                }
            )
        self.env["mail.activity"].create(vals_list)
        return todo
