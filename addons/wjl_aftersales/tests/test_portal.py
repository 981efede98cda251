# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Portal /my/aftersales: submit, follow, confirm, reopen, isolation (R3.5.1, R3.5.4)."""

from odoo.http import Request
from odoo.tests import HttpCase, tagged

from .common import AftersalesCommon


@tagged("post_install", "-at_install")
class TestPortal(HttpCase, AftersalesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.t_a = cls._ticket(title="Desk of A", partner_id=cls.contact_a.id)
        cls.t_b = cls._ticket(title="Desk of B", partner_id=cls.contact_b.id)

    def _post(self, url, data):
        data = dict(data, csrf_token=Request.csrf_token(self))
        return self.url_open(url, data=data)

    def test_submit_and_follow(self):
        self.authenticate("wjla_portal_a", "wjla_portal_a")
        response = self.url_open("/my/aftersales")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Desk of A", response.text)
        self.assertNotIn("Desk of B", response.text)
        self.assertEqual(self.url_open("/my/aftersales/new").status_code, 200)
        response = self._post(
            "/my/aftersales/new",
            {
                "title": "Lamp flickers",
                "description": "Since yesterday",
                "problem_class": "quality",
                "product_id": str(self.product.id),
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.Ticket.search([("title", "=", "Lamp flickers")])
        self.assertRecordValues(
            ticket,
            [
                {
                    "channel": "online",
                    "partner_id": self.contact_a.id,
                    "state": "new",
                    "problem_class": "quality",
                    "department_id": self.dept_quality.id,
                    "product_id": self.product.id,
                }
            ],
        )
        self.assertIn(f"/my/aftersales/{ticket.id}", response.url)
        self.assertIn("Lamp flickers", response.text)
        self.assertIn(self.contact_a, ticket.message_partner_ids)

    def test_isolation_between_customers(self):
        self.authenticate("wjla_portal_b", "wjla_portal_b")
        response = self.url_open(f"/my/aftersales/{self.t_a.id}")
        self.assertNotIn("Desk of A", response.text)
        self.assertTrue(
            response.url.endswith("/my")
            or "/my/home" in response.url
            or "/web/login" in response.url,
            response.url,
        )
        # B cannot confirm A's ticket
        self._resolve(self.t_a)
        self._post(f"/my/aftersales/{self.t_a.id}/confirm", {"decision": "solved", "rating": "5"})
        self.assertEqual(self.t_a.state, "resolved")
        self.assertEqual(self.url_open(f"/my/aftersales/{self.t_b.id}").status_code, 200)

    def test_confirm_with_rating(self):
        self._resolve(self.t_a)
        self.authenticate("wjla_portal_a", "wjla_portal_a")
        response = self.url_open(f"/my/aftersales/{self.t_a.id}")
        self.assertIn("o_wjl_aftersales_confirm", response.text)
        response = self._post(
            f"/my/aftersales/{self.t_a.id}/confirm",
            {"decision": "solved", "rating": "4", "comment": "Thanks"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertRecordValues(
            self.t_a,
            [{"state": "closed", "rating_last_value": 4, "rating_last_feedback": "Thanks"}],
        )

    def test_not_solved_reopens(self):
        self._resolve(self.t_a)
        self.authenticate("wjla_portal_a", "wjla_portal_a")
        self._post(
            f"/my/aftersales/{self.t_a.id}/confirm",
            {"decision": "not_solved", "comment": "Still noisy"},
        )
        self.assertRecordValues(
            self.t_a, [{"state": "in_progress", "confirmation_state": "not_solved"}]
        )

    def test_access_token_link(self):
        """The link of the resolved message works without logging in."""
        self._resolve(self.t_a)
        self.authenticate(None, None)  # a public visitor
        url = self.t_a.get_portal_url()
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Desk of A", response.text)
        token = self.t_a.access_token
        self._post(
            f"/my/aftersales/{self.t_a.id}/confirm",
            {"decision": "solved", "rating": "5", "access_token": token},
        )
        self.assertEqual(self.t_a.state, "closed")
        # a wrong token gives nothing
        response = self.url_open(f"/my/aftersales/{self.t_b.id}?access_token=wrong")
        self.assertNotIn("Desk of B", response.text)

    def test_rating_page_confirms(self):
        """R3.5.4: the rating page linked from the resolved email (``/rate/<token>/<score>``)
        confirms the solution like the portal form: a good rating closes the ticket,
        a bad one keeps it resolved for the analysis and alerts the manager."""
        self._resolve(self.t_a)
        self._resolve(self.t_b)
        self.authenticate(None, None)  # from the email, without logging in
        response = self.url_open(f"/rate/{self.t_a._rating_get_access_token()}/5")
        self.assertEqual(response.status_code, 200)
        self.assertRecordValues(
            self.t_a,
            [{"state": "closed", "confirmation_state": "satisfied", "rating_last_value": 5}],
        )
        self.url_open(f"/rate/{self.t_b._rating_get_access_token()}/1")
        self.assertRecordValues(
            self.t_b,
            [{"state": "resolved", "confirmation_state": "satisfied", "rating_last_value": 1}],
        )
        alert = self.Alert.search(
            [("res_id", "=", self.t_b.id), ("res_model", "=", self.t_b._name)]
        ).filtered(lambda a: a.kind == "aftersales_rating")
        self.assertEqual(alert.user_ids, self.tech_manager)
        # the customer reads their rating on the ticket's page
        self.authenticate("wjla_portal_a", "wjla_portal_a")
        page = self.url_open(f"/my/aftersales/{self.t_a.id}").text
        self.assertRegex(page, r'o_wjl_aftersales_rating".*<span>5 - \S')
