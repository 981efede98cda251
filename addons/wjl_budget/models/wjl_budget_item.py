# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CATEGORIES = [
    ("income", "Income"),
    ("cost", "Cost"),
    ("expense", "Expense"),
    ("fund", "Fund"),
]


class WjlBudgetItem(models.Model):
    """A budget item 预算科目 of the annual budget (R5.1.1).

    Income, cost and expense items cover general ledger accounts: the posted
    journal items on those accounts are the item's actual amounts. Fund items
    cover bank and cash journals: their cash movements are compared with the fund
    budget (R5.3).
    """

    _name = "wjl.budget.item"
    _description = "Budget Item"
    _order = "sequence, category, name, id"
    _inherit = ["wjl.required.text.mixin"]
    _wjl_required_text_fields = ("name",)

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        CATEGORIES,
        required=True,
        default="expense",
        index=True,
        help="Income, cost, expense or fund budget (R5.1.1).",
    )
    account_ids = fields.Many2many(
        "account.account",
        "wjl_budget_item_account_rel",
        "item_id",
        "account_id",
        string="Accounts",
        check_company=True,
        help="Posted journal items on these accounts are the actual amounts of the item.",
    )
    journal_ids = fields.Many2many(
        "account.journal",
        "wjl_budget_item_journal_rel",
        "item_id",
        "journal_id",
        string="Bank and Cash Journals",
        domain=[("type", "in", ("bank", "cash"))],
        check_company=True,
        help="Fund items: the cash movements of these journals are the actual amounts.",
    )
    fund_direction = fields.Selection(
        [("in", "Cash In"), ("out", "Cash Out")],
        default="out",
        help="Fund items: whether the item plans money coming in or going out (R5.3).",
    )
    description = fields.Text(translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "The code of a budget item must be unique per company.",
        ),
    ]

    @api.constrains("category", "account_ids", "journal_ids")
    def _check_category_scope(self):
        for item in self:
            if item.category == "fund" and item.account_ids:
                raise ValidationError(
                    self.env._(
                        "The fund item %s covers bank and cash journals, not accounts: "
                        "remove its accounts and choose its journals.",
                        item.display_name,
                    )
                )
            if item.category != "fund" and item.journal_ids:
                raise ValidationError(
                    self.env._(
                        "Only fund items cover journals; the item %s covers accounts.",
                        item.display_name,
                    )
                )

    @api.depends("name", "code")
    def _compute_display_name(self):
        for item in self:
            item.display_name = f"[{item.code}] {item.name}" if item.code else item.name
