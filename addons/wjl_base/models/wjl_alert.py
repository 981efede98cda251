# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

LEVELS = [("info", "Info"), ("warning", "Warning"), ("critical", "Critical")]
LEVEL_RANK = {"info": 0, "warning": 1, "critical": 2}


class WjlAlert(models.Model):
    """An early-warning signal of the alert centre 预警中心 (R6.3.2, R2.2.6).

    Every rule of the suite raises and resolves its alerts through
    :meth:`raise_alert` and :meth:`resolve_alert`; an alert points at the record
    that caused it and hands follow-up activities to the people who must act.
    """

    _name = "wjl.alert"
    _description = "Alert"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state_rank, level_rank desc, date_last desc, id desc"
    _rec_name = "name"

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Char(
        required=True,
        index=True,
        readonly=True,
        help="Code of the rule that raised the alert, e.g. budget_deviation.",
    )
    level = fields.Selection(LEVELS, required=True, default="warning", tracking=True, index=True)
    level_rank = fields.Integer(compute="_compute_ranks", store=True)
    state = fields.Selection(
        [("open", "Open"), ("acknowledged", "Acknowledged"), ("resolved", "Resolved")],
        required=True,
        default="open",
        tracking=True,
        index=True,
        copy=False,
    )
    state_rank = fields.Integer(compute="_compute_ranks", store=True)
    res_model = fields.Char(string="Source Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source Record ID", model_field="res_model", index=True, readonly=True
    )
    res_name = fields.Char(string="Source", readonly=True)
    res_model_name = fields.Char(string="Source Type", compute="_compute_res_model_name")
    department_id = fields.Many2one("hr.department", index=True, tracking=True)
    user_ids = fields.Many2many(
        "res.users",
        "wjl_alert_res_users_rel",
        "alert_id",
        "user_id",
        string="Responsible Users",
        help="Who must act on the alert.",
    )
    message = fields.Html(sanitize=True)
    date_raised = fields.Datetime(
        string="Raised On", default=fields.Datetime.now, readonly=True, required=True
    )
    date_last = fields.Datetime(
        string="Last Raised On", default=fields.Datetime.now, readonly=True, index=True
    )
    raise_count = fields.Integer(string="Times Raised", default=1, readonly=True)
    date_acknowledged = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    acknowledged_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_resolved = fields.Datetime(string="Resolved On", readonly=True, copy=False)
    resolved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    color = fields.Integer(compute="_compute_color")

    _USER_WRITABLE_FIELDS = frozenset(
        {
            "state",
            "date_acknowledged",
            "acknowledged_by_id",
            "date_resolved",
            "resolved_by_id",
        }
    )

    _sql_constraints = [
        (
            "res_consistent",
            "CHECK(res_model IS NOT NULL AND res_id IS NOT NULL)",
            "An alert must point at the record that caused it.",
        ),
    ]

    @api.depends("level", "state")
    def _compute_ranks(self):
        state_rank = {"open": 0, "acknowledged": 1, "resolved": 2}
        for alert in self:
            alert.level_rank = LEVEL_RANK.get(alert.level, 0)
            alert.state_rank = state_rank.get(alert.state, 0)

    @api.depends("level", "state")
    def _compute_color(self):
        colors = {"info": 4, "warning": 2, "critical": 1}
        for alert in self:
            alert.color = 0 if alert.state == "resolved" else colors.get(alert.level, 0)

    @api.depends("res_model")
    def _compute_res_model_name(self):
        # sudo: only the labels of models are read; users without access to
        # ir.model must still see what kind of record raised their alert.
        names = {
            model.model: model.name
            for model in self.env["ir.model"]
            .sudo()
            .search([("model", "in", list(set(self.mapped("res_model"))))])
        }
        for alert in self:
            alert.res_model_name = names.get(alert.res_model, alert.res_model or "")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    def write(self, vals):
        """Staff and department heads only move an alert through its states.

        What an alert says (level, source, message, people) belongs to the rule that
        raised it and to the regulation administrators (R7.2.2).
        """
        if not self.env.su and not self.env.user.has_group("wjl_base.group_wjl_admin"):
            forbidden = {
                fname
                for fname in vals
                if fname not in self._USER_WRITABLE_FIELDS
                and not fname.startswith(("message_", "activity_"))
            }
            if forbidden:
                raise AccessError(
                    self.env._(
                        "Only regulation administrators can change what an alert says "
                        "(%(fields)s). Acknowledge or resolve it instead.",
                        fields=", ".join(sorted(forbidden)),
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------
    # Public API used by every wjl addon
    # ------------------------------------------------------------------

    @api.model
    def raise_alert(self, source, kind, level="warning", message=None, department=None, users=None):
        """Raise (or refresh) the alert of ``kind`` for ``source``.

        While an alert of the same kind is open (or acknowledged) for the same
        source record, it is updated (level, message, responsible users) instead
        of a second one being added. Each responsible user gets one follow-up
        activity: ``users`` when given, else the manager of ``department``
        (default: the source's ``department_id``), else the fallback user of the
        company's settings.

        The alert centre is a system service: any business rule may raise an
        alert whatever the current user may do on ``wjl.alert``, so the records
        are written as superuser. What the caller may do on ``source`` was already
        checked by the caller's own operation.

        :param source: the record (or records: one alert each) the alert is about
        :param str kind: code of the rule, e.g. ``"budget_deviation"``
        :param str level: ``info``, ``warning`` or ``critical``
        :param message: text or HTML explaining the alert
        :param department: ``hr.department`` responsible for it
        :param users: ``res.users`` who must act
        :return: the raised or updated ``wjl.alert`` records
        """
        if level not in LEVEL_RANK:
            raise UserError(self.env._("Unknown alert level: %s", level))
        if not source:
            return self.browse()
        Alert = self.sudo()  # system service, see docstring
        existing = {
            alert.res_id: alert
            for alert in Alert.search(
                [
                    ("res_model", "=", source._name),
                    ("res_id", "in", source.ids),
                    ("kind", "=", kind),
                    ("state", "!=", "resolved"),
                ]
            )
        }
        users = (users or self.env["res.users"]).sudo()
        now = fields.Datetime.now()
        to_create, to_update = [], self.env["wjl.alert"].sudo()
        responsible = {}
        source_names = dict(zip(source.ids, source.sudo().mapped("display_name")))
        for record in source:
            dept = department if department is not None else self._default_department(record)
            dept = (dept or self.env["hr.department"]).sudo()
            record_users = users or self._default_users(dept, record)
            responsible[record.id] = record_users
            alert = existing.get(record.id)
            if alert:
                vals = {
                    "level": level,
                    "date_last": now,
                    "raise_count": alert.raise_count + 1,
                    "user_ids": [fields.Command.link(u.id) for u in record_users],
                }
                if message is not None:
                    vals["message"] = message
                if dept:
                    vals["department_id"] = dept.id
                if LEVEL_RANK[level] > LEVEL_RANK[alert.level]:
                    alert.message_post(
                        body=self.env._(
                            "Escalated from %(old)s to %(new)s.",
                            old=dict(LEVELS)[alert.level],
                            new=dict(LEVELS)[level],
                        )
                    )
                alert.write(vals)
                to_update |= alert
            else:
                company = record.company_id if "company_id" in record._fields else False
                to_create.append(
                    {
                        "name": self._default_name(kind, source_names[record.id]),
                        "kind": kind,
                        "level": level,
                        "res_model": record._name,
                        "res_id": record.id,
                        "res_name": source_names[record.id],
                        "department_id": dept.id,
                        "user_ids": [fields.Command.set(record_users.ids)],
                        "message": message or False,
                        "date_raised": now,
                        "date_last": now,
                        "company_id": (company and company.id) or self.env.company.id,
                    }
                )
        created = Alert.with_context(mail_create_nolog=True, tracking_disable=True).create(
            to_create
        )
        alerts = created | to_update
        alerts._schedule_alert_activities({a: responsible[a.res_id] for a in alerts})
        return alerts.with_env(self.env)

    @api.model
    def resolve_alert(self, source, kind):
        """Resolve the open alerts of ``kind`` for ``source`` and close their activities.

        Runs as superuser for the same reason as :meth:`raise_alert`.

        :return: the resolved ``wjl.alert`` records (empty when none was open)
        """
        if not source:
            return self.browse()
        alerts = self.sudo().search(
            [
                ("res_model", "=", source._name),
                ("res_id", "in", source.ids),
                ("kind", "=", kind),
                ("state", "!=", "resolved"),
            ]
        )
        alerts._do_resolve()
        return alerts.with_env(self.env)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.model
    def _default_name(self, kind, source_name):
        return f"[{kind}] {source_name}"

    @api.model
    def _default_department(self, record):
        if record._name == "hr.department":
            return record.sudo()
        field = record._fields.get("department_id")
        if field and field.type == "many2one" and field.comodel_name == "hr.department":
            return record.sudo().department_id
        return self.env["hr.department"]

    @api.model
    def _default_users(self, department, record):
        """Department manager's user, else the company's fallback user."""
        users = department.manager_id.user_id
        if not users:
            company = record.company_id if "company_id" in record._fields else False
            company = (company or self.env.company).sudo()
            users = company.wjl_alert_fallback_user_id
        return users

    def _schedule_alert_activities(self, responsible):
        """Give every responsible user one open follow-up activity on the alert.

        :param dict responsible: alert -> res.users
        """
        activity_type = self.env.ref("wjl_base.mail_activity_type_alert", raise_if_not_found=False)
        model_id = self.env["ir.model"]._get_id(self._name)
        already = defaultdict(set)
        for activity in self.activity_ids:
            if activity.activity_type_id == activity_type:
                already[activity.res_id].add(activity.user_id.id)
        vals_list = []
        today = fields.Date.context_today(self)
        for alert in self:
            deadline = today + timedelta(days=alert.company_id.wjl_alert_deadline_days or 0)
            for user in responsible[alert]:
                if user.id in already[alert.id]:
                    continue
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": alert.id,
                        "activity_type_id": activity_type.id if activity_type else False,
                        "summary": alert.name,
                        "user_id": user.id,
                        "date_deadline": deadline,
                    }
                )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)

    def _do_resolve(self):
        if not self:
            return
        self.write(
            {
                "state": "resolved",
                "date_resolved": fields.Datetime.now(),
                "resolved_by_id": self.env.user.id,
            }
        )
        activities = self.sudo().activity_ids
        if activities:
            activities.action_feedback(feedback=self.env._("Alert resolved."))

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def action_acknowledge(self):
        alerts = self.filtered(lambda a: a.state == "open")
        alerts.write(
            {
                "state": "acknowledged",
                "date_acknowledged": fields.Datetime.now(),
                "acknowledged_by_id": self.env.user.id,
            }
        )
        return True

    def action_resolve(self):
        if any(alert.state == "resolved" for alert in self):
            raise UserError(self.env._("This alert is already resolved."))
        self._do_resolve()
        return True

    def action_reopen(self):
        self.filtered(lambda a: a.state == "resolved").write(
            {"state": "open", "date_resolved": False, "resolved_by_id": False}
        )
        return True

    def action_open_source(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise UserError(self.env._("The record that raised this alert no longer exists."))
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "views": [(False, "form")],
            "target": "current",
        }

    @api.model
    def _demo_raise_alerts(self):
        """Demo story: Operations asks each department head to review their duties."""
        departments = self.env["hr.department"].search([("wjl_role", "!=", False)])
        self.raise_alert(
            departments,
            "duty_review",
            level="info",
            message=self.env._(
                "The yearly review of the department duties (R2.2) is due: check that "
                "the duties listed still match the work done."
            ),
        )
        quality = departments.filtered(lambda d: d.wjl_role == "quality")
        self.raise_alert(
            quality,
            "duty_review",
            level="critical",
            message=self.env._("The quality duties were not reviewed last year."),
        )
        done = departments.filtered(lambda d: d.wjl_role == "finance")
        self.resolve_alert(done, "duty_review")
