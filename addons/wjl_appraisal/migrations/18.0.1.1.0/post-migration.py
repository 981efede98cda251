# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Roles convention (README): Odoo's HR group and the base roles no longer imply
the appraisal groups; the appraisal groups imply the base roles instead.

Earlier versions linked them at installation. The links go; nobody loses a
group: members keep the appraisal groups they had, and the appraisers get the
base head role their group now implies.
"""

from odoo import SUPERUSER_ID, Command, api

OLD_LINKS = (
    ("hr.group_hr_user", "wjl_appraisal.group_appraisal_officer"),
    ("wjl_base.group_wjl_manager", "wjl_appraisal.group_appraisal_manager"),
    ("wjl_base.group_wjl_admin", "wjl_appraisal.group_appraisal_officer"),
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for role_xmlid, group_xmlid in OLD_LINKS:
        role = env.ref(role_xmlid, raise_if_not_found=False)
        group = env.ref(group_xmlid, raise_if_not_found=False)
        if role and group and group in role.implied_ids:
            role.implied_ids = [Command.unlink(group.id)]
