# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Record rules that hold on the values a write leaves (R7.2.2).

Odoo checks the record rules of ``create`` on the new records, but those of
``write`` only on the records as they were before the write: a user may edit a
risk of their department and move it into another department in the same
write. :func:`recheck_write_rules` re-checks the rules on the written values.
"""

from odoo.exceptions import AccessError


def recheck_write_rules(records, vals, rule_fields):
    """Refuse a write that moves records out of what the user may edit.

    :param records: the records just written, in the writer's environment
    :param dict vals: the values written
    :param set rule_fields: fields the write rules of the model depend on; the
        check only runs when one of them was written
    :raise AccessError: naming the records the user may no longer edit
    """
    env = records.env
    if env.su or not rule_fields & vals.keys():
        return
    refused = records - records._filtered_access("write")
    if refused:
        raise AccessError(
            env._(
                "You may only create and edit %(model)s records of your own departments: "
                "%(records)s would leave them. Choose one of your departments, or ask a "
                "risk administrator.",
                # sudo: only the translated label of the model is read
                model=env["ir.model"].sudo()._get(records._name).name,
                records=", ".join(refused.sudo().mapped("display_name")),
            )
        )


def refuse_direct_writes(records, vals, fnames):
    """States and results the system records change only through the actions.

    The actions check who may act, then write these fields as superuser (the
    user stays the author); any other write of them is refused (R7.2.2).

    :param set fnames: the fields set by actions and by the system only
    :raise AccessError: naming the fields, in the user's language
    """
    env = records.env
    forbidden = fnames & vals.keys()
    if env.su or not forbidden:
        return
    raise AccessError(
        env._(
            "%(fields)s of %(model)s change only through its buttons; they cannot be "
            "written directly.",
            fields=", ".join(
                records._fields[fname]._description_string(env) for fname in sorted(forbidden)
            ),
            # sudo: only the translated label of the model is read
            model=env["ir.model"].sudo()._get(records._name).name,
        )
    )
