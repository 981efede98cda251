# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .res_company import GRADES

PERIODS = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("half_year", "Half-year"),
    ("annual", "Annual"),
]
CYCLE_STATES = [
    ("draft", "Draft"),
    ("in_progress", "In Progress"),
    ("calibration", "Calibration"),
    ("closed", "Closed"),
]


class WjlAppraisalCycle(models.Model):
    """An appraisal cycle 考核周期 (R4.3.1): who is appraised, for which period.

    HR officers generate one appraisal per employee in scope (R4.3.2), follow the
    progress, calibrate the grade distribution against the quotas and close it.
    """

    _name = "wjl.appraisal.cycle"
    _description = "Appraisal Cycle"
    _inherit = ["mail.thread", "mail.activity.mixin", "wjl.required.text.mixin"]
    _order = "date_start desc, id desc"
    _wjl_required_text_fields = ("name",)

    name = fields.Char(required=True, tracking=True, translate=False)
    period = fields.Selection(PERIODS, required=True, default="quarterly", tracking=True)
    date_start = fields.Date(required=True, tracking=True)
    date_end = fields.Date(required=True, tracking=True)
    department_ids = fields.Many2many(
        "hr.department",
        "wjl_appraisal_cycle_department_rel",
        "cycle_id",
        "department_id",
        string="Departments",
        help="Employees of these departments are appraised. Leave departments and "
        "employees empty to appraise every employee of the company.",
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        "wjl_appraisal_cycle_employee_rel",
        "cycle_id",
        "employee_id",
        string="Employees",
        help="Employees appraised in addition to those of the departments.",
    )
    state = fields.Selection(
        CYCLE_STATES,
        required=True,
        default="draft",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_group_expand_state",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    appraisal_ids = fields.One2many("wjl.appraisal", "cycle_id", string="Appraisals")
    appraisal_count = fields.Integer(compute="_compute_statistics")
    done_count = fields.Integer(compute="_compute_statistics", string="Done")
    progress = fields.Float(compute="_compute_statistics", string="Progress (%)")
    excellent_count = fields.Integer(compute="_compute_statistics", string="Excellent")
    good_count = fields.Integer(compute="_compute_statistics", string="Good")
    pass_count = fields.Integer(compute="_compute_statistics", string="Pass")
    fail_count = fields.Integer(compute="_compute_statistics", string="Fail")
    bonus_total = fields.Monetary(compute="_compute_statistics", string="Total Bonus")
    quota_warning = fields.Text(
        readonly=True, copy=False, help="Departments over a grade quota at the last check."
    )
    color = fields.Integer()

    _sql_constraints = [
        ("dates_order", "CHECK(date_start <= date_end)", "The cycle must end after it starts."),
    ]

    @api.model
    def _group_expand_state(self, states, domain):
        return [key for key, __ in CYCLE_STATES]

    def _compute_statistics(self):
        counts = defaultdict(lambda: defaultdict(int))
        bonus = defaultdict(float)
        if self.ids:
            for cycle, state, grade, count, amount in self.env["wjl.appraisal"]._read_group(
                [("cycle_id", "in", self.ids)],
                ["cycle_id", "state", "grade"],
                ["__count", "bonus_amount:sum"],
            ):
                counts[cycle.id]["all"] += count
                counts[cycle.id][state] += count
                counts[cycle.id][grade] += count
                bonus[cycle.id] += amount
        for cycle in self:
            stats = counts[cycle.id]
            cycle.appraisal_count = stats["all"]
            cycle.done_count = stats["done"]
            cycle.progress = 100.0 * stats["done"] / stats["all"] if stats["all"] else 0.0
            cycle.excellent_count = stats["excellent"]
            cycle.good_count = stats["good"]
            cycle.pass_count = stats["pass"]
            cycle.fail_count = stats["fail"]
            cycle.bonus_total = bonus[cycle.id]

    # ------------------------------------------------------------------
    # Generation (R4.3.2)
    # ------------------------------------------------------------------

    def _wjl_check_hr(self):
        if not self.env.su and not self.env.user.has_group("wjl_appraisal.group_appraisal_officer"):
            raise AccessError(self.env._("Only HR officers can run appraisal cycles (R2.2.1)."))

    def _wjl_employees_in_scope(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_ids or self.employee_ids:
            domain += [
                "|",
                ("department_id", "in", self.department_ids.ids),
                ("id", "in", self.employee_ids.ids),
            ]
        # Only what generation reads: hr.employee has a hundred columns and a
        # cycle may cover thousands of people.
        return self.env["hr.employee"].search_fetch(
            domain, ["name", "department_id", "job_id", "parent_id"], order="id"
        )

    @api.model
    def _wjl_appraiser(self, employee):
        """The head of the employee's department; a head is appraised by the head of
        the parent department, else by their own manager (R4.3.2)."""
        department = employee.department_id
        head = department.manager_id
        if head and head != employee:
            return head.user_id
        return department.parent_id.manager_id.user_id or employee.parent_id.user_id

    def action_generate(self):
        """Create one appraisal per employee in scope, in one batch (R4.3.2).

        Employees who already have an appraisal in the cycle are skipped, so the
        button can be pressed again after adding people to the scope.
        """
        self._wjl_check_hr()
        vals_list = []
        for cycle in self:
            vals_list += cycle._wjl_appraisal_values()
        appraisals = (
            self.env["wjl.appraisal"]
            .with_context(
                mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
            )
            .create(vals_list)
        )
        appraisals._wjl_copy_template_lines()
        for cycle in self:
            created = len(appraisals.filtered(lambda a, c=cycle: a.cycle_id == c))
            if cycle.state == "draft":
                cycle.state = "in_progress"
            cycle.message_post(
                body=self.env._("%s appraisals generated.", created),
                subtype_xmlid="mail.mt_note",
            )
        return appraisals

    def _wjl_appraisal_values(self):
        """Values of the appraisals to create for the employees in scope without
        one in this cycle, each with the most specific template (R4.3.1)."""
        self.ensure_one()
        if self.state not in ("draft", "in_progress"):
            raise UserError(
                self.env._(
                    "Appraisals can only be generated while cycle %s is in draft or in progress.",
                    self.name,
                )
            )
        Appraisal = self.env["wjl.appraisal"]
        Template = self.env["wjl.appraisal.template"]
        existing = {
            employee.id
            for [employee] in Appraisal._read_group([("cycle_id", "=", self.id)], ["employee_id"])
        }
        employees = self._wjl_employees_in_scope().filtered(lambda e: e.id not in existing)
        index = Template._wjl_template_index(self.company_id)
        bonus_bases = self._wjl_bonus_bases(employees)
        unscored = Appraisal._wjl_unscored_values()
        vals_list, missing = [], []
        for employee in employees:
            template = Template._wjl_match(index, employee.department_id, employee.job_id)
            if not template:
                missing.append(employee)
                continue
            vals_list.append(
                {
                    "cycle_id": self.id,
                    "employee_id": employee.id,
                    "department_id": employee.department_id.id,
                    "job_id": employee.job_id.id,
                    "company_id": self.company_id.id,
                    "template_id": template.id,
                    "appraiser_id": self._wjl_appraiser(employee).id,
                    "bonus_base": bonus_bases[employee.id],
                    **unscored,
                }
            )
        if missing:
            raise UserError(
                self.env._(
                    "No indicator template matches these employees: %(names)s. Create "
                    "a template for their department or job position, or a general "
                    "one (R4.3.1).",
                    names=", ".join(e.name for e in missing[:20])
                    + (" …" if len(missing) > 20 else ""),
                )
            )
        return vals_list

    def _wjl_bonus_bases(self, employees):
        """{employee id: bonus base}, the company's default where an employee has none."""
        self.ensure_one()
        default_base = self.company_id.wjl_appraisal_bonus_base
        # sudo: the bonus base is an HR-only field of the employee; an appraisal
        # officer without HR rights still generates the cycle with it.
        employees_sudo = employees.sudo()
        employees_sudo.fetch(["wjl_appraisal_bonus_base"])
        return {
            employee.id: employee.wjl_appraisal_bonus_base or default_base
            for employee in employees_sudo
        }

    # ------------------------------------------------------------------
    # State machine
    # ------------------------------------------------------------------

    def action_open_self_review(self):
        """Send the draft appraisals of the cycle to the employees' self-review."""
        self._wjl_check_hr()
        self.appraisal_ids.filtered(lambda a: a.state == "draft").action_self_review()
        return True

    def action_calibration(self):
        """Calibrate the grade distribution: every appraisal is with HR (R4.3.2)."""
        self._wjl_check_hr()
        for cycle in self:
            if cycle.state != "in_progress":
                raise UserError(self.env._("Only a cycle in progress goes to calibration."))
            pending = cycle.appraisal_ids.filtered(lambda a: a.state not in ("hr_review", "done"))
            if pending:
                raise UserError(
                    self.env._(
                        "%(count)s appraisals of %(cycle)s are not yet with HR, e.g. " "%(names)s.",
                        count=len(pending),
                        cycle=cycle.name,
                        names=", ".join(pending[:5].mapped("employee_id.name")),
                    )
                )
        self._wjl_check_quotas()
        self.write({"state": "calibration"})
        return True

    def action_close(self):
        """Close the cycle once every appraisal is done; quotas checked again."""
        self._wjl_check_hr()
        for cycle in self:
            if cycle.state != "calibration":
                raise UserError(self.env._("Only a cycle in calibration can be closed."))
            pending = cycle.appraisal_ids.filtered(lambda a: a.state != "done")
            if pending:
                raise UserError(
                    self.env._(
                        "%(count)s appraisals of %(cycle)s are not done yet, e.g. %(names)s.",
                        count=len(pending),
                        cycle=cycle.name,
                        names=", ".join(pending[:5].mapped("employee_id.name")),
                    )
                )
        self._wjl_check_quotas()
        self.write({"state": "closed"})
        return True

    def action_back_in_progress(self):
        self._wjl_check_hr()
        if any(cycle.state != "calibration" for cycle in self):
            raise UserError(self.env._("Only a cycle in calibration can go back."))
        self.write({"state": "in_progress"})
        return True

    # ------------------------------------------------------------------
    # Quotas (R4.3.2)
    # ------------------------------------------------------------------

    def _wjl_quota_violations(self):
        """{cycle: [text, ...]} of the departments over a grade quota."""
        violations = defaultdict(list)
        quotas = self.env["wjl.appraisal.quota"].search([("company_id", "in", self.company_id.ids)])
        if not quotas:
            return violations
        limits = {(q.company_id.id, q.department_id.id, q.grade): q.max_percent for q in quotas}
        grades = dict(GRADES)
        grade_labels = dict(
            self.env["wjl.appraisal"]._fields["grade"]._description_selection(self.env)
        )
        totals = defaultdict(int)
        per_grade = defaultdict(int)
        for cycle, department, grade, count in self.env["wjl.appraisal"]._read_group(
            [("cycle_id", "in", self.ids)], ["cycle_id", "department_id", "grade"], ["__count"]
        ):
            totals[cycle, department] += count
            if grade:
                per_grade[cycle, department, grade] += count
        for (cycle, department, grade), count in sorted(
            per_grade.items(), key=lambda item: (item[0][0].id, item[0][1].name or "", item[0][2])
        ):
            company_id = cycle.company_id.id
            limit = limits.get((company_id, department.id, grade))
            if limit is None:
                limit = limits.get((company_id, False, grade))
            if limit is None or grade not in grades:
                continue
            total = totals[cycle, department]
            percent = 100.0 * count / total
            if percent > limit + 1e-6:
                violations[cycle].append(
                    self.env._(
                        "%(department)s: %(grade)s %(count)s of %(total)s (%(percent)s %%) "
                        "exceeds %(limit)s %%",
                        department=department.name or self.env._("No department"),
                        grade=grade_labels[grade],
                        count=count,
                        total=total,
                        percent=round(percent, 1),
                        limit=round(limit, 2),
                    )
                )
        return violations

    def _wjl_check_quotas(self):
        """Enforce or warn about the grade quotas, per the company's settings."""
        violations = self._wjl_quota_violations()
        for cycle in self:
            lines = violations.get(cycle)
            if not lines:
                cycle.quota_warning = False
                continue
            if cycle.company_id.wjl_appraisal_quota_mode == "enforce":
                raise UserError(
                    self.env._(
                        "The grade distribution of %(cycle)s exceeds the quotas:\n%(lines)s\n"
                        "Calibrate the grades of these departments first.",
                        cycle=cycle.name,
                        lines="\n".join(lines),
                    )
                )
            cycle.quota_warning = "\n".join(lines)
            cycle.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._("Grade quotas exceeded:"),
                    Markup().join(Markup("<li>%s</li>") % line for line in lines),
                ),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------------
    # Bonus sheet (R4.3.3)
    # ------------------------------------------------------------------

    def action_open_appraisals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("wjl_appraisal.wjl_appraisal_action")
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {"search_default_group_by_state": 1}
        return action

    def action_export_bonus_sheet(self):
        """The bonus sheet for Finance (R4.3.3), the report of the Print menu."""
        self._wjl_check_hr()
        return self.env.ref("wjl_appraisal.action_report_bonus_sheet_xlsx").report_action(self)
