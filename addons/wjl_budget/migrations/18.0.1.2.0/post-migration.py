# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, Command, api


def migrate(cr, version):
    """Roles (issue 12): the base roles no longer imply Budget Manager.

    Databases installed before made regulation administrators budget managers
    through ``wjl_base.group_wjl_admin``; the link goes, and its current members
    stay budget managers as members of the group, so nobody loses a right.
    """
    env = api.Environment(cr, SUPERUSER_ID, {})
    admin_role = env.ref("wjl_base.group_wjl_admin", raise_if_not_found=False)
    manager = env.ref("wjl_budget.group_budget_manager", raise_if_not_found=False)
    if not admin_role or not manager or manager not in admin_role.implied_ids:
        return
    members = admin_role.with_context(active_test=False).users
    admin_role.implied_ids = [Command.unlink(manager.id)]
    manager.users = [Command.link(user.id) for user in members]
