# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo import api, models
from odoo.exceptions import ValidationError

# Largest amount of a budget line or adjustment (one trillion): far above any real
# monthly budget, and small enough for exact cents in floating point.
MAX_AMOUNT = 1e12


def check_amount(env, value, label, minimum=0.0):
    """``value`` as a float, if it is a number between ``minimum`` and MAX_AMOUNT.

    Checked before the ORM converts the value, so that ``1e309`` or ``"nan"``
    give a clear error instead of an overflow (R5.1.2, R5.1.3).

    :param str label: the translated name of the amount, for the message
    :raise ValidationError: when the value is not such a number
    """
    try:
        number = float(value or 0.0)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or not minimum <= number <= MAX_AMOUNT:
        # formatted outside the call: the term extractor reads its arguments
        low, high = f"{minimum:,.0f}", f"{MAX_AMOUNT:,.0f}"
        raise ValidationError(
            env._(
                "%(label)s must be an amount between %(minimum)s and %(maximum)s; "
                "%(value)s is not accepted.",
                label=label,
                minimum=low,
                maximum=high,
                value=str(value)[:40],
            )
        )
    return number


class WjlBudgetAmountMixin(models.AbstractModel):
    """Amounts of budget lines, adjustments and allocations are sane (R5.1.2, R5.1.3).

    A model lists its amount fields in ``_wjl_amount_fields``; creating or
    writing one of them with a value that is not a number between 0 and
    :data:`MAX_AMOUNT` is refused with a clear message, from the web client and
    from RPC alike, before the value reaches the ORM or PostgreSQL.
    """

    _name = "wjl.budget.amount.mixin"
    _description = "Budget amounts are sane"

    _wjl_amount_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._wjl_check_amount_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._wjl_check_amount_vals(vals)
        return super().write(vals)

    @api.model
    def _wjl_check_amount_vals(self, vals):
        for fname in self._wjl_amount_fields:
            if fname in vals:
                label = self._fields[fname]._description_string(self.env)
                check_amount(self.env, vals[fname], label)
