# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import ValidationError


class WjlRequiredTextMixin(models.AbstractModel):
    """Required names and titles hold real text, whatever path writes them (R7.2.2).

    A model lists its text fields in ``_wjl_required_text_fields``; creating or
    writing one of them empty or with white space only is refused with a message
    naming the field, from the web client and from RPC alike. A database ``NOT
    NULL`` only catches a missing value, not ``"   "``.
    """

    _name = "wjl.required.text.mixin"
    _description = "Required texts are not blank"

    _wjl_required_text_fields = ("name",)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._wjl_check_required_text(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._wjl_check_required_text(vals)
        return super().write(vals)

    @api.model
    def _wjl_check_required_text(self, vals, creating=False):
        for fname in self._wjl_required_text_fields:
            if fname not in vals:
                continue
            value = vals[fname]
            if isinstance(value, dict):  # translated field written in several languages
                values = list(value.values())
            else:
                values = [value]
            if any(not (isinstance(v, str) and v.strip()) for v in values):
                field = self._fields[fname]
                raise ValidationError(
                    self.env._(
                        "%(field)s of %(model)s cannot be empty or white space only.",
                        field=field._description_string(self.env),
                        # sudo: only the translated label of the model is read
                        model=self.env["ir.model"].sudo()._get(self._name).name,
                    )
                )
