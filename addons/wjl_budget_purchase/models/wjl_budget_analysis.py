# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .wjl_budget_line import COMMITTED_SOURCE_FIELDS


class WjlBudgetAnalysis(models.Model):
    """The dashboard's committed amounts: its view is created again with
    :meth:`wjl.budget.line._sql_committed` of this module (R5.2)."""

    _inherit = "wjl.budget.analysis"
    _depends = COMMITTED_SOURCE_FIELDS
