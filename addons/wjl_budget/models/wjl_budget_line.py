# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare

from .wjl_budget_amount_mixin import MAX_AMOUNT, check_amount

# Fields of other models the actual and committed amounts are computed from, in SQL:
# flushed before those queries and declared as dependencies of the analysis view.
AMOUNT_SOURCE_FIELDS = {
    "account.move.line": [
        "parent_state",
        "account_id",
        "date",
        "analytic_distribution",
        "balance",
        "debit",
        "credit",
        "company_id",
        "journal_id",
        "purchase_line_id",
        "quantity",
    ],
    "purchase.order.line": [
        "wjl_account_id",
        "price_subtotal",
        "product_qty",
        "analytic_distribution",
        "order_id",
        "display_type",
        "company_id",
    ],
    "purchase.order": ["state", "date_order", "currency_rate", "company_id"],
}


class WjlBudgetLine(models.Model):
    """One month of one budget item for one department (R5.1.2).

    Money is attributed to a department through the analytic distribution: a
    journal item counts for the line when its account is one of the item's
    accounts, its date is in the line's month and its analytic distribution
    includes the department's analytic account, weighted by that percentage.
    Actual and committed amounts are computed for any number of lines at once
    by :meth:`_fetch_amounts` in one SQL query.
    """

    _name = "wjl.budget.line"
    _inherit = ["wjl.budget.amount.mixin"]
    _description = "Budget Line"
    _order = "budget_id, department_id, item_id, date_from, id"
    _rec_names_search = ["department_id", "item_id", "budget_id"]

    # What may still change on the line of an approved budget.
    _LOCKED_WRITABLE_FIELDS = {"deviation_explanation", "date_deviation_check"}
    # What department heads may write on their department's lines (R5.1.3).
    _MANAGER_WRITABLE_FIELDS = {"deviation_explanation"}
    _PIVOT_MAX_MONTHS = 36
    _wjl_amount_fields = ("amount_planned",)
    # fund budget (R5.3): movements of the bank and cash journals of fund items
    _FUND_CTES = """
            fund_accounts AS (
                SELECT l.id AS line_id, j.id AS journal_id, j.default_account_id AS account_id
                  FROM lines l
                  JOIN wjl_budget_item_journal_rel jrel ON jrel.item_id = l.item_id
                  JOIN account_journal j ON j.id = jrel.journal_id
                 WHERE l.category = 'fund' AND j.default_account_id IS NOT NULL
                 UNION
                SELECT l.id, pml.journal_id, pml.payment_account_id
                  FROM lines l
                  JOIN wjl_budget_item_journal_rel jrel ON jrel.item_id = l.item_id
                  JOIN account_payment_method_line pml ON pml.journal_id = jrel.journal_id
                 WHERE l.category = 'fund' AND pml.payment_account_id IS NOT NULL
            ),
            fund_actual AS (
                SELECT l.id AS line_id,
                       SUM(CASE WHEN l.fund_direction = 'in' THEN aml.debit
                                ELSE aml.credit END) AS amount
                  FROM lines l
                  JOIN fund_accounts fa ON fa.line_id = l.id
                  JOIN account_move_line aml
                    ON aml.journal_id = fa.journal_id
                   AND aml.account_id = fa.account_id
                   AND aml.company_id = l.company_id
                   AND aml.parent_state = 'posted'
                   AND aml.date >= l.date_from
                   AND aml.date <= l.date_to
              GROUP BY l.id
            ),
"""
    _AMOUNT_FIELDS = [
        "amount_actual",
        "amount_committed",
        "amount_available",
        "execution_rate",
        "variance",
        "variance_pct",
    ]  # in the order of _amount_values()

    budget_id = fields.Many2one("wjl.budget", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(
        related="budget_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        related="budget_id.state", store=True, index=True, string="Budget State"
    )
    department_id = fields.Many2one("hr.department", required=True, index=True, ondelete="restrict")
    analytic_account_id = fields.Many2one(
        related="department_id.wjl_analytic_account_id",
        store=True,
        index=True,
        string="Analytic Account",
    )
    item_id = fields.Many2one(
        "wjl.budget.item", string="Budget Item", required=True, index=True, ondelete="restrict"
    )
    category = fields.Selection(related="item_id.category", store=True, index=True)
    date_from = fields.Date(string="Start Date", required=True, index=True)
    date_to = fields.Date(string="End Date", required=True, index=True)
    period_label = fields.Char(string="Period", compute="_compute_period_label")
    amount_planned = fields.Monetary(
        string="Planned",
        help="Planned amount as allocated and approved (预算数, R5.1.2).",
    )
    adjustment_in_ids = fields.One2many(
        "wjl.budget.adjustment", "line_to_id", string="Adjustments In"
    )
    adjustment_out_ids = fields.One2many(
        "wjl.budget.adjustment", "line_from_id", string="Adjustments Out"
    )
    amount_adjustment = fields.Monetary(
        string="Adjustment",
        compute="_compute_amount_adjusted",
        store=True,
        help="Sum of the approved budget adjustments of the line (R5.1.3).",
    )
    amount_adjusted = fields.Monetary(
        string="Adjusted",
        compute="_compute_amount_adjusted",
        store=True,
        help="Planned amount after the approved adjustments.",
    )
    amount_actual = fields.Monetary(
        string="Actual",
        compute="_compute_amounts",
        help="Posted journal items of the item's accounts attributed to the "
        "department by their analytic distribution (实际数).",
    )
    amount_committed = fields.Monetary(
        string="Committed",
        compute="_compute_amounts",
        help="Confirmed purchase order lines not billed yet (已占用).",
    )
    amount_available = fields.Monetary(
        string="Available",
        compute="_compute_amounts",
        help="Adjusted planned amount minus actual and committed amounts (可用余额).",
    )
    execution_rate = fields.Float(
        string="Execution (%)", compute="_compute_amounts", aggregator="avg"
    )
    variance = fields.Monetary(compute="_compute_amounts")
    variance_pct = fields.Float(string="Variance (%)", compute="_compute_amounts", aggregator="avg")
    deviation_explanation = fields.Text(
        help="The department head explains the deviation of the month (R5.1.3); shown "
        "in the dashboard and the year-end evaluation.",
    )
    date_deviation_check = fields.Date(string="Deviation Checked On", readonly=True, copy=False)

    _sql_constraints = [
        (
            "line_uniq",
            "unique(budget_id, department_id, item_id, date_from)",
            "A budget has one line per department, item and month.",
        ),
    ]

    @api.constrains("date_from", "date_to", "budget_id")
    def _check_period(self):
        for line in self:
            if line.date_from.day != 1 or line.date_to != line.date_from + relativedelta(day=31):
                raise ValidationError(
                    self.env._("A budget line covers exactly one calendar month.")
                )
            budget = line.budget_id
            if line.date_from < budget.date_from or line.date_to > budget.date_to:
                raise ValidationError(
                    self.env._(
                        "The month %(month)s is outside the budget %(budget)s.",
                        month=line.period_label,
                        budget=budget.name,
                    )
                )

    @api.constrains("amount_planned", "amount_adjusted")
    def _check_amounts(self):
        """Planned and adjusted amounts stay between 0 and MAX_AMOUNT (R5.1.2, R5.1.3).

        Checked whenever the adjusted amount is recomputed too: an approved
        decrease or transfer never leaves a line below zero, whatever path
        approves it.
        """
        for line in self:
            label = self._fields["amount_planned"]._description_string(self.env)
            check_amount(self.env, line.amount_planned, label)
            if line.amount_adjusted < 0 or line.amount_adjusted > MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "The adjustments of %(line)s would bring it to %(amount)s: a budget "
                        "line stays between 0 and %(maximum)s. Decrease it by at most its "
                        "adjusted amount (R5.1.3).",
                        line=line.display_name,
                        amount=line.currency_id.format(line.amount_adjusted),
                        maximum=line.currency_id.format(MAX_AMOUNT),
                    )
                )

    @api.depends("date_from")
    def _compute_period_label(self):
        for line in self:
            line.period_label = line.date_from and line.date_from.strftime("%Y-%m") or ""

    @api.depends("budget_id", "department_id", "item_id", "date_from")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " / ".join(
                part
                for part in (
                    line.budget_id.name,
                    line.department_id.name,
                    line.item_id.name,
                    line.period_label,
                )
                if part
            )

    @api.depends(
        "amount_planned",
        "adjustment_in_ids.state",
        "adjustment_in_ids.amount",
        "adjustment_out_ids.state",
        "adjustment_out_ids.amount",
    )
    def _compute_amount_adjusted(self):
        for line in self:
            adjustment = sum(
                adj.amount for adj in line.adjustment_in_ids if adj.state == "approved"
            ) - sum(adj.amount for adj in line.adjustment_out_ids if adj.state == "approved")
            line.amount_adjustment = adjustment
            line.amount_adjusted = line.amount_planned + adjustment

    def _refresh_amounts(self):
        """Recompute the actual, committed and available amounts now, in one batch."""
        self.invalidate_recordset(self._AMOUNT_FIELDS)
        self.mapped("amount_available")
        return self

    def _compute_amounts(self):
        # Odoo computes non-stored fields by batches of up to 1,000 records: each
        # batch costs the two queries of _fetch_amounts().
        amounts = self._fetch_amounts()
        columns = zip(
            *(
                self._amount_values(*(amounts.get(line.id) or (0.0, 0.0, line.amount_adjusted)))
                for line in self
            )
        )
        # plain cache values: the currency rounding is for display only, and
        # skipping it spares reading the company and currency of every line
        for fname, values in zip(self._AMOUNT_FIELDS, columns):
            self.env.cache.update(self, self._fields[fname], values)

    @api.model
    def _amount_values(self, actual, committed, adjusted):
        """Values of :attr:`_AMOUNT_FIELDS` from the line's three amounts."""
        return (
            actual,
            committed,
            adjusted - actual - committed,
            actual / adjusted * 100.0 if adjusted else 0.0,
            actual - adjusted,
            (actual - adjusted) / adjusted * 100.0 if adjusted else 0.0,
        )

    # ------------------------------------------------------------------
    # SQL
    # ------------------------------------------------------------------

    @api.model
    def _sql_amounts(self, line_filter, scope=None, with_fund=True):
        """SQL yielding ``(line_id, actual, committed)`` of the lines matching ``line_filter``.

        One statement for any number of lines: the posted journal items are first
        aggregated by company, account, month and analytic account (each key of the
        JSON analytic distribution, weighted by its percentage), then matched to
        the lines. Fund lines take the cash movements of their journals (R5.3);
        committed amounts are the unbilled part of confirmed purchase lines (R5.2).

        :param SQL line_filter: condition on ``bl`` (``wjl_budget_line``)
        :param tuple scope: (account ids, first date, last date) of the journal
            items to read; given as values, they let PostgreSQL estimate the
            aggregation well. By default derived from the lines in the query.
        :param bool with_fund: whether fund lines may be among the lines (their
            part of the statement is left out otherwise, for a lighter plan)
        """
        if scope:
            account_ids, date_from, date_to = scope
            scope_sql = SQL(
                "SELECT %s::int[] AS account_ids, %s::date AS date_from, %s::date AS date_to",
                account_ids,
                date_from,
                date_to,
            )
            months = []
            month = date_from.replace(day=1)
            while month <= date_to and len(months) <= self._PIVOT_MAX_MONTHS:
                months.append(month)
                month += relativedelta(months=1)
        else:
            months = []
        if 0 < len(months) <= self._PIVOT_MAX_MONTHS:
            # Known months: one row per (account, distribution) with one sum per
            # month. PostgreSQL estimates this grouping well and aggregates the
            # journal items in parallel.
            raw_actual = SQL(
                """
                SELECT pivot.company_id, pivot.account_id, month.month,
                       pivot.distribution, month.balance
                  FROM (
                      SELECT aml.company_id, aml.account_id,
                             aml.analytic_distribution AS distribution,
                             ARRAY[%(sums)s] AS balances
                        FROM account_move_line aml
                       WHERE aml.parent_state = 'posted'
                         AND aml.account_id = ANY(%(account_ids)s)
                         AND aml.date >= %(date_from)s
                         AND aml.date <= %(date_to)s
                         AND aml.analytic_distribution IS NOT NULL
                    GROUP BY 1, 2, 3
                  ) AS pivot
                 CROSS JOIN LATERAL unnest(%(months)s::date[], pivot.balances)
                       AS month(month, balance)
                 WHERE month.balance IS NOT NULL
                """,
                sums=SQL(", ").join(
                    SQL(
                        "SUM(aml.balance) FILTER (WHERE aml.date >= %s AND aml.date <= %s)",
                        month,
                        month + relativedelta(day=31),
                    )
                    for month in months
                ),
                account_ids=scope[0],
                date_from=scope[1],
                date_to=scope[2],
                months=months,
            )
        else:
            # Group the journal items by the distribution itself: the JSON is
            # then read once per distinct distribution and day.
            raw_actual = SQL(
                """
                SELECT company_id, account_id, date_trunc('month', date)::date AS month,
                       distribution, SUM(balance) AS balance
                  FROM (
                      SELECT aml.company_id, aml.account_id, aml.date,
                             aml.analytic_distribution AS distribution,
                             SUM(aml.balance) AS balance
                        FROM scope, account_move_line aml
                       WHERE aml.parent_state = 'posted'
                         AND aml.account_id = ANY(scope.account_ids)
                         AND aml.date >= scope.date_from
                         AND aml.date <= scope.date_to
                         AND aml.analytic_distribution IS NOT NULL
                    GROUP BY 1, 2, 3, 4
                  ) AS raw_day
              GROUP BY 1, 2, 3, 4
                """
            )
        if not scope:
            scope_sql = SQL(
                """
                SELECT ARRAY_AGG(DISTINCT account_id) AS account_ids,
                       MIN(date_from) AS date_from, MAX(date_to) AS date_to
                  FROM line_accounts
                """
            )
        return SQL(
            r"""
            WITH lines AS (
                SELECT bl.id, bl.item_id, bl.analytic_account_id, bl.company_id,
                       bl.date_from, bl.date_to, it.category, it.fund_direction
                  FROM wjl_budget_line bl
                  JOIN wjl_budget_item it ON it.id = bl.item_id
                 WHERE %(line_filter)s
            ),
            line_accounts AS (
                SELECT l.id AS line_id, l.analytic_account_id, l.company_id,
                       l.date_from, l.date_to, l.category, rel.account_id
                  FROM lines l
                  JOIN wjl_budget_item_account_rel rel ON rel.item_id = l.item_id
                 WHERE l.category != 'fund' AND l.analytic_account_id IS NOT NULL
            ),
            scope AS (%(scope)s),
            raw_actual AS MATERIALIZED (
                -- has_combo: a key combines accounts of several plans ("12,57")
                SELECT raw_rows.*,
                       EXISTS(SELECT 1 FROM jsonb_object_keys(raw_rows.distribution) AS k
                               WHERE position(',' IN k) > 0) AS has_combo
                  FROM (%(raw_actual)s) AS raw_rows
            ),
            actual AS (
                -- the line's share of each distribution: the percentages of the
                -- keys naming its analytic account (keys may combine accounts of
                -- several plans, e.g. "12,57")
                SELECT la.line_id,
                       SUM(
                           raw.balance
                           * CASE WHEN la.category = 'income' THEN -1 ELSE 1 END
                           * %(raw_share)s
                           / 100.0
                       ) AS amount
                  FROM line_accounts la
                  JOIN raw_actual raw
                    ON raw.company_id = la.company_id
                   AND raw.account_id = la.account_id
                   AND raw.month >= la.date_from
                   AND raw.month <= la.date_to
              GROUP BY la.line_id
            ),
%(fund_ctes)s            committed AS (%(committed)s)
            SELECT l.id,
                   COALESCE(actual.amount, 0) + %(fund_amount)s,
                   COALESCE(committed.amount, 0)
              FROM lines l
         LEFT JOIN actual ON actual.line_id = l.id
         %(fund_join)s
         LEFT JOIN committed ON committed.line_id = l.id
            """,
            line_filter=line_filter,
            scope=scope_sql,
            raw_actual=raw_actual,
            fund_ctes=SQL(self._FUND_CTES) if with_fund else SQL(),
            fund_join=SQL("LEFT JOIN fund_actual ON fund_actual.line_id = l.id")
            if with_fund
            else SQL(),
            fund_amount=SQL("COALESCE(fund_actual.amount, 0)") if with_fund else SQL("0"),
            committed=self._sql_committed(),
            raw_share=SQL(
                """(CASE WHEN raw.has_combo THEN %s
                        ELSE COALESCE(
                            (raw.distribution ->> la.analytic_account_id::text)::numeric, 0)
                   END)""",
                self._sql_share(SQL("raw.distribution")),
            ),
        )

    @api.model
    def _sql_share(self, distribution):
        """SQL: percentage of ``distribution`` (JSON) going to ``la.analytic_account_id``.

        Keys may combine the accounts of several plans (``"12,57"``).
        """
        return SQL(
            """(SELECT COALESCE(SUM(dist.value::numeric), 0)
                  FROM jsonb_each_text(%s) AS dist(key, value)
                 WHERE la.analytic_account_id::text = ANY(string_to_array(dist.key, ',')))""",
            distribution,
        )

    @api.model
    def _sql_committed(self):
        """SQL: committed amount per line of the ``line_accounts`` CTE (R5.2).

        The unbilled part (quantity not on a posted vendor bill) of confirmed
        purchase order lines on the lines' accounts, ordered in the lines'
        periods, in company currency, weighted by the analytic distribution.
        """
        return SQL(
            """
            SELECT la.line_id,
                   SUM(
                       pol.price_subtotal / COALESCE(NULLIF(po.currency_rate, 0), 1)
                       * GREATEST(pol.product_qty - COALESCE(billed.quantity, 0), 0)
                       / pol.product_qty
                       * %(share)s / 100.0
                   ) AS amount
              FROM line_accounts la
              JOIN purchase_order_line pol
                ON pol.wjl_account_id = la.account_id
               AND pol.company_id = la.company_id
               AND pol.product_qty > 0
               AND pol.analytic_distribution IS NOT NULL
              JOIN purchase_order po
                ON po.id = pol.order_id
               AND po.state IN ('purchase', 'done')
               AND po.date_order::date >= la.date_from
               AND po.date_order::date <= la.date_to
              LEFT JOIN LATERAL (
                  SELECT SUM(CASE WHEN am.move_type = 'in_refund' THEN -bill.quantity
                                  ELSE bill.quantity END) AS quantity
                    FROM account_move_line bill
                    JOIN account_move am ON am.id = bill.move_id
                   WHERE bill.purchase_line_id = pol.id
                     AND bill.parent_state = 'posted'
                     AND bill.display_type = 'product'
              ) AS billed ON TRUE
          GROUP BY la.line_id
            """,
            share=self._sql_share(SQL("pol.analytic_distribution")),
        )

    @api.model
    def _flush_amount_sources(self):
        """Flush what the amount queries read in other models (AMOUNT_SOURCE_FIELDS)."""
        for model, fnames in AMOUNT_SOURCE_FIELDS.items():
            self.env[model].flush_model(fnames)

    def _fetch_amounts(self):
        """Actual and committed amounts of all lines in ``self``.

        Two queries whatever the number of lines and journal items: one scopes
        the journal items to read (accounts, dates), one computes the amounts.

        :return: dict line id -> (actual, committed, adjusted planned amount)
        """
        ids = [line_id for line_id in self.ids if line_id]
        if not ids:
            return {}
        self._flush_amount_sources()
        self.flush_model()
        self.env["wjl.budget.item"].flush_model()
        line_filter = SQL("bl.id IN (SELECT unnest(%s::int[]))", ids)
        # the journal items to read, as values for a good query plan
        self.env.cr.execute(
            SQL(
                """
                SELECT ARRAY_AGG(DISTINCT rel.account_id), MIN(bl.date_from), MAX(bl.date_to),
                       BOOL_OR(it.category = 'fund')
                  FROM wjl_budget_line bl
                  JOIN wjl_budget_item it ON it.id = bl.item_id
             LEFT JOIN wjl_budget_item_account_rel rel ON rel.item_id = bl.item_id
                 WHERE %s
                """,
                line_filter,
            )
        )
        account_ids, date_from, date_to, with_fund = self.env.cr.fetchone()
        account_ids = [account_id for account_id in account_ids or [] if account_id]
        scope = (account_ids, date_from, date_to) if account_ids else None
        self.env.cr.execute(
            SQL(
                """
                SELECT amounts.line_id, amounts.actual, amounts.committed, bl.amount_adjusted
                  FROM (%s) AS amounts (line_id, actual, committed)
                  JOIN wjl_budget_line bl ON bl.id = amounts.line_id
                """,
                self._sql_amounts(line_filter, scope=scope, with_fund=bool(with_fund)),
            )
        )
        return {
            line_id: (float(actual or 0.0), float(committed or 0.0), float(adjusted or 0.0))
            for line_id, actual, committed, adjusted in self.env.cr.fetchall()
        }

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        budgets = self.env["wjl.budget"].browse(
            {vals["budget_id"] for vals in vals_list if vals.get("budget_id")}
        )
        if any(budget.state != "draft" for budget in budgets):
            raise UserError(
                self.env._(
                    "Lines can only be added to draft budgets; an approved budget "
                    "changes through adjustments (R5.1.3)."
                )
            )
        departments = self.env["hr.department"].browse(
            {vals["department_id"] for vals in vals_list if vals.get("department_id")}
        )
        # The department's analytic account is how money is attributed to it; it
        # is created by the system on first use, whatever HR/analytic rights the
        # budget manager has (they may already create budget lines).
        departments.sudo()._wjl_ensure_analytic_account()
        return super().create(vals_list)

    def write(self, vals):
        self.check_access("write")
        if not self.env.su and not self.env.user.has_group("wjl_budget.group_budget_manager"):
            forbidden = set(vals) - self._MANAGER_WRITABLE_FIELDS
            if forbidden:
                raise AccessError(
                    self.env._(
                        "Department heads may only explain the deviation of their "
                        "budget lines; ask Finance for an adjustment instead (R5.1.3)."
                    )
                )
        if set(vals) - self._LOCKED_WRITABLE_FIELDS and any(
            line.budget_id.state != "draft" for line in self
        ):
            raise UserError(
                self.env._(
                    "The budget is no longer a draft, its lines are read-only. "
                    "Request a budget adjustment instead (R5.1.3)."
                )
            )
        if vals.get("department_id"):
            # system step, see create()
            department = self.env["hr.department"].browse(vals["department_id"])
            department.sudo()._wjl_ensure_analytic_account()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(line.budget_id.state != "draft" for line in self):
            raise UserError(self.env._("Lines of a budget that is not a draft cannot be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_request_adjustment(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_budget.wjl_budget_adjustment_action"
        )
        action.update(
            {
                "views": [(False, "form")],
                "view_mode": "form",
                "target": "new",
                "context": {
                    "default_budget_id": self.budget_id.id,
                    "default_adjustment_type": "increase",
                    "default_line_to_id": self.id,
                },
            }
        )
        return action

    def action_open_journal_items(self):
        """The journal items behind the actual amount of the line."""
        self.ensure_one()
        domain = [
            ("parent_state", "=", "posted"),
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("company_id", "=", self.company_id.id),
        ]
        if self.category == "fund":
            domain.append(("journal_id", "in", self.item_id.journal_ids.ids))
        else:
            domain += [
                ("account_id", "in", self.item_id.account_ids.ids),
                ("analytic_distribution", "in", self.analytic_account_id.ids),
            ]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Journal Items"),
            "res_model": "account.move.line",
            "views": [(False, "list"), (False, "form")],
            "domain": domain,
            "context": {"create": False},
        }

    # ------------------------------------------------------------------
    # Monitoring (R5.1.3)
    # ------------------------------------------------------------------

    def _is_deviating(self, threshold):
        """Whether the line's execution deviates from its plan beyond ``threshold`` %."""
        self.ensure_one()
        if float_compare(self.amount_adjusted, 0.0, precision_digits=2) == 0:
            return float_compare(self.amount_actual, 0.0, precision_digits=2) != 0
        return abs(self.variance_pct) > threshold

    def _check_deviation(self):
        """Raise or resolve the ``budget_deviation`` alert of each line (R5.1.3).

        Computes every line in one batch, then raises one alert call per
        department (the department head and the Finance head are responsible).
        """
        Alert = self.env["wjl.alert"]
        self._refresh_amounts()
        deviating = defaultdict(lambda: self.browse())
        within = self.browse()
        for line in self:
            threshold = line.company_id.wjl_budget_deviation_threshold
            if line._is_deviating(threshold):
                deviating[line.department_id] |= line
            else:
                within |= line
        if within:
            Alert.resolve_alert(within, "budget_deviation")
        finance = self.env["hr.department"].sudo()._wjl_find_by_role("finance")
        finance_users = finance.manager_id.user_id
        for department, lines in deviating.items():
            users = department.sudo().manager_id.user_id | finance_users
            for line in lines:
                Alert.raise_alert(
                    line,
                    "budget_deviation",
                    level="warning",
                    message=line._deviation_message(),
                    department=department,
                    users=users or None,
                )
        self.write({"date_deviation_check": fields.Date.context_today(self)})
        return deviating

    def _deviation_message(self):
        self.ensure_one()
        return self.env._(
            "%(line)s: actual %(actual)s against an adjusted plan of %(planned)s "
            "(variance %(variance)s %%). The department head records the explanation "
            "on the budget line (R5.1.3).",
            line=self.display_name,
            actual=self.currency_id.format(self.amount_actual),
            planned=self.currency_id.format(self.amount_adjusted),
            variance=round(self.variance_pct, 1),
        )

    @api.model
    def _cron_check_deviation(self, batch_size=500):
        """Monthly check of the completed months of approved budgets, in batches."""
        today = fields.Date.context_today(self)
        domain = [
            ("state", "=", "approved"),
            ("date_to", "<", today),
            "|",
            ("date_deviation_check", "=", False),
            ("date_deviation_check", "<", today),
        ]
        lines = self.search(domain, limit=batch_size, order="id")
        lines._check_deviation()
        remaining = self.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(lines), remaining=remaining)
        return lines

    # ------------------------------------------------------------------
    # Concurrency (R5.2)
    # ------------------------------------------------------------------

    def _lock_for_control(self):
        """Serialize the budget checks of these lines until the transaction ends (R5.2).

        Transaction-level advisory locks, taken in id order: a concurrent check of
        the same lines waits for this transaction to end instead of failing with a
        serialization error and sleeping through Odoo's retries (measured by the
        load check, bench/README.md). The snapshot of a transaction that waited
        predates the commit it waited for: checks made under the lock compare
        their figures with :meth:`_fetch_committed_amounts`.
        """
        ids = sorted(set(self.ids))
        if not ids:
            return
        self.env.cr.execute(
            SQL(
                """
                SELECT pg_advisory_xact_lock(%s::regclass::oid::int, locked.id)
                  FROM (SELECT id FROM unnest(%s::int[]) AS id ORDER BY id) AS locked
                """,
                self._table,
                ids,
            )
        )

    def _fetch_committed_amounts(self):
        """Latest committed ``(actual, committed, adjusted)`` of these lines.

        Read in a transaction of its own, which sees what concurrent transactions
        committed after this one's snapshot was taken (call it under
        :meth:`_lock_for_control`). Lines created by this uncommitted transaction
        are not there; callers keep their own figures for those.

        :return: dict line id -> (actual, committed, adjusted planned amount)
        """
        if not self or not self.env.registry.ready:
            return {}  # while modules load, nothing else runs and the tables may be new
        with self.env.registry.cursor() as cr:
            # superuser: the same figures as the check reads, see its docstring
            return self.env(cr=cr, su=True)[self._name].browse(self.ids)._fetch_amounts()
