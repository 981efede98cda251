"""Budget benchmarks (issues 6, 12): actuals of a whole budget, and the purchase check."""

from datetime import date, datetime

from odoo import Command, fields
from odoo.tools import SQL

from ..harness import Scenario

ROLES = 11
ITEMS = 30


def _departments(env, count, prefix):
    departments = env["hr.department"].create(
        [{"name": f"Bench {prefix} {i:02d}", "wjl_code": f"B{prefix}{i:02d}"} for i in range(count)]
    )
    departments._wjl_ensure_analytic_account()
    return departments


def _accounts_and_items(env, count, prefix):
    accounts = env["account.account"].create(
        [
            {
                "name": f"Bench {prefix} {i:02d}",
                "code": f"9{prefix}{i:03d}",
                "account_type": "expense",
            }
            for i in range(count)
        ]
    )
    items = env["wjl.budget.item"].create(
        [
            {
                "name": f"Bench {prefix} item {i:02d}",
                "code": f"B{prefix}{i:02d}",
                "category": "expense",
                "account_ids": [Command.set(account.ids)],
            }
            for i, account in enumerate(accounts)
        ]
    )
    return accounts, items


def _approved_budget(env, year, departments, items, amount):
    budget = env["wjl.budget"].create(
        {"name": f"Bench {year}", "date_from": date(year, 1, 1), "date_to": date(year, 12, 31)}
    )
    months = budget._get_months()
    env["wjl.budget.line"].create(
        [
            {
                "budget_id": budget.id,
                "department_id": department.id,
                "item_id": item.id,
                "date_from": date_from,
                "date_to": date_to,
                "amount_planned": amount,
            }
            for department in departments
            for item in items
            for date_from, date_to in months
        ]
    )
    budget.action_submit()
    budget.action_approve()
    return budget


class BudgetActuals(Scenario):
    """Actuals of 11 x 30 x 12 budget lines over 300,000 posted journal items.

    The journal items carry an analytic distribution (three in ten shared 60/40
    by two departments); their analytic ledger entries are written as posting
    writes them (one per distribution key, ``-balance * percentage``), about
    390,000 of them.

    Baseline: one plain grouped SQL sum (general account, department analytic
    account, month) over the same analytic entries -- the grouping the budget
    lines need. Subject: ``wjl.budget.line._fetch_amounts()`` for all lines at
    once -- a constant number of queries whatever the number of lines and
    entries (the ledger through ``_read_group``, fund movements, commitments).
    """

    name = "budget_actuals"
    addon = "wjl_budget"
    target = (
        "actuals of 11x30x12 lines over 300,000 journal items (their analytic ledger) "
        "<= 3x one grouped SQL sum; constant number of queries"
    )
    max_ratio = 3.0

    def setup(self, env, scale):
        count = max(int(300000 * scale), 1000)
        year = fields.Date.today().year + 30
        departments = _departments(env, ROLES, "A")
        accounts, items = _accounts_and_items(env, ITEMS, "A")
        budget = _approved_budget(env, year, departments, items, 1000.0)
        analytic_ids = departments.wjl_analytic_account_id.ids
        journal = env["account.journal"].search(
            [("type", "=", "general"), ("company_id", "=", env.company.id)], limit=1
        )
        company = env.company
        moves = count // 10
        env.cr.execute(
            SQL(
                """
                INSERT INTO account_move (name, journal_id, company_id, currency_id, state,
                                          move_type, auto_post, date, create_uid, write_uid,
                                          create_date, write_date)
                SELECT 'BENCH/' || g, %(journal)s, %(company)s, %(currency)s, 'posted',
                       'entry', 'no', make_date(%(year)s, 1 + mod(g, 12), 1 + mod(g, 28)),
                       1, 1, now(), now()
                  FROM generate_series(1, %(moves)s) AS g
             RETURNING id
                """,
                journal=journal.id,
                company=company.id,
                currency=company.currency_id.id,
                year=year,
                moves=moves,
            )
        )
        move_ids = [row[0] for row in env.cr.fetchall()]
        # 10 lines per move, spread over the 30 accounts and 11 departments; three
        # lines in ten are shared 60/40 between two departments.
        env.cr.execute(
            SQL(
                """
                INSERT INTO account_move_line (move_id, journal_id, company_id, currency_id,
                                               company_currency_id, account_id, display_type,
                                               date, parent_state, balance, debit, credit,
                                               amount_currency, name, analytic_distribution,
                                               create_uid, write_uid, create_date, write_date)
                SELECT m.id, m.journal_id, m.company_id, m.currency_id, m.currency_id,
                       (%(accounts)s::int[])[1 + mod(g, %(n_accounts)s)],
                       'product', m.date, 'posted',
                       1 + mod(g * 7, 1000), 1 + mod(g * 7, 1000), 0, 1 + mod(g * 7, 1000),
                       'bench',
                       CASE WHEN mod(g, 10) < 3
                            THEN jsonb_build_object(
                                (%(analytics)s::int[])[1 + mod(g, %(n_analytics)s)]::text, 60,
                                (%(analytics)s::int[])[1 + mod(g + 3, %(n_analytics)s)]::text, 40)
                            ELSE jsonb_build_object(
                                (%(analytics)s::int[])[1 + mod(g, %(n_analytics)s)]::text, 100)
                       END,
                       1, 1, now(), now()
                  FROM (
                      SELECT id, journal_id, company_id, currency_id, date,
                             row_number() OVER (ORDER BY id) - 1 AS n
                        FROM account_move
                       WHERE id BETWEEN %(first)s AND %(last)s AND name LIKE %(pattern)s
                  ) AS m
                 CROSS JOIN generate_series(0, 9) AS k
                 CROSS JOIN LATERAL (SELECT m.n * 10 + k AS g) AS serial
                """,
                accounts=accounts.ids,
                n_accounts=len(accounts),
                analytics=analytic_ids,
                n_analytics=len(analytic_ids),
                first=min(move_ids),
                last=max(move_ids),
                pattern="BENCH/%",
            )
        )
        # the analytic ledger entries posting writes for these journal items
        column = departments.wjl_analytic_account_id.root_plan_id._column_name()
        env.cr.execute(
            SQL(
                """
                INSERT INTO account_analytic_line (name, date, amount, unit_amount, company_id,
                                                   currency_id, general_account_id, journal_id,
                                                   move_line_id, category, %(column)s,
                                                   create_uid, write_uid, create_date, write_date)
                SELECT aml.name, aml.date, -aml.balance * dist.value::numeric / 100.0, 0,
                       aml.company_id, aml.currency_id, aml.account_id, aml.journal_id, aml.id,
                       'other', dist.key::int, 1, 1, now(), now()
                  FROM account_move_line aml
                 CROSS JOIN LATERAL jsonb_each_text(aml.analytic_distribution) AS dist(key, value)
                 WHERE aml.move_id BETWEEN %(first)s AND %(last)s
                """,
                column=SQL.identifier(column),
                first=min(move_ids),
                last=max(move_ids),
            )
        )
        env.cr.execute("ANALYZE account_move_line")
        env.cr.execute("ANALYZE account_analytic_line")
        return {
            "column": column,
            "analytic_ids": analytic_ids,
            "budget": budget,
            "line_ids": budget.line_ids.ids,
            "account_ids": accounts.ids,
            "year": year,
            "journal_items": moves * 10,
        }

    def baseline(self, env, state):
        env.cr.execute(
            SQL(
                """
                SELECT general_account_id, %(column)s, date_trunc('month', date), SUM(amount)
                  FROM account_analytic_line
                 WHERE general_account_id = ANY(%(accounts)s)
                   AND %(column)s = ANY(%(analytics)s)
                   AND date BETWEEN %(date_from)s AND %(date_to)s
              GROUP BY 1, 2, 3
                """,
                column=SQL.identifier(state["column"]),
                accounts=state["account_ids"],
                analytics=state["analytic_ids"],
                date_from=date(state["year"], 1, 1),
                date_to=date(state["year"], 12, 31),
            )
        )
        state["baseline_rows"] = env.cr.fetchall()

    def subject(self, env, state):
        lines = env["wjl.budget.line"].browse(state["line_ids"])
        state["amounts"] = lines._fetch_amounts()

    def extra(self, env, state, result):
        total_actual = sum(amounts[0] for amounts in state["amounts"].values())
        # the ledger counts expenses negative
        total_baseline = -sum(float(row[3]) for row in state["baseline_rows"])
        # the ORM path (non-stored computed fields), for information
        env.invalidate_all()
        lines = env["wjl.budget.line"].browse(state["line_ids"])
        before = env.cr.sql_log_count
        lines.mapped("amount_available")
        orm_queries = env.cr.sql_log_count - before
        return {
            "lines": len(state["line_ids"]),
            "journal_items": state["journal_items"],
            "queries_fetch_amounts": result["subject_queries"],
            "queries_orm_fields": orm_queries,
            "actual_total": round(total_actual, 2),
            # the ORM reads of the lines, their items and departments, the ledger
            # grouped once, the commitments: constant, whatever the volume
            "ok": result["subject_queries"] <= 16 and abs(total_actual - total_baseline) < 0.01,
        }


class BudgetPoCheck(Scenario):
    """Budget check at purchase order confirmation vs stock confirmation (R5.2)."""

    name = "budget_po_check"
    addon = "wjl_budget_purchase"
    target = "200 PO confirmations <= 1.3x stock confirmation; <= 5 extra queries per order"
    max_ratio = 1.3

    def setup(self, env, scale):
        count = max(int(200 * scale), 5)
        year = fields.Date.today().year + 31
        departments = _departments(env, ROLES, "P")
        accounts, items = _accounts_and_items(env, 3, "P")
        items.control_action = "stop"
        _approved_budget(env, year, departments, items, 1e9)
        analytic_ids = departments.wjl_analytic_account_id.ids

        def orders(tag):
            vendor = env["res.partner"].create({"name": f"Bench vendor {tag}"})
            products = env["product.product"].create(
                [
                    {
                        "name": f"Bench {tag} product {i}",
                        # goods, as bought for production (原材料): confirming
                        # creates the receipt, like any stock purchase order
                        "type": "consu",
                        "property_account_expense_id": account.id,
                        "supplier_taxes_id": [Command.clear()],
                    }
                    for i, account in enumerate(accounts)
                ]
            )
            vals_list = []
            for n in range(count + 1):
                lines = []
                for k, product in enumerate(products):
                    first = analytic_ids[(n + k) % len(analytic_ids)]
                    second = analytic_ids[(n + k + 5) % len(analytic_ids)]
                    lines.append(
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_qty": 2,
                                "price_unit": 50.0 + k,
                                "taxes_id": [Command.clear()],
                                "analytic_distribution": {str(first): 50, str(second): 50},
                            }
                        )
                    )
                vals_list.append(
                    {
                        "partner_id": vendor.id,
                        "date_order": datetime(year, 1 + n % 12, 10, 9, 0),
                        "order_line": lines,
                    }
                )
            return env["purchase.order"].create(vals_list)

        baseline, subject = orders("stock"), orders("checked")
        # warm-up (first receipt, supplier info, caches) outside the measures
        baseline[0].with_context(wjl_budget_skip_check=True).button_confirm()
        subject[0].button_confirm()
        return {"baseline": baseline[1:], "subject": subject[1:], "count": count}

    def baseline(self, env, state):
        for order in state["baseline"].with_context(wjl_budget_skip_check=True):
            order.button_confirm()

    def subject(self, env, state):
        for order in state["subject"]:
            order.button_confirm()

    def extra(self, env, state, result):
        count = state["count"]
        extra_queries = (result["subject_queries"] - result["baseline_queries"]) / count
        confirmed = set(state["subject"].mapped("state")) == {"purchase"}
        return {
            "orders": count,
            "lines_per_order": 3,
            "extra_queries_per_order": round(extra_queries, 2),
            "all_confirmed": confirmed,
            "ok": extra_queries <= 5 and confirmed,
        }
