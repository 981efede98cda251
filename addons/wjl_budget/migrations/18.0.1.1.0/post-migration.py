# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Department heads see budgets through ``department_ids`` (R7.2.2).

    The record rule is ``noupdate``: an existing database keeps its old domain on
    ``line_ids``, which made the superuser's evaluation of the rule fill the
    cache of ``line_ids`` with every line of the budget. Only that path is
    replaced, whatever else an administrator changed in the rule; the new
    stored departments are computed for the existing budgets.
    """
    env = api.Environment(cr, SUPERUSER_ID, {})
    budgets = env["wjl.budget"].search([])
    env.add_to_compute(budgets._fields["department_ids"], budgets)
    budgets.flush_recordset()
    rule = env.ref("wjl_budget.wjl_budget_rule_department_head", raise_if_not_found=False)
    if rule and "line_ids.department_id." in rule.domain_force:
        rule.domain_force = rule.domain_force.replace("line_ids.department_id.", "department_ids.")
