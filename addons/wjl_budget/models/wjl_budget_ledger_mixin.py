# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models, tools
from odoo.tools import SQL


class WjlBudgetLedgerMixin(models.AbstractModel):
    """What the ledgers say of budget lines: actual and committed amounts (R5.1.3, R5.2, R5.3).

    Inherited by ``wjl.budget.line`` (it reads the line's item, department's
    analytic account, company and month); bridges add commitments by overriding
    :meth:`_fetch_committed` and :meth:`_sql_committed`. Also the locks that
    serialize the budget checks of the same lines.
    """

    _name = "wjl.budget.ledger.mixin"
    _description = "Budget Line Ledger Amounts"

    # ------------------------------------------------------------------
    # Amounts (R5.1.3, R5.2, R5.3)
    # ------------------------------------------------------------------

    def _fetch_amounts(self):
        """Actual and committed amounts of all lines in ``self``.

        A constant number of queries whatever the number of lines and entries:
        the analytic ledger grouped once (:meth:`_fetch_actual`), the cash
        movements of fund lines, the commitments (:meth:`_fetch_committed`).

        :return: dict line id -> (actual, committed, adjusted planned amount)
        """
        lines = self.filtered("id")
        if not lines:
            return {}
        actual = lines._fetch_actual()
        committed = lines._fetch_committed()
        return {
            line.id: (actual.get(line.id, 0.0), committed.get(line.id, 0.0), line.amount_adjusted)
            for line in lines
        }

    def _fetch_actual(self):
        """Actual amount of each line: analytic ledger, or cash movements for fund lines.

        :return: dict line id -> actual amount
        """
        fund = self.filtered(lambda line: line.category == "fund")
        result = (self - fund)._fetch_analytic_actual()
        result.update(fund._fetch_fund_actual())
        return result

    def _fetch_analytic_actual(self):
        """Actual amounts from the analytic ledger 分析账 (R5.1.2, R5.1.3).

        Every ``account.analytic.line`` on one of the item's accounts, in the
        line's month, of the department's analytic account counts: the lines
        that posted journal items create (weighted by their distribution) and
        the manual analytic entries alike. One ``_read_group`` per analytic plan
        of the departments (usually one).

        sudo: the amounts of the budget lines the user may read are sums of the
        ledger; department heads are not given the accounting ledger itself.
        """
        lines = self.filtered("analytic_account_id")
        result = defaultdict(float)
        if not lines:
            return result
        index = defaultdict(list)
        for line in lines:
            for account in line.item_id.account_ids:
                key = (line.company_id.id, account.id, line.analytic_account_id.id, line.date_from)
                index[key].append(line)
        AnalyticLine = self.env["account.analytic.line"].sudo()
        analytic_accounts = lines.analytic_account_id
        for plan, plan_accounts in analytic_accounts.grouped("root_plan_id").items():
            column = plan._column_name()
            groups = AnalyticLine._read_group(
                [
                    (column, "in", plan_accounts.ids),
                    ("general_account_id", "in", lines.item_id.account_ids.ids),
                    ("company_id", "in", lines.company_id.ids),
                    ("date", ">=", min(lines.mapped("date_from"))),
                    ("date", "<=", max(lines.mapped("date_to"))),
                ],
                ["company_id", "general_account_id", column, "date:month"],
                ["amount:sum"],
            )
            for company, account, analytic, month, amount in groups:
                key = (company.id, account.id, analytic.id, fields.Date.to_date(month))
                for line in index.get(key, ()):
                    # the ledger counts expenses negative, income positive
                    result[line.id] += amount if line.category == "income" else -amount
        return result

    def _fetch_fund_actual(self):
        """Cash received or paid on the journals of fund lines (R5.3).

        The movements of each journal's liquidity and outstanding payment
        accounts, posted in the line's month. sudo: as for the analytic ledger.

        :return: dict line id -> actual amount
        """
        result = defaultdict(float)
        journals = self.item_id.journal_ids
        if not self or not journals:
            return result
        fund_accounts = {
            journal.id: set(
                (
                    journal.default_account_id
                    | journal.inbound_payment_method_line_ids.payment_account_id
                    | journal.outbound_payment_method_line_ids.payment_account_id
                ).ids
            )
            for journal in journals
        }
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("journal_id", "in", journals.ids),
                    ("account_id", "in", list(set().union(*fund_accounts.values()))),
                    ("parent_state", "=", "posted"),
                    ("company_id", "in", self.company_id.ids),
                    ("date", ">=", min(self.mapped("date_from"))),
                    ("date", "<=", max(self.mapped("date_to"))),
                ],
                ["company_id", "journal_id", "account_id", "date:month"],
                ["debit:sum", "credit:sum"],
            )
        )
        for company, journal, account, month, debit, credit in groups:
            month = fields.Date.to_date(month)
            if account.id not in fund_accounts[journal.id]:
                continue
            for line in self:
                if (
                    line.company_id == company
                    and line.date_from == month
                    and journal in line.item_id.journal_ids
                ):
                    result[line.id] += debit if line.item_id.fund_direction == "in" else credit
        return result

    def _fetch_committed(self):
        """Committed amount of each line: none here, the commitments of purchase
        orders come with ``wjl_budget_purchase`` (R5.2).

        :return: dict line id -> committed amount
        """
        return {}

    @api.model
    def _sql_line_accounts(self, line_filter):
        """SQL of the (line, general account) pairs of the non-fund lines matching
        ``line_filter`` (a condition on ``bl``): columns ``line_id``,
        ``analytic_account_id``, ``company_id``, ``date_from``, ``date_to``,
        ``category``, ``account_id``."""
        return SQL(
            """
            SELECT bl.id AS line_id, bl.analytic_account_id, bl.company_id,
                   bl.date_from, bl.date_to, bl.category, rel.account_id
              FROM wjl_budget_line bl
              JOIN wjl_budget_item_account_rel rel ON rel.item_id = bl.item_id
             WHERE bl.category != 'fund' AND bl.analytic_account_id IS NOT NULL AND %s
            """,
            line_filter,
        )

    @api.model
    def _sql_analytic_match(self):
        """SQL: ``aal`` is an entry of ``la.analytic_account_id``.

        The departments' analytic accounts are in ``wjl_base``'s department plan
        (or the plan it falls back on): one indexed column. Matching any plan
        column instead (an ``OR``) reads the whole ledger at every purchase
        confirmation (bench ``budget_po_check``: 75 ms per order).
        """
        return SQL(
            "aal.%s = la.analytic_account_id", SQL.identifier(self._wjl_department_plan_column())
        )

    @api.model
    @tools.ormcache()
    def _wjl_department_plan_column(self):
        """Column of the analytic ledger holding the departments' accounts.

        Cached: a plan's column never changes, and reading the plan again at
        every purchase confirmation cost one query per order (bench
        ``budget_po_check``: 4.0 extra queries per order uncached, 3.0 cached).
        """
        plan = self.env.ref("wjl_base.analytic_plan_department", raise_if_not_found=False)
        plan = plan or self.env["account.analytic.plan"].search([], limit=1)
        return plan._column_name()

    @api.model
    def _sql_ledger_actual(self):
        """SQL: ``(line_id, amount)`` of the analytic ledger per line of the
        ``line_accounts`` CTE (:meth:`_sql_line_accounts`), as
        :meth:`_fetch_analytic_actual` reads it.

        For what must be SQL: the dashboard's view, and the purchase check that
        runs at every confirmation (``wjl_budget_purchase``, bench
        ``budget_po_check``).
        """
        return SQL(
            """
            -- the ledger counts expenses negative, income positive
            SELECT la.line_id,
                   SUM(aal.amount * CASE WHEN la.category = 'income' THEN 1 ELSE -1 END)
                       AS amount
              FROM line_accounts la
              JOIN account_analytic_line aal
                ON aal.general_account_id = la.account_id
               AND aal.company_id = la.company_id
               AND aal.date >= la.date_from
               AND aal.date <= la.date_to
               AND (%s)
          GROUP BY la.line_id
            """,
            self._sql_analytic_match(),
        )

    @api.model
    def _sql_committed(self):
        """SQL: ``(line_id, amount)`` committed per line of the ``line_accounts`` CTE
        (see :meth:`_sql_line_accounts`); nothing here, see :meth:`_fetch_committed`."""
        return SQL("SELECT NULL::int AS line_id, NULL::numeric AS amount WHERE FALSE")

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

    def _fetch_committed_amounts(self, fetch="_fetch_amounts"):
        """Latest committed ``(actual, committed, adjusted)`` of these lines.

        Read in a transaction of its own, which sees what concurrent transactions
        committed after this one's snapshot was taken (call it under
        :meth:`_lock_for_control`). Lines created by this uncommitted transaction
        are not there; callers keep their own figures for those.

        :param str fetch: the method reading the figures, :meth:`_fetch_amounts`
            or one with the same result
        :return: dict line id -> (actual, committed, adjusted planned amount)
        """
        if not self or not self.env.registry.ready:
            return {}  # while modules load, nothing else runs and the tables may be new
        with self.env.registry.cursor() as cr:
            # superuser: the same figures as the check reads, see its docstring
            lines = self.env(cr=cr, su=True)[self._name].browse(self.ids).exists()
            return getattr(lines, fetch)()
