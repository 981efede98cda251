# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 12: the risk groups imply the base roles, no longer the other way round.

Before this version the base roles (Staff, Department Head, Regulation
Administrator of ``wjl_base``) implied the risk groups. Those links are removed
before the security file makes the risk groups imply the base roles (both at
once would be a cycle). Nobody loses a group: the users of the base roles stay
members of the risk groups they had (R7.2.2).
"""

BASE_ROLES = ("group_wjl_user", "group_wjl_manager", "group_wjl_admin")
RISK_GROUPS = ("group_risk_user", "group_risk_manager", "group_risk_admin")


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        DELETE FROM res_groups_implied_rel rel
         USING ir_model_data base, ir_model_data risk
         WHERE base.model = 'res.groups' AND base.module = 'wjl_base'
           AND base.name IN %s AND base.res_id = rel.gid
           AND risk.model = 'res.groups' AND risk.module = 'wjl_risk'
           AND risk.name IN %s AND risk.res_id = rel.hid
        """,
        [BASE_ROLES, RISK_GROUPS],
    )
