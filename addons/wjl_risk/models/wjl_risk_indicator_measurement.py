# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""How a computed key risk indicator measures a model (R6.3.1, R7.2.2).

Kept apart from the indicator's life cycle so that it can become a shared
measurement mixin: which models may be measured (a setting, technical models
never), literal domains, and the grouped read run with the access rights,
record rules, field groups and companies of the indicator's owner, never as
superuser.
"""

import ast
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

# Models that computed indicators may measure (R7.2.2): the setting lists them;
# ``prefix.*`` stands for every model whose name starts with ``prefix.``.
KRI_MODELS_PARAM = "wjl_risk.kri_models"
KRI_MODELS_DEFAULT = (
    "wjl.*,sale.order,sale.order.line,purchase.order,purchase.order.line,account.move,"
    "account.move.line,stock.picking,stock.move,mrp.production,hr.employee,res.partner,"
    "crm.lead,project.task"
)
# Technical models are never measured, whatever the setting says: they hold
# credentials, configuration, access rights and messages, not business figures.
KRI_TECHNICAL_PREFIXES = (
    "ir.",
    "res.users",
    "res.groups",
    "res.config",
    "res.device",
    "base.",
    "base_import.",
    "bus.",
    "mail.",
    "auth_",
    "iap.",
    "sms.",
    "web_",
    "web.",
    "report.",
    "wjl.required.text.mixin",
)


class WjlRiskIndicator(models.Model):
    _inherit = "wjl.risk.indicator"

    @api.model
    def _wjl_measurable_patterns(self):
        """The model names of the setting (R7.2.2); ``prefix.*`` matches a prefix."""
        # sudo: the allow-list is a setting every evaluation reads, not a secret
        text = self.env["ir.config_parameter"].sudo().get_param(KRI_MODELS_PARAM)
        if text is None:
            text = KRI_MODELS_DEFAULT
        return [name.strip() for name in text.replace("\n", ",").split(",") if name.strip()]

    @api.model
    def _wjl_is_measurable(self, model_name):
        """Whether key risk indicators may measure ``model_name`` (R7.2.2).

        Technical models (:data:`KRI_TECHNICAL_PREFIXES`), transient and abstract
        models never; business models when the setting lists them.
        """
        if not model_name or model_name not in self.env:
            return False
        model = self.env[model_name]
        if model._transient or model._abstract or model_name.startswith(KRI_TECHNICAL_PREFIXES):
            return False
        return any(
            model_name.startswith(pattern[:-1]) if pattern.endswith(".*") else model_name == pattern
            for pattern in self._wjl_measurable_patterns()
        )

    @api.model
    def _wjl_not_measurable_message(self, model_name):
        return self.env._(
            "Key risk indicators may not measure the model %(model)s: only the business "
            "models listed in Settings (Risk Management, Measurable models) are allowed, "
            "technical models never (R7.2.2).",
            model=model_name,
        )

    @api.model
    def _wjl_literal_domain(self, domain_text):
        """Parse a domain written as a Python literal (``ast.literal_eval``).

        Only literals are accepted: no names, calls or attributes, so nothing a
        user writes is ever executed.

        :return: the domain as a list of leaves and operators
        :raise ValidationError: when the text is no literal list
        """
        text = (domain_text or "").strip() or "[]"
        try:
            domain = ast.literal_eval(text)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as exc:
            raise ValidationError(
                self.env._(
                    "The domain %(domain)s is not a literal list of conditions (%(error)s). "
                    "Use plain values only; for dates relative to today use the date filter.",
                    domain=text,
                    error=exc,
                )
            ) from exc
        if not isinstance(domain, list | tuple):
            raise ValidationError(self.env._("The domain %s must be a list.", text))
        return [tuple(leaf) if isinstance(leaf, list) else leaf for leaf in domain]

    @api.model
    def _wjl_parse_domain(self, model_name, domain_text):
        """Parse a literal domain and check it against the model (configuration time).

        :raise ValidationError: when the text is no literal domain or names
            fields or operators the model does not have
        """
        domain = self._wjl_literal_domain(domain_text)
        try:
            # sudo: builds the query without running it (checks fields, paths and
            # operators); nothing is read. Evaluation runs as the owner.
            self.env[model_name].sudo()._search(domain)
        except Exception as exc:  # noqa: BLE001 - any invalid domain is a user error
            raise ValidationError(
                self.env._(
                    "The domain %(domain)s does not fit the model %(model)s: %(error)s",
                    domain=(domain_text or "").strip() or "[]",
                    model=model_name,
                    error=exc,
                )
            ) from exc
        return domain

    def _wjl_measure_env(self):
        """The environment an indicator is measured in: its owner's (R7.2.2).

        The owner's access rights, record rules and field groups apply, in the
        indicator's company (which must be one of the owner's). Never superuser.

        :raise AccessError: when the indicator has no valid owner
        """
        self.ensure_one()
        owner = self.owner_user_id
        env = self.env
        if not owner or owner.id == SUPERUSER_ID or owner.share or not owner.active:
            raise AccessError(
                env._(
                    "The indicator %(indicator)s needs an active internal user as owner: it "
                    "is measured with the owner's access rights, never as the system.",
                    indicator=self.name,
                )
            )
        if self.company_id not in owner.company_ids:
            raise AccessError(
                env._(
                    "The owner %(user)s of the indicator %(indicator)s has no access to "
                    "the company %(company)s.",
                    user=owner.name,
                    indicator=self.name,
                    company=self.company_id.name,
                )
            )
        context = dict(env.context, allowed_company_ids=[self.company_id.id])
        return self.env(user=owner.id, su=False, context=context)

    def _wjl_date_domain(self, env):
        if not (self.date_filter and self.date_field_id):
            return []
        fname = self.date_field_id.name
        if self.date_field_id.ttype == "date":
            # dates are days of the owner's calendar: their time zone's "today"
            today = fields.Date.context_today(self.with_env(env))
            if self.date_filter == "before_today":
                return [(fname, "<", today)]
            return [(fname, ">=", today - timedelta(days=self.date_days))]
        now = fields.Datetime.now()
        if self.date_filter == "before_today":
            return [(fname, "<", now)]
        return [(fname, ">=", now - timedelta(days=self.date_days))]

    def _wjl_measure_side(self, model, domain_text, measure, field_name, date_field, cache):
        """One grouped read as the owner: count, sum or average over the domain.

        :param model: the measured model in the owner's environment
            (:meth:`_wjl_measure_env`), or ``None`` when it is not installed
        :param str date_field: name of the field of the date filter, if any
        :param dict cache: shared by a batch; keeps parsed domains
        :raise AccessError: when the model may not be measured or the owner may
            not read it or one of the fields used
        """
        model_name = model._name if model is not None else None
        if model is None or not self._wjl_is_measurable(model_name):
            raise AccessError(self._wjl_not_measurable_message(model_name))
        cache = {} if cache is None else cache
        if domain_text not in cache:
            # fields and operators are checked by the grouped read itself
            cache[domain_text] = self._wjl_literal_domain(domain_text)
        domain = cache[domain_text]
        extra = self._wjl_date_domain(model.env) if date_field else []
        aggregate = "__count"
        if measure != "count":
            if not field_name or field_name not in model._fields:
                raise UserError(
                    self.env._("The measured field of %s no longer exists.", model_name)
                )
            aggregate = f"{field_name}:{measure}"
        measured = field_name if measure != "count" else None
        self._wjl_check_readable(model, [measured, date_field], domain)
        company_field = model._fields.get("company_id")
        company_domain = []
        if company_field and company_field.store and company_field.type == "many2one":
            company_domain = [("company_id", "in", [self.company_id.id, False])]
        domain = expression.AND([domain, company_domain, extra])
        [(value,)] = model._read_group(domain, [], [aggregate])
        return float(value or 0.0)

    def _wjl_check_readable(self, model, field_names, domain):
        """Refuse a measure that the owner may not read (R7.2.2).

        Checks the access right of the model and the ``groups`` of the measured
        field, the date field and every field the domain names (along its
        paths), so that the error names what is missing.

        :param model: the measured model in the owner's environment
        :raise AccessError: naming the model or field the owner may not read
        """
        env = model.env
        owner = env.user
        for comodel, field in self._wjl_domain_fields(model, field_names, domain):
            if not comodel.has_access("read"):
                raise AccessError(
                    self.env._(
                        "The owner %(user)s of the indicator %(indicator)s may not read "
                        "%(model)s records: give them that access right or choose another "
                        "owner (R7.2.2).",
                        user=owner.name,
                        indicator=self.name,
                        model=env["ir.model"].sudo()._get(comodel._name).name,
                    )
                )
            if field and not field.is_accessible(env):
                raise AccessError(
                    self.env._(
                        "The owner %(user)s of the indicator %(indicator)s may not read the "
                        "field %(field)s of %(model)s: it is restricted to some groups. "
                        "Choose another field or another owner (R7.2.2).",
                        user=owner.name,
                        indicator=self.name,
                        field=field._description_string(env),
                        model=env["ir.model"].sudo()._get(comodel._name).name,
                    )
                )

    @api.model
    def _wjl_domain_fields(self, model, field_names, domain):
        """The (model, field) pairs a measure reads: the model itself (field
        ``None``), the measured and date fields, and every field along the
        paths of the domain, sub-domains of ``any`` included."""
        yield model, None
        for fname in filter(None, field_names):
            yield model, model._fields.get(fname)
        for leaf in domain:
            if not (isinstance(leaf, tuple | list) and len(leaf) == 3 and isinstance(leaf[0], str)):
                continue
            current, field = model, None
            for name in leaf[0].split("."):
                field = current._fields.get(name)
                if field is None:
                    break  # an unknown field is reported by the grouped read
                yield current, field
                if not field.relational:
                    break
                current = current.env[field.comodel_name]
                yield current, None
            if field and field.relational and leaf[1] in ("any", "not any"):
                if isinstance(leaf[2], list | tuple):
                    yield from self._wjl_domain_fields(current, [], leaf[2])
