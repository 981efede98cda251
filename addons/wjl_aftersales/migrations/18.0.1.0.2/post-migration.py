# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Roles convention (issue 12): the base roles imply no after-sales group.

Regulation Administrator implied Customer Service (a ``noupdate`` link the new
version no longer ships): the link goes; the users already in Customer Service
stay there (nobody loses a right by the upgrade). Department Manager now implies
the base manager role (set on install only, so linked here once).
"""

from odoo import SUPERUSER_ID, Command, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    admin = env.ref("wjl_base.group_wjl_admin", raise_if_not_found=False)
    cs = env.ref("wjl_aftersales.group_aftersales_cs", raise_if_not_found=False)
    if admin and cs and cs in admin.implied_ids:
        admin.implied_ids = [Command.unlink(cs.id)]
    manager = env.ref("wjl_aftersales.group_aftersales_manager", raise_if_not_found=False)
    base_manager = env.ref("wjl_base.group_wjl_manager", raise_if_not_found=False)
    if manager and base_manager and base_manager not in manager.implied_ids:
        manager.implied_ids = [Command.link(base_manager.id)]
