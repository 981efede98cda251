# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from psycopg2 import errorcodes
from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, mute_logger
from odoo.tools.sql import index_exists

LEVELS = [("info", "Info"), ("warning", "Warning"), ("critical", "Critical")]
LEVEL_RANK = {"info": 0, "warning": 1, "critical": 2}
# at most one open or acknowledged alert per company, kind and source (R6.3.2)
OPEN_ALERT_INDEX = "wjl_alert_open_unique_idx"


def _retry_transaction_error(message):
    """A serialization failure: Odoo retries the request (or cron job) that gets it.

    Built the way Odoo's own HTTP tests build one, with its SQLSTATE, so that
    :func:`odoo.service.model.retrying` recognises and logs it like the database's own.
    """
    error = pg_errors.SerializationFailure(message)
    error.__setstate__({"pgcode": errorcodes.SERIALIZATION_FAILURE})
    return error


class WjlAlert(models.Model):
    """An early-warning signal of the alert centre 预警中心 (R6.3.2, R2.2.6).

    Every rule of the suite raises and resolves its alerts through
    :meth:`raise_alert` and :meth:`resolve_alert`; an alert points at the record
    that caused it and hands follow-up activities to the people who must act.
    Its state and audit trail (who acknowledged or resolved it, and when) change
    only through :meth:`action_acknowledge`, :meth:`action_resolve` and
    :meth:`action_reopen` (R7.2.2).
    """

    _name = "wjl.alert"
    _description = "Alert"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "wjl.required.text.mixin",
        "wjl.field.guard.mixin",
    ]
    _order = "state_rank, level_rank desc, date_last desc, id desc"
    _rec_name = "name"
    _wjl_required_text_fields = ("name",)

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
        readonly=True,
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

    # Who may write what (wjl.field.guard.mixin, R7.2.2): the state and audit trail
    # are set by the actions; what an alert says belongs to the rule that raised
    # it. Staff and heads write nothing but the chatter and activities; the
    # regulation administrators may correct anything.
    _wjl_guard_action_fields = frozenset(
        {
            "state",
            "date_acknowledged",
            "acknowledged_by_id",
            "date_resolved",
            "resolved_by_id",
        }
    )
    _wjl_guard_group_fields = {"wjl_base.group_wjl_admin": "__all__"}
    _wjl_guard_admin_group = "wjl_base.group_wjl_admin"

    _sql_constraints = [
        (
            "res_consistent",
            "CHECK(res_model IS NOT NULL AND res_id IS NOT NULL)",
            "An alert must point at the record that caused it.",
        ),
    ]

    def init(self):
        """At most one open or acknowledged alert per company, kind and source (R6.3.2).

        A partial unique index: Odoo 18's ``_sql_constraints`` only take table
        constraints, which cannot have a ``WHERE``. Duplicates left by older
        versions are resolved first (the most recent one stays open).
        """
        if index_exists(self.env.cr, OPEN_ALERT_INDEX):
            return
        self._resolve_duplicate_open_alerts()
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON wjl_alert "
                "(company_id, kind, res_model, res_id) WHERE state != 'resolved'",
                SQL.identifier(OPEN_ALERT_INDEX),
            )
        )

    def _resolve_duplicate_open_alerts(self):
        """Resolve the older open twins of each alert (databases of older versions)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM (
                    SELECT id, ROW_NUMBER() OVER (
                               PARTITION BY company_id, kind, res_model, res_id
                               ORDER BY date_last DESC NULLS LAST, id DESC) AS rank
                      FROM wjl_alert
                     WHERE state != 'resolved') ranked
                 WHERE rank > 1
                """
            )
        )
        duplicates = self.browse(row[0] for row in self.env.cr.fetchall()).sudo()
        if duplicates:
            duplicates.activity_ids.unlink()
            duplicates.write({"state": "resolved", "date_resolved": fields.Datetime.now()})
            duplicates.flush_recordset()  # before the index is built in SQL

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

    def _wjl_guard_refusal(self, kind, fnames, group=None, records=None):
        labels = self._wjl_guard_labels(fnames)
        if kind == "action":
            return AccessError(
                self.env._(
                    "The status of an alert and who acknowledged or resolved it, and when, "
                    "are recorded by its Acknowledge, Resolve and Reopen buttons (%(fields)s). "
                    "Use these buttons; only regulation administrators can correct them.",
                    fields=labels,
                )
            )
        if kind == "group":
            return AccessError(
                self.env._(
                    "Only regulation administrators can change what an alert says "
                    "(%(fields)s). Acknowledge or resolve it instead.",
                    fields=labels,
                )
            )
        return super()._wjl_guard_refusal(kind, fnames, group=group, records=records)

    # ------------------------------------------------------------------
    # Public API used by every wjl addon
    # ------------------------------------------------------------------

    @api.model
    def raise_alert(self, source, kind, level="warning", message=None, department=None, users=None):
        """Raise (or refresh) the alert of ``kind`` for ``source``.

        While an alert of the same kind is open (or acknowledged) for the same
        source record, it is updated (level, message, responsible users) instead
        of a second one being added; a database index keeps it so under
        concurrency (see :meth:`_create_alerts`). Each responsible user gets one
        follow-up activity: ``users`` when given, else the manager of
        ``department`` (default: the source's ``department_id``), else the
        fallback user of the company's settings.

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
        source = source.browse(list(dict.fromkeys(source.ids)))
        Alert = self.sudo()  # system service, see docstring
        existing = {alert.res_id: alert for alert in Alert._open_alerts(source, kind)}
        users = (users or self.env["res.users"]).sudo()
        now = fields.Datetime.now()
        to_create, to_update, responsible = [], Alert.browse(), {}
        source_names = dict(zip(source.ids, source.sudo().mapped("display_name")))
        for record in source:
            dept = department if department is not None else self._default_department(record)
            dept = (dept or self.env["hr.department"]).sudo()
            record_users = users or self._default_users(dept, record)
            responsible[record.id] = record_users
            alert = existing.get(record.id)
            if alert:
                alert._refresh_alert(level, message, dept, record_users, now)
                to_update |= alert
            else:
                vals = self._new_alert_vals(record, kind, level, dept, record_users, now)
                vals.update(res_name=source_names[record.id], message=message or False)
                vals["name"] = self._default_name(kind, source_names[record.id])
                to_create.append(vals)
        alerts = Alert._create_alerts(to_create) | to_update
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
        alerts = self.sudo()._open_alerts(source, kind)
        alerts._do_resolve()
        return alerts.with_env(self.env)

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    @api.model
    def _open_alerts(self, source, kind):
        return self.search(
            [
                ("res_model", "=", source._name),
                ("res_id", "in", source.ids),
                ("kind", "=", kind),
                ("state", "!=", "resolved"),
            ]
        )

    @api.model
    def _new_alert_vals(self, record, kind, level, department, users, now):
        company = record.company_id if "company_id" in record._fields else False
        return {
            "kind": kind,
            "level": level,
            "res_model": record._name,
            "res_id": record.id,
            "department_id": department.id,
            "user_ids": [fields.Command.set(users.ids)],
            "date_raised": now,
            "date_last": now,
            "company_id": (company and company.id) or self.env.company.id,
        }

    def _refresh_alert(self, level, message, department, users, now):
        """Raised again while open: count it, update it, note an escalation (R6.3.2)."""
        self.ensure_one()
        vals = {
            "level": level,
            "date_last": now,
            "raise_count": self.raise_count + 1,
            "user_ids": [fields.Command.link(u.id) for u in users],
        }
        if message is not None:
            vals["message"] = message
        if department:
            vals["department_id"] = department.id
        if LEVEL_RANK[level] > LEVEL_RANK[self.level]:
            labels = dict(self._fields["level"]._description_selection(self.env))
            self.message_post(
                body=self.env._(
                    "Escalated from %(old)s to %(new)s.",
                    old=labels[self.level],
                    new=labels[level],
                )
            )
        self.write(vals)

    @api.model
    def _create_alerts(self, vals_list):
        """Insert new alerts; the partial unique index keeps them unique (R6.3.2).

        When another transaction raised the same alert after this one began, the
        index refuses the insert once that transaction commits. Its alert is not
        visible to this transaction (repeatable read), so it cannot be updated
        here: the transaction fails with a serialization failure, which Odoo
        retries (JSON-RPC and HTTP requests, cron jobs); the retry finds the
        alert and updates it (``raise_count`` 2).
        """
        Alert = self.with_context(mail_create_nolog=True, tracking_disable=True)
        if not vals_list:
            return Alert.browse()
        try:
            # no savepoint: on a conflict the whole transaction is retried anyway
            with mute_logger("odoo.sql_db"):
                return Alert.create(vals_list)
        except pg_errors.UniqueViolation as exc:
            if exc.diag.constraint_name != OPEN_ALERT_INDEX:
                raise
            raise _retry_transaction_error(
                "wjl.alert: the same alert was raised by a concurrent transaction; retry."
            ) from exc

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

    def _activity_deadline(self, user):
        """The deadline of ``user``'s activity, counted from today where they are (R6.3.2).

        "Today" is the date in the responsible user's time zone, else in the
        company's (its partner's), never the server's or the caller's.
        """
        self.ensure_one()
        tz = user.tz or self.company_id.partner_id.tz or "UTC"
        today = fields.Date.context_today(self.with_context(tz=tz))
        return today + timedelta(days=self.company_id.wjl_alert_deadline_days or 0)

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
        for alert in self:
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
                        "date_deadline": alert._activity_deadline(user),
                    }
                )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)

    def _do_resolve(self):
        """Resolve as the current user and close the activities (call on sudo records)."""
        if not self:
            return
        self.write(
            {
                "state": "resolved",
                "date_resolved": fields.Datetime.now(),
                "resolved_by_id": self.env.uid,
            }
        )
        activities = self.sudo().activity_ids
        if activities:
            activities.action_feedback(feedback=self.env._("Alert resolved."))

    def _check_no_open_twin(self):
        """Reopening must not give a source two open alerts of one kind (R6.3.2)."""
        twins = self.search(
            [
                ("id", "not in", self.ids),
                ("res_model", "in", list(set(self.mapped("res_model")))),
                ("res_id", "in", list(set(self.mapped("res_id")))),
                ("kind", "in", list(set(self.mapped("kind")))),
                ("state", "!=", "resolved"),
            ]
        )
        keys = {(a.company_id, a.kind, a.res_model, a.res_id) for a in twins}
        for alert in self:
            if (alert.company_id, alert.kind, alert.res_model, alert.res_id) in keys:
                raise UserError(
                    self.env._(
                        "%(record)s already has an open alert of this kind. Handle that "
                        "alert instead of reopening this one.",
                        record=alert.res_name or alert.name,
                    )
                )

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------

    def action_acknowledge(self):
        """The current user takes the alert in hand; the server records who and when."""
        self.check_access("write")
        alerts = self.filtered(lambda a: a.state == "open")
        # sudo: the user's right to act on these alerts was checked just above;
        # state and audit fields take server values only (R7.2.2).
        alerts.sudo().write(
            {
                "state": "acknowledged",
                "date_acknowledged": fields.Datetime.now(),
                "acknowledged_by_id": self.env.uid,
            }
        )
        return True

    def action_resolve(self):
        """Resolve and close the follow-up activities; the server records who and when."""
        self.check_access("write")
        if any(alert.state == "resolved" for alert in self):
            raise UserError(self.env._("This alert is already resolved."))
        # sudo: access checked above, see action_acknowledge
        self.sudo()._do_resolve()
        return True

    def action_reopen(self):
        """Reopen a resolved alert (department heads): its users get their activity again."""
        self.check_access("write")
        if not (self.env.su or self.env.user.has_group("wjl_base.group_wjl_manager")):
            raise AccessError(
                self.env._(
                    "Only department heads and regulation administrators can reopen an alert."
                )
            )
        # sudo: access checked above, see action_acknowledge
        alerts = self.filtered(lambda a: a.state == "resolved").sudo()
        alerts._check_no_open_twin()
        alerts.write({"state": "open", "date_resolved": False, "resolved_by_id": False})
        alerts._schedule_alert_activities({alert: alert.user_ids for alert in alerts})
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
