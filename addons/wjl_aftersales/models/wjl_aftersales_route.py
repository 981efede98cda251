# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PROBLEM_CLASSES = [
    ("technical", "Technical Problem"),
    ("quality", "Quality Problem"),
    ("usage", "Usage Problem"),
    ("other", "Other"),
]


class WjlAftersalesRoute(models.Model):
    """Routing table of after-sales tickets (R3.5.2, R2.2.5).

    A ticket goes to the department of the route matching its problem class and
    the most specific product category; a route without category serves every
    product of the class.
    """

    _name = "wjl.aftersales.route"
    _description = "After-Sales Route"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    problem_class = fields.Selection(PROBLEM_CLASSES, required=True, index=True)
    product_categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        ondelete="cascade",
        help="Only for products of this category (or its sub-categories). Leave empty "
        "for every product.",
    )
    department_id = fields.Many2one("hr.department", required=True, ondelete="restrict")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)

    @api.depends("problem_class", "product_categ_id", "department_id")
    def _compute_display_name(self):
        classes = dict(self._fields["problem_class"]._description_selection(self.env))
        for route in self:
            parts = [classes.get(route.problem_class, "")]
            if route.product_categ_id:
                parts.append(route.product_categ_id.display_name)
            route.display_name = f"{' / '.join(parts)} → {route.department_id.name or ''}"

    @api.constrains("problem_class", "product_categ_id", "company_id", "active")
    def _check_unique_route(self):
        routes = self.filtered("active")
        if not routes:
            return
        duplicates = self._read_group(
            [
                ("problem_class", "in", routes.mapped("problem_class")),
                ("company_id", "in", routes.company_id.ids + [False]),
            ],
            ["problem_class", "product_categ_id", "company_id"],
            ["__count"],
            having=[("__count", ">", 1)],
        )
        if duplicates:
            raise ValidationError(
                self.env._(
                    "There is already a route for this problem class and product "
                    "category. Edit the existing route instead of adding another one."
                )
            )

    @api.model
    def _wjl_route_batch(self, tickets):
        """Department of each ticket, from one read of the routing table.

        :param tickets: ``wjl.aftersales.ticket`` records (new or saved)
        :return: dict ticket -> ``hr.department`` (maybe empty)
        """
        # The routing table is configuration every ticket author must be able to
        # apply (portal customers included): reading it grants nothing else.
        routes = self.sudo().search([])
        by_class = {}
        for route in routes:
            by_class.setdefault(route.problem_class, []).append(route)
        result = {}
        Department = self.env["hr.department"]
        # product categories of the batch, read once
        categ_paths = {
            product.id: [int(x) for x in (product.categ_id.parent_path or "").split("/") if x]
            for product in tickets.product_id.sudo()
        }
        cache = {}
        for ticket in tickets:
            key = (ticket.problem_class, ticket.company_id.id, ticket.product_id.id)
            if key not in cache:
                cache[key] = self._wjl_best_route(
                    by_class.get(ticket.problem_class, []),
                    ticket.company_id,
                    categ_paths.get(ticket.product_id.id, []),
                )
            best = cache[key]
            result[ticket] = best.department_id.with_env(self.env) if best else Department
        return result

    @api.model
    def _wjl_best_route(self, routes, company, ancestors):
        """Most specific route among ``routes`` for a product whose category path
        is ``ancestors`` (ids from the root), company routes before shared ones."""
        best, best_rank = None, None
        for route in routes:
            if route.company_id and route.company_id != company:
                continue
            if route.product_categ_id:
                if route.product_categ_id.id not in ancestors:
                    continue
                # deeper category = more specific
                rank = (0, -ancestors.index(route.product_categ_id.id))
            else:
                rank = (1, 0)
            rank = rank + (0 if route.company_id else 1, route.sequence, route.id)
            if best_rank is None or rank < best_rank:
                best, best_rank = route, rank
        return best
