# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_company import SAMPLING

# wjl_quality_mrp adds the manufacturing stages (in-process, finished goods).
STAGES = [("incoming", "Incoming Inspection")]


class WjlQualityGate(models.Model):
    """Quality gate 质量关卡（检验点）: where goods are inspected (R3.3.3, R3.3.4).

    ``incoming`` gates inspect receipts (原材料检验); with manufacturing
    (``wjl_quality_mrp``), ``in_process`` gates inspect manufacturing orders of
    semi-finished products (半成品检验) and ``finished`` gates those of end
    products (成品检验).
    """

    _name = "wjl.quality.gate"
    _description = "Quality Gate"
    _inherit = ["mail.thread", "wjl.required.text.mixin"]
    _order = "sequence, id"
    _wjl_required_text_fields = ("name",)

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    stage = fields.Selection(STAGES, required=True, default="incoming", tracking=True)
    product_ids = fields.Many2many(
        "product.product",
        "wjl_quality_gate_product_rel",
        "gate_id",
        "product_id",
        string="Products",
        help="Leave empty to inspect every product.",
    )
    product_categ_ids = fields.Many2many(
        "product.category",
        "wjl_quality_gate_categ_rel",
        "gate_id",
        "categ_id",
        string="Product Categories",
        help="Leave empty to inspect every category (sub-categories included).",
    )
    picking_type_ids = fields.Many2many(
        "stock.picking.type",
        "wjl_quality_gate_picking_type_rel",
        "gate_id",
        "picking_type_id",
        string="Receipt Types",
        domain=[("code", "=", "incoming")],
        help="Incoming gates only: leave empty to inspect every receipt.",
    )
    blocking = fields.Boolean(
        default=lambda self: self.env.company.wjl_quality_default_blocking,
        tracking=True,
        help="Refuse to validate the receipt or finish the manufacturing order while "
        "an inspection of this gate is still to do (R3.3.4).",
    )
    sampling = fields.Selection(
        SAMPLING,
        required=True,
        default=lambda self: self.env.company.wjl_quality_default_sampling or "all",
        tracking=True,
    )
    sampling_value = fields.Float(
        default=lambda self: self.env.company.wjl_quality_default_sampling_value,
        help="Percentage of the quantity, or fixed quantity, to inspect.",
    )
    criterion_ids = fields.One2many(
        "wjl.quality.criterion", "gate_id", string="Criteria", copy=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Responsible Department",
        default=lambda self: self.env["hr.department"]._wjl_find_by_role("quality"),
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    inspection_ids = fields.One2many("wjl.quality.inspection", "gate_id")
    inspection_count = fields.Integer(compute="_compute_inspection_count")
    note = fields.Html(string="Instructions")

    @api.constrains("sampling", "sampling_value")
    def _check_sampling(self):
        for gate in self:
            if gate.sampling == "percentage" and not 0 < gate.sampling_value <= 100:
                raise ValidationError(
                    self.env._("The sampling percentage must be between 0 and 100.")
                )
            if gate.sampling == "fixed" and gate.sampling_value <= 0:
                raise ValidationError(self.env._("The fixed sampling quantity must be positive."))

    def _compute_inspection_count(self):
        counts = dict(
            self.env["wjl.quality.inspection"]._read_group(
                [("gate_id", "in", self.ids)], ["gate_id"], ["__count"]
            )
        )
        for gate in self:
            gate.inspection_count = counts.get(gate, 0)

    def _qty_to_inspect(self, quantity):
        """Quantity to inspect out of ``quantity`` according to the sampling."""
        self.ensure_one()
        if self.sampling == "percentage":
            return min(quantity, math.ceil(quantity * self.sampling_value / 100.0))
        if self.sampling == "fixed":
            return min(quantity, self.sampling_value)
        return quantity

    def _matches(self, product, picking_type=None):
        """Whether this gate applies to ``product`` (and receipt ``picking_type``)."""
        self.ensure_one()
        if self.product_ids and product not in self.product_ids:
            return False
        if self.product_categ_ids:
            parents = {int(i) for i in product.categ_id.parent_path.split("/") if i}
            if not parents & set(self.product_categ_ids.ids):
                return False
        if (
            self.stage == "incoming"
            and self.picking_type_ids
            and picking_type not in self.picking_type_ids
        ):
            return False
        return True

    @api.model
    def _get_gates(self, stages, companies):
        """Active gates of ``stages`` for ``companies``, with their relations prefetched."""
        gates = self.search([("stage", "in", list(stages)), ("company_id", "in", companies.ids)])
        if gates:
            gates.mapped("product_ids")  # one query per relation, not per gate
            gates.mapped("product_categ_ids")
            gates.mapped("picking_type_ids")
        return gates

    def action_view_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "wjl_quality.wjl_quality_inspection_action"
        )
        action["domain"] = [("gate_id", "=", self.id)]
        action["context"] = {"default_gate_id": self.id}
        return action
