# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare


class WeightCheckQueue:
    """Templates whose indicator weights are checked once, at the end of a save.

    Saving a template form writes its indicators one by one; their totals are
    only meaningful once every indicator is written. Compared by identity, so
    each save has its own queue (R4.3.1).
    """

    __slots__ = ("template_ids",)

    def __init__(self):
        self.template_ids = set()


WEIGHT_CHECK_QUEUE = "wjl_appraisal_weight_check_queue"


class WjlAppraisalTemplate(models.Model):
    """Indicator template of a department and/or job position (R4.3.1).

    Its indicators carry weights that add up to 100; cycles copy them into each
    appraisal they generate.
    """

    _name = "wjl.appraisal.template"
    _inherit = ["wjl.required.text.mixin"]
    _description = "Appraisal Indicator Template"
    _order = "sequence, id"
    _wjl_required_text_fields = ("name",)

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    department_id = fields.Many2one(
        "hr.department",
        index=True,
        help="Employees of this department use this template. Leave empty for every " "department.",
    )
    job_id = fields.Many2one(
        "hr.job",
        string="Job Position",
        index=True,
        help="Employees in this job position use this template. Leave empty for every "
        "position. A template matching both department and position comes first.",
    )
    company_id = fields.Many2one("res.company", index=True, default=lambda self: self.env.company)
    line_ids = fields.One2many(
        "wjl.appraisal.template.line", "template_id", string="Indicators", copy=True
    )
    total_weight = fields.Float(compute="_compute_total_weight")
    scoring_guide = fields.Html(
        translate=True,
        help="How appraisers score the indicators: what 100, 80, 60 ... mean.",
    )

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for template in self:
            template.total_weight = sum(template.line_ids.mapped("weight"))

    @api.constrains("line_ids", "name")
    def _check_weights(self):
        """Indicator weights add up to 100 (R4.3.1). ``name`` is always written on
        create, so a template created without indicators is checked too."""
        for template in self:
            total = sum(template.line_ids.mapped("weight"))
            if float_compare(total, 100.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "The indicator weights of template %(template)s add up to "
                        "%(total)s; they must add up to 100.",
                        template=template.name,
                        total=round(total, 2),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if self._wjl_weight_check_queue():
            return super().create(vals_list)
        queue = WeightCheckQueue()
        templates = super(
            WjlAppraisalTemplate, self.with_context(**{WEIGHT_CHECK_QUEUE: queue})
        ).create(vals_list)
        templates = templates.with_env(self.env)
        (self.browse(queue.template_ids) - templates).exists()._check_weights()
        return templates

    def write(self, vals):
        """Indicators written with the template are checked once at the end of the
        save, not one by one (R4.3.1)."""
        if self._wjl_weight_check_queue():
            return super().write(vals)
        queue = WeightCheckQueue()
        res = super(WjlAppraisalTemplate, self.with_context(**{WEIGHT_CHECK_QUEUE: queue})).write(
            vals
        )
        checked = self if {"line_ids", "name"} & set(vals) else self.browse()
        (self.browse(queue.template_ids) - checked).exists()._check_weights()
        return res

    @api.model
    def _wjl_weight_check_queue(self):
        """The queue of the template save in progress, if any. Only a queue object
        counts: a context value sent by RPC cannot switch the check off."""
        queue = self.env.context.get(WEIGHT_CHECK_QUEUE)
        return queue if isinstance(queue, WeightCheckQueue) else None

    @api.model
    def _wjl_template_index(self, company):
        """Load every active template of ``company`` once: {(dept_id, job_id): template}."""
        templates = self.search([("company_id", "in", [company.id, False])])
        index = {}
        # Templates of the company win over shared ones; search order breaks ties.
        for template in templates.sorted(lambda t: (not t.company_id, t.sequence, t.id)):
            index.setdefault((template.department_id.id, template.job_id.id), template)
        return index

    @api.model
    def _wjl_match(self, index, department, job):
        """Most specific template for a department and job, or an empty recordset."""
        for key in (
            (department.id, job.id),
            (department.id, False),
            (False, job.id),
            (False, False),
        ):
            template = index.get(key)
            if template:
                return template
        return self.browse()
