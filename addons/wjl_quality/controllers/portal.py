# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


class WjlQualityPortal(CustomerPortal):
    """Supplier portal 供应商 /my/quality (R1.2).

    Isolation is enforced twice: the portal record rules restrict reads to the
    user's commercial partner, and every route adds the same domain and checks
    the record it serves.
    """

    _items_per_page = 20

    def _wjl_quality_domain(self):
        partner = request.env.user.commercial_partner_id
        return [("partner_id", "child_of", partner.id)]

    def _wjl_check_record(self, model_name, record_id, access_token=None):
        record_sudo = self._document_check_access(model_name, record_id, access_token)
        partner = request.env.user.commercial_partner_id
        if not access_token and record_sudo.partner_id.commercial_partner_id != partner:
            raise AccessError(request.env._("This quality record is not yours."))
        return record_sudo

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "wjl_quality_count" in counters:
            Inspection = request.env["wjl.quality.inspection"]
            values["wjl_quality_count"] = (
                Inspection.search_count(self._wjl_quality_domain())
                if Inspection.has_access("read")
                else 0
            )
        return values

    def _wjl_render_list(self, model_name, url, page, template, key):
        Model = request.env[model_name]
        domain = self._wjl_quality_domain()
        total = Model.search_count(domain)
        pager = portal_pager(url=url, total=total, page=page, step=self._items_per_page)
        records = Model.search(
            domain, order="id desc", limit=self._items_per_page, offset=pager["offset"]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                key: records,
                "pager": pager,
                "page_name": "wjl_quality",
                "default_url": url,
            }
        )
        return request.render(template, values)

    @http.route(
        ["/my/quality", "/my/quality/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_quality(self, page=1, **kw):
        return self._wjl_render_list(
            "wjl.quality.inspection",
            "/my/quality",
            page,
            "wjl_quality.portal_my_quality_inspections",
            "inspections",
        )

    @http.route(
        ["/my/quality/nonconformances", "/my/quality/nonconformances/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_quality_nonconformances(self, page=1, **kw):
        return self._wjl_render_list(
            "wjl.quality.nonconformance",
            "/my/quality/nonconformances",
            page,
            "wjl_quality.portal_my_quality_nonconformances",
            "nonconformances",
        )

    @http.route(
        ["/my/quality/inspection/<int:inspection_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_quality_inspection(
        self, inspection_id, access_token=None, report_type=None, download=False, **kw
    ):
        try:
            inspection_sudo = self._wjl_check_record(
                "wjl.quality.inspection", inspection_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=inspection_sudo,
                report_type=report_type,
                report_ref="wjl_quality.action_report_inspection",
                download=download,
            )
        values = self._prepare_portal_layout_values()
        values = self._get_page_view_values(
            inspection_sudo, access_token, values, "my_quality_history", False, **kw
        )
        values.update({"inspection": inspection_sudo, "page_name": "wjl_quality"})
        return request.render("wjl_quality.portal_quality_inspection", values)

    @http.route(
        ["/my/quality/nonconformance/<int:nc_id>"],
        type="http",
        auth="public",
        website=True,
    )
    def portal_quality_nonconformance(self, nc_id, access_token=None, **kw):
        try:
            nc_sudo = self._wjl_check_record("wjl.quality.nonconformance", nc_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values = self._get_page_view_values(
            nc_sudo, access_token, values, "my_quality_nc_history", False, **kw
        )
        values.update({"nonconformance": nc_sudo, "page_name": "wjl_quality"})
        return request.render("wjl_quality.portal_quality_nonconformance", values)

    @http.route(
        ["/my/quality/nonconformance/<int:nc_id>/corrective_action"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_quality_corrective_action(self, nc_id, corrective_action="", **kw):
        try:
            nc_sudo = self._wjl_check_record("wjl.quality.nonconformance", nc_id)
        except (AccessError, MissingError):
            return request.redirect("/my")
        attachments = []
        upload = request.httprequest.files.get("attachment")
        if upload and upload.filename:
            attachments.append((upload.filename, upload.read()))
        try:
            nc_sudo._wjl_submit_corrective_action(
                corrective_action,
                attachments=attachments,
                author=request.env.user.partner_id,
            )
        except UserError as e:
            return request.redirect(
                f"/my/quality/nonconformance/{nc_id}?{url_encode({'error': e.args[0]})}"
            )
        return request.redirect(f"/my/quality/nonconformance/{nc_id}?success=1")
