# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .res_company import GRADES

STATES = [
    ("draft", "Draft"),
    ("self_review", "Self-Review"),
    ("manager_review", "Manager Review"),
    ("hr_review", "HR Review"),
    ("done", "Done"),
]
OFFICER_GROUP = "wjl_appraisal.group_appraisal_officer"


class WjlAppraisal(models.Model):
    """The performance appraisal 绩效考核 of one employee in one cycle (R4.3.1–R4.3.4).

    The employee assesses themselves, the department head (appraiser) scores the
    indicators, HR reviews and closes it. The weighted score gives one of four
    grades (R4.3.2) which sets the performance bonus (R4.3.3); a fail needs an
    improvement plan (R4.3.4).
    """

    _name = "wjl.appraisal"
    _description = "Performance Appraisal"
    _inherit = ["mail.thread", "mail.activity.mixin", "wjl.field.guard.mixin"]
    _order = "cycle_id, department_id, employee_id, id"
    _rec_names_search = ["employee_id.name", "cycle_id.name"]

    # Who may write what, and in which state (R4.3.2, R7.2.2): HR officers write
    # every field until the appraisal is done; the employee and the appraiser
    # only their part, in their step (see _wjl_guard_check_records).
    _EMPLOYEE_FIELDS = frozenset({"self_comment", "line_ids"})
    _APPRAISER_FIELDS = frozenset(
        {"manager_comment", "grade_override", "grade_override_reason", "line_ids"}
    )
    _wjl_guard_action_fields = frozenset({"state"})
    _wjl_fields_by_role = {"employee": _EMPLOYEE_FIELDS, "appraiser": _APPRAISER_FIELDS}
    _wjl_guard_group_fields = {OFFICER_GROUP: "__all__"}
    _wjl_guard_free_fields = _EMPLOYEE_FIELDS | _APPRAISER_FIELDS
    _wjl_guard_admin_group = OFFICER_GROUP
    _wjl_guard_locked_states = frozenset({"done"})

    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, tracking=True, ondelete="cascade"
    )
    cycle_id = fields.Many2one(
        "wjl.appraisal.cycle", required=True, index=True, ondelete="cascade", tracking=True
    )
    date_start = fields.Date(related="cycle_id.date_start")
    date_end = fields.Date(related="cycle_id.date_end")
    period = fields.Selection(related="cycle_id.period")
    department_id = fields.Many2one(
        "hr.department", index=True, help="Department of the employee when appraised."
    )
    job_id = fields.Many2one("hr.job", string="Job Position")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    appraiser_id = fields.Many2one(
        "res.users",
        index=True,
        tracking=True,
        domain=[("share", "=", False)],
        help="The department head who scores the appraisal (R4.3.2).",
    )
    template_id = fields.Many2one("wjl.appraisal.template")
    line_ids = fields.One2many("wjl.appraisal.line", "appraisal_id", string="Indicators")
    state = fields.Selection(
        STATES, required=True, default="draft", tracking=True, index=True, copy=False
    )
    score = fields.Float(
        compute="_compute_score",
        store=True,
        digits=(5, 2),
        aggregator="avg",
        help="Indicator scores weighted by the indicator weights (0–100).",
    )
    grade_computed = fields.Selection(
        GRADES,
        string="Grade by Score",
        compute="_compute_grade",
        store=True,
    )
    grade_override = fields.Selection(
        GRADES,
        string="Overridden Grade",
        tracking=True,
        copy=False,
        help="Grade set by the appraiser instead of the one the score gives; needs a reason.",
    )
    grade_override_reason = fields.Text(string="Override Reason", tracking=True, copy=False)
    grade = fields.Selection(
        GRADES,
        compute="_compute_grade",
        store=True,
        index=True,
        tracking=True,
        help="Excellent / Good / Pass / Fail from the score by the thresholds of the "
        "settings, unless overridden (R4.3.2).",
    )
    grade_coefficient = fields.Float(
        string="Coefficient",
        compute="_compute_grade_coefficient",
        digits=(4, 2),
        help="Bonus coefficient of the grade, from the settings (R4.3.3).",
    )
    # Floats shown with the company currency (widget="monetary"): one currency
    # per company, and no per-record currency lookup when thousands are generated.
    bonus_base = fields.Float(
        digits=(16, 2), tracking=True, help="Performance bonus at coefficient 1."
    )
    bonus_amount = fields.Float(
        string="Bonus",
        digits=(16, 2),
        compute="_compute_bonus",
        store=True,
        help="Bonus base × the coefficient of the grade (R4.3.3).",
    )
    self_comment = fields.Text(string="Self-Assessment Summary")
    manager_comment = fields.Text(string="Appraiser Comment")
    hr_comment = fields.Text(string="HR Comment")
    improvement_ids = fields.One2many(
        "wjl.appraisal.improvement", "appraisal_id", string="Improvement Plans"
    )
    improvement_count = fields.Integer(compute="_compute_improvement_count")
    can_self_review = fields.Boolean(compute="_compute_user_rights")
    can_manager_review = fields.Boolean(compute="_compute_user_rights")
    is_hr = fields.Boolean(compute="_compute_user_rights")

    _sql_constraints = [
        (
            "employee_cycle_unique",
            "UNIQUE(cycle_id, employee_id)",
            "An employee has one appraisal per cycle.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("employee_id", "cycle_id")
    def _compute_display_name(self):
        for appraisal in self:
            appraisal.display_name = " - ".join(
                filter(None, [appraisal.employee_id.name, appraisal.cycle_id.name])
            )

    @api.depends("line_ids.score", "line_ids.weight")
    def _compute_score(self):
        """Indicator scores weighted by their weights (R4.3.2).

        Appraisals in the database are summed by one aggregate query, whatever
        their number (a cycle scores thousands at once); appraisals being edited
        in a form (new records) from the indicator lines in memory.
        """
        new = self.filtered(lambda a: not isinstance(a.id, int))
        for appraisal in new:
            total_weight = total = 0.0
            for line in appraisal.line_ids:
                total_weight += line.weight
                total += line.score * line.weight
            appraisal.score = total / total_weight if total_weight else 0.0
        stored = self - new
        if not stored:
            return
        self.env["wjl.appraisal.line"].flush_model(["appraisal_id", "score", "weight"])
        self.env.cr.execute(
            SQL(
                """
                SELECT appraisal_id, SUM(COALESCE(score, 0) * weight), SUM(weight)
                  FROM wjl_appraisal_line
                 WHERE appraisal_id = ANY(%s)
              GROUP BY appraisal_id
                """,
                stored.ids,
            )
        )
        sums = {
            appraisal_id: (total, weight) for appraisal_id, total, weight in self.env.cr.fetchall()
        }
        for appraisal in stored:
            total, weight = sums.get(appraisal.id, (0.0, 0.0))
            appraisal.score = total / weight if weight else 0.0

    def _wjl_scales(self):
        """{company: its grading scale} for the companies of these appraisals (the
        current company stands in for a missing one), each read once."""
        companies = self.company_id | self.env.company
        return {company: company._wjl_appraisal_scale() for company in companies}

    @api.depends("score", "grade_override", "company_id", "state")
    def _compute_grade(self):
        """Grade by the thresholds of the settings (R4.3.2), once the appraiser
        scores (from manager review on); the override wins over the score.

        Thresholds are read when the score changes, so a closed cycle keeps its
        grades when the settings change later.
        """
        scales = self._wjl_scales()
        for appraisal in self:
            if appraisal.state in ("draft", "self_review"):
                grade = False
            else:
                grade = scales[appraisal.company_id or self.env.company].grade(appraisal.score)
            appraisal.grade_computed = grade
            appraisal.grade = appraisal.grade_override or grade

    @api.depends("grade", "company_id")
    def _compute_grade_coefficient(self):
        scales = self._wjl_scales()
        for appraisal in self:
            scale = scales[appraisal.company_id or self.env.company]
            appraisal.grade_coefficient = scale.coefficient(appraisal.grade)

    @api.depends("grade", "bonus_base", "company_id")
    def _compute_bonus(self):
        """Bonus = bonus base × coefficient of the grade (R4.3.3). The coefficient
        is read when the grade changes, so closed cycles keep their bonus."""
        scales = self._wjl_scales()
        for appraisal in self:
            scale = scales[appraisal.company_id or self.env.company]
            appraisal.bonus_amount = appraisal.bonus_base * scale.coefficient(appraisal.grade)

    def _compute_improvement_count(self):
        counts = dict(
            self.env["wjl.appraisal.improvement"]._read_group(
                [("appraisal_id", "in", self.ids)], ["appraisal_id"], ["__count"]
            )
        )
        for appraisal in self:
            appraisal.improvement_count = counts.get(appraisal, 0)

    @api.depends_context("uid")
    @api.depends("state", "employee_id", "appraiser_id", "department_id")
    def _compute_user_rights(self):
        is_hr = self._wjl_is_hr()
        for appraisal in self:
            appraisal.is_hr = is_hr
            appraisal.can_self_review = appraisal.state == "self_review" and (
                is_hr or appraisal._wjl_is_employee()
            )
            appraisal.can_manager_review = appraisal.state == "manager_review" and (
                is_hr or appraisal._wjl_is_appraiser()
            )

    @api.constrains("grade_override", "grade_override_reason")
    def _check_override_reason(self):
        """An overridden grade needs a reason (R4.3.2)."""
        for appraisal in self:
            if appraisal.grade_override and not (appraisal.grade_override_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the reason why the grade of %s is overridden.",
                        appraisal.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Rights (R7.2.2): who writes what
    # ------------------------------------------------------------------

    def _wjl_is_hr(self):
        """HR officers (and the superuser) handle every appraisal (R2.2.1)."""
        return self._wjl_guard_is_admin()

    def _wjl_is_employee(self):
        self.ensure_one()
        return bool(self.employee_id.user_id) and self.employee_id.user_id == self.env.user

    def _wjl_is_appraiser(self):
        self.ensure_one()
        user = self.env.user
        return self.appraiser_id == user or (
            bool(self.department_id.manager_id.user_id)
            and self.department_id.manager_id.user_id == user
            and not self._wjl_is_employee()
        )

    def _wjl_writing_role(self):
        """The role in which the user writes this appraisal in its current state:
        ``employee`` in self-review, ``appraiser`` in manager review (R4.3.2);
        None for anybody else."""
        self.ensure_one()
        if self.state == "manager_review" and self._wjl_is_appraiser():
            return "appraiser"
        if self.state == "self_review" and self._wjl_is_employee():
            return "employee"
        return None

    def _wjl_check_role_fields(self, fnames, model):
        """Refuse writing ``fnames`` of ``model`` (these appraisals or their
        indicators) outside the fields its ``_wjl_fields_by_role`` gives the user's
        role on each appraisal in its state; HR officers write them all (R7.2.2)."""
        if self._wjl_is_hr():
            return
        for appraisal in self:
            allowed = model._wjl_fields_by_role.get(appraisal._wjl_writing_role(), frozenset())
            forbidden = fnames - allowed
            if forbidden:
                raise appraisal._wjl_write_refused(forbidden, model)

    def _wjl_guard_check_records(self, fnames):
        """Employees and appraisers write their part in their step only (R4.3.2)."""
        res = super()._wjl_guard_check_records(fnames)
        self._wjl_check_role_fields(fnames, self)
        return res

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        """The appraisal's own wording: the fields and the state (R7.2.2)."""
        if kind == "locked":
            return self._wjl_done_refusal()
        if kind == "group" and self:
            return self[:1]._wjl_write_refused(fnames, self)
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    def _wjl_done_refusal(self):
        return UserError(
            self.env._(
                "The appraisal %s is done and can no longer be changed.",
                self[:1].display_name,
            )
        )

    def _wjl_write_refused(self, fnames, model):
        """The AccessError refusing to write ``fnames`` of ``model``, with the field
        labels and the state in the user's language (R7.2.2)."""
        self.ensure_one()
        states = dict(self._fields["state"]._description_selection(self.env))
        return AccessError(
            self.env._(
                "You cannot change %(fields)s of the appraisal %(appraisal)s in "
                "its current state (%(state)s). Employees write their "
                "self-assessment during self-review, appraisers score during "
                "manager review, HR officers handle the rest.",
                fields=model._wjl_guard_labels(fnames),
                appraisal=self.display_name,
                state=states[self.state],
            )
        )

    def unlink(self):
        if not self.env.su and any(a.state == "done" for a in self):
            raise UserError(self.env._("A done appraisal cannot be deleted."))
        return super().unlink()

    @api.model
    def _wjl_unscored_values(self):
        """Stored computed values of a new draft appraisal without scores: no
        score yet, hence no grade (grades come with the manager review) and no
        bonus. Given at creation, the ORM keeps them instead of computing them
        (generation of thousands of appraisals)."""
        return {"score": 0.0, "grade_computed": False, "grade": False, "bonus_amount": 0.0}

    def _wjl_copy_template_lines(self):
        """Copy the indicators of their templates into these new appraisals
        (R4.3.1) with one INSERT ... SELECT, whatever the number of appraisals.

        Used by cycle generation right after creating the appraisals in one
        batch: the lines are plain copies (no score yet, so the stored score,
        grade and bonus of the appraisals stay what they are). Bench
        ``appraisal_generate`` (2,000 appraisals, 8,000 lines, 2026-12-02, load
        average 5-7): with this query ratio 1.93 and 147 queries; with the lines
        created by the ORM ratio 2.77 and 225 queries, over its target of 2.0.
        """
        if not self:
            return
        self.flush_model(["template_id"])
        self.env["wjl.appraisal.template.line"].flush_model()
        lang = self.env.lang or "en_US"
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO wjl_appraisal_line (
                    appraisal_id, sequence, name, weight, target,
                    description, score, create_uid, write_uid, create_date, write_date)
                SELECT a.id, tl.sequence,
                       COALESCE(tl.name->>%(lang)s, tl.name->>'en_US'),
                       tl.weight,
                       COALESCE(tl.target->>%(lang)s, tl.target->>'en_US'),
                       COALESCE(tl.description->>%(lang)s, tl.description->>'en_US'),
                       0.0, %(uid)s, %(uid)s,
                       NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC'
                  FROM wjl_appraisal a
                  JOIN wjl_appraisal_template_line tl ON tl.template_id = a.template_id
                 WHERE a.id = ANY(%(ids)s)
                 ORDER BY a.id, tl.sequence, tl.id
                """,
                lang=lang,
                uid=self.env.uid,
                ids=self.ids,
            )
        )
        self.invalidate_recordset(["line_ids"])

    # ------------------------------------------------------------------
    # State machine
    # ------------------------------------------------------------------

    def _wjl_set_state(self, state):
        """Move to ``state``; the calling action checked the step and the role."""
        self._wjl_guard_write({"state": state})

    def _wjl_check_role(self, employee=False, appraiser=False):
        if self._wjl_is_hr():
            return
        for appraisal in self:
            if employee and appraisal._wjl_is_employee():
                continue
            if appraiser and appraisal._wjl_is_appraiser():
                continue
            raise AccessError(
                self.env._("You are not allowed to do this on %s.", appraisal.display_name)
            )

    def _wjl_check_state(self, states):
        wrong = self.filtered(lambda a: a.state not in states)
        if wrong:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "The appraisal %(appraisal)s is %(state)s; this step needs it to be "
                    "%(expected)s.",
                    appraisal=wrong[0].display_name,
                    state=labels[wrong[0].state],
                    expected=" / ".join(labels[s] for s in states),
                )
            )

    def action_self_review(self):
        """Open the self-review of the employee."""
        self._wjl_check_state(["draft"])
        self._wjl_check_role(appraiser=True)
        self._wjl_set_state("self_review")
        return True

    def action_submit_self(self):
        """The employee hands the self-assessment to the appraiser."""
        self._wjl_check_state(["self_review"])
        self._wjl_check_role(employee=True, appraiser=True)
        self._wjl_set_state("manager_review")
        return True

    def action_submit_manager(self):
        """The appraiser hands the scored appraisal to HR; a fail calls for an
        interview and an improvement plan (R4.3.4)."""
        self._wjl_check_state(["manager_review"])
        self._wjl_check_role(appraiser=True)
        self._wjl_set_state("hr_review")
        self.filtered(lambda a: a.grade == "fail")._wjl_schedule_fail_activities()
        return True

    def action_done(self):
        """HR closes the appraisal. A fail needs an improvement plan (R4.3.4)."""
        self._wjl_check_state(["hr_review"])
        self._wjl_check_role()
        without_plan = self.filtered(lambda a: a.grade == "fail" and not a.improvement_ids.item_ids)
        if without_plan:
            raise UserError(
                self.env._(
                    "The appraisal %s is graded Fail: hold the performance interview and "
                    "record an improvement plan with at least one item before closing it "
                    "(R4.3.4).",
                    without_plan[0].display_name,
                )
            )
        self._wjl_set_state("done")
        self.activity_ids.action_feedback(feedback=self.env._("Appraisal done."))
        return True

    def action_send_back(self):
        """Return the appraisal one step (appraiser or HR)."""
        previous = {"manager_review": "self_review", "hr_review": "manager_review"}
        self._wjl_check_state(list(previous))
        for appraisal in self:
            if appraisal.state == "hr_review":
                appraisal._wjl_check_role()
            else:
                appraisal._wjl_check_role(appraiser=True)
            appraisal._wjl_set_state(previous[appraisal.state])
        return True

    def action_reset_draft(self):
        self._wjl_check_state(["self_review", "manager_review", "hr_review"])
        self._wjl_check_role()
        self._wjl_set_state("draft")
        return True

    # ------------------------------------------------------------------
    # Activities (R4.3.4)
    # ------------------------------------------------------------------

    def _wjl_hr_user(self):
        self.ensure_one()
        company = self.company_id.sudo()
        return company.wjl_appraisal_hr_user_id or company.wjl_alert_fallback_user_id

    def _wjl_schedule_fail_activities(self):
        """HR and the appraiser get an activity to hold the interview and plan."""
        for appraisal in self:
            users = appraisal.appraiser_id | appraisal._wjl_hr_user()
            for user in users:
                # sudo: the appraiser may not read the HR user's activities; the
                # activity is only assigned, not read back.
                appraisal.sudo().activity_schedule(
                    "wjl_appraisal.mail_activity_type_improvement",
                    summary=self.env._("Performance interview and improvement plan (R4.3.4)"),
                    note=self.env._(
                        "%s is graded Fail: hold the performance interview, analyse the "
                        "causes and record an improvement plan.",
                        appraisal.employee_id.name,
                    ),
                    user_id=user.id,
                )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def action_open_improvements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_appraisal.wjl_appraisal_improvement_action"
        )
        action["domain"] = [("appraisal_id", "=", self.id)]
        action["context"] = {"default_appraisal_id": self.id}
        if len(self.improvement_ids) == 1:
            action["views"] = [(False, "form")]
            action["res_id"] = self.improvement_ids.id
        return action

    def action_print(self):
        return self.env.ref("wjl_appraisal.action_report_wjl_appraisal").report_action(self)
