# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup, escape

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

TICKET_MODEL = "wjl.aftersales.ticket"


class WjlAftersalesPortal(CustomerPortal):
    """Customer side of the after-sales service (R3.5.1, R3.5.3, R3.5.4).

    A logged-in customer submits tickets online, follows them and confirms or
    rejects the solution. Customers only reach their commercial partner's
    tickets: the record rules decide, and every route checks the record again.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "aftersales_count" in counters:
            Ticket = request.env[TICKET_MODEL]
            values["aftersales_count"] = Ticket.search_count([]) if Ticket.has_access("read") else 0
        return values

    def _wjl_ticket_check(self, ticket_id, access_token=None):
        try:
            return self._document_check_access(TICKET_MODEL, ticket_id, access_token)
        except (AccessError, MissingError):
            return None

    @http.route(
        ["/my/aftersales", "/my/aftersales/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_aftersales(self, page=1, sortby=None, filterby=None, **kw):
        Ticket = request.env[TICKET_MODEL]
        sortings = {
            "date": {"label": request.env._("Newest"), "order": "date_received desc, id desc"},
            "name": {"label": request.env._("Reference"), "order": "name desc"},
            "stage": {"label": request.env._("Stage"), "order": "stage_id, id desc"},
        }
        filters = {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {
                "label": request.env._("Open"),
                "domain": [("state", "in", ("new", "assessed", "in_progress"))],
            },
            "resolved": {
                "label": request.env._("To Confirm"),
                "domain": [("state", "=", "resolved")],
            },
            "closed": {"label": request.env._("Closed"), "domain": [("state", "=", "closed")]},
        }
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        domain = filters[filterby]["domain"]
        count = Ticket.search_count(domain) if Ticket.has_access("read") else 0
        pager = portal_pager(
            url="/my/aftersales",
            url_args={"sortby": sortby, "filterby": filterby},
            total=count,
            page=page,
            step=self._items_per_page,
        )
        tickets = (
            Ticket.search(
                domain,
                order=sortings[sortby]["order"],
                limit=self._items_per_page,
                offset=pager["offset"],
            )
            if count
            else Ticket
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "tickets": tickets,
                "page_name": "aftersales",
                "pager": pager,
                "default_url": "/my/aftersales",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
            }
        )
        return request.render("wjl_aftersales.portal_my_aftersales", values)

    @http.route(
        "/my/aftersales/new", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_aftersales_new(self, **post):
        """Submit a ticket online (channel ``online``, R3.5.1)."""
        partner = request.env.user.partner_id
        error = None
        if request.httprequest.method == "POST":
            title = (post.get("title") or "").strip()
            description = (post.get("description") or "").strip()
            if not title or not description:
                error = request.env._("Give a subject and describe the problem.")
            else:
                vals = {
                    "title": title,
                    "description": Markup("<p>%s</p>") % escape(description),
                    "channel": "online",
                    "partner_id": partner.id,
                }
                product_id = post.get("product_id")
                if product_id and product_id.isdigit():
                    product = request.env["product.product"].sudo().browse(int(product_id))
                    # only offer-able products: sold ones
                    if product.exists() and product.sale_ok:
                        vals["product_id"] = product.id
                problem_class = post.get("problem_class")
                if problem_class in dict(
                    request.env[TICKET_MODEL]._fields["problem_class"].selection
                ):
                    vals["problem_class"] = problem_class
                ticket = request.env[TICKET_MODEL].create(vals)
                ticket._wjl_subscribe_customer()
                return request.redirect(ticket.access_url)
        products = (
            request.env["product.product"]
            .sudo()
            .search([("sale_ok", "=", True)], limit=200, order="name")
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "aftersales_new",
                "products": products,
                "problem_classes": request.env[TICKET_MODEL]
                ._fields["problem_class"]
                ._description_selection(request.env),
                "error": error,
                "post": post,
            }
        )
        return request.render("wjl_aftersales.portal_aftersales_new", values)

    @http.route("/my/aftersales/<int:ticket_id>", type="http", auth="public", website=True)
    def portal_aftersales_ticket(self, ticket_id, access_token=None, **kw):
        ticket_sudo = self._wjl_ticket_check(ticket_id, access_token)
        if not ticket_sudo:
            return request.redirect("/my")
        values = self._get_page_view_values(
            ticket_sudo,
            access_token,
            {
                "ticket": ticket_sudo,
                "page_name": "aftersales",
                "ratings": ticket_sudo._wjl_rating_labels(),
                "message": kw.get("message"),
            },
            "my_aftersales_history",
            False,
        )
        return request.render("wjl_aftersales.portal_aftersales_ticket", values)

    @http.route(
        "/my/aftersales/<int:ticket_id>/confirm",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
    )
    def portal_aftersales_confirm(self, ticket_id, access_token=None, **post):
        """The customer confirms the solution with a rating, or says it is not solved."""
        ticket_sudo = self._wjl_ticket_check(ticket_id, access_token)
        if not ticket_sudo:
            return request.redirect("/my")
        comment = (post.get("comment") or "").strip() or None
        try:
            # the access to the ticket was checked above (record rules or token);
            # the customer may not write tickets otherwise, hence sudo
            if post.get("decision") == "not_solved":
                ticket_sudo._wjl_customer_reopen(comment)
                message = "reopened"
            else:
                ticket_sudo._wjl_customer_confirm(post.get("rating"), comment)
                message = "confirmed"
        except UserError:
            message = "error"
        url = f"{ticket_sudo.access_url}?message={message}"
        if access_token:
            url += f"&access_token={access_token}"
        return request.redirect(url)
