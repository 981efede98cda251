# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The "ticket assessed" email shows the deadline in the company's time zone, as
the back end and the portal do (issue 11, R3.5.3).

The template is ``noupdate`` (administrators edit it): only the expression of the
shipped version is replaced, in every language, and an edited one is left alone.
"""

OLD = (
    "format_datetime(object.deadline, tz=object.partner_id.tz or 'Asia/Shanghai', "
    "dt_format='short')"
)
NEW = "object._wjl_format_datetime(object.deadline)"


def migrate(cr, version):
    cr.execute(
        """
        UPDATE mail_template t
           SET body_html = replace(t.body_html::text, %(old)s, %(new)s)::jsonb
          FROM ir_model_data d
         WHERE d.module = 'wjl_aftersales'
           AND d.name = 'mail_template_ticket_assessed'
           AND d.model = 'mail.template'
           AND t.id = d.res_id
           AND strpos(t.body_html::text, %(old)s) > 0
        """,
        {"old": OLD, "new": NEW},
    )
