# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time

from psycopg2 import errors as pg_errors

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, tagged
from odoo.tests.common import get_db_name
from odoo.tools import SQL, mute_logger
from odoo.tools.sql import index_exists

from ..models.wjl_alert import OPEN_ALERT_INDEX
from .common import WjlBaseCommon

KIND = "wjl_base_concurrency"


@tagged("post_install", "-at_install")
class TestAlertUniqueIndex(WjlBaseCommon):
    """Issue 11, item 6: the database keeps one open alert per company, kind and
    source, whatever path writes (R6.3.2)."""

    def test_second_open_alert_refused_by_the_database(self):
        alert = self.Alert.raise_alert(self.source_1, KIND, department=self.dept_a)
        vals = {
            "name": "Copy",
            "kind": KIND,
            "res_model": "res.partner",
            "res_id": self.source_1.id,
            "company_id": alert.company_id.id,
        }
        with self.assertRaises(pg_errors.UniqueViolation), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                self.Alert.create(vals)
        # resolved alerts do not count: the history may hold many
        alert.action_resolve()
        again = self.Alert.raise_alert(self.source_1, KIND, department=self.dept_a)
        again.action_resolve()
        self.Alert.create(dict(vals, state="resolved"))


@tagged("post_install", "-at_install")
class TestAlertConcurrency(BaseCase):
    """Two transactions raise the same alert at once: one alert, raised twice (R6.3.2).

    The commits are the point of the test: two independent transactions only see
    each other's committed work. The source is committed in its own cursor and
    everything is removed at the end; each raise runs in its own cursor, the
    second one in a thread, through Odoo's request retry (``retrying``).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.addClassCleanup(cls._cleanup)
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            source = env["res.partner"].create({"name": "Alert concurrency source"})
            cls.source_id = source.id
            cr.commit()  # pylint: disable=invalid-commit

    @classmethod
    def _cleanup(cls):
        source_id = getattr(cls, "source_id", None)
        if not source_id:
            return
        with cls.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT id FROM wjl_alert WHERE res_model = 'res.partner' AND res_id = %s",
                    source_id,
                )
            )
            alert_ids = [row[0] for row in cr.fetchall()]
            for model, ids in (("wjl.alert", alert_ids), ("res.partner", [source_id])):
                for table in ("mail_message", "mail_activity"):
                    cr.execute(
                        SQL(
                            "DELETE FROM %s WHERE %s = %s AND res_id = ANY(%s)",
                            SQL.identifier(table),
                            SQL.identifier("model" if table == "mail_message" else "res_model"),
                            model,
                            ids,
                        )
                    )
                cr.execute(
                    SQL(
                        "DELETE FROM mail_followers WHERE res_model = %s AND res_id = ANY(%s)",
                        model,
                        ids,
                    )
                )
            cr.execute(SQL("DELETE FROM wjl_alert WHERE id = ANY(%s)", alert_ids))
            cr.execute(SQL("DELETE FROM res_partner WHERE id = %s", source_id))
            cr.commit()  # pylint: disable=invalid-commit

    def _raise(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {})
        source = env["res.partner"].browse(self.source_id)
        return env["wjl.alert"].raise_alert(source, KIND, level="warning")

    def test_two_transactions_raise_one_alert(self):
        attempts, outcome = [], {}
        started = threading.Event()

        def second_request():
            try:
                with self.registry.cursor() as cr2:
                    env = api.Environment(cr2, SUPERUSER_ID, {})
                    # the snapshot is taken before the first transaction commits
                    cr2.execute("SELECT 1")
                    started.set()

                    def attempt():
                        attempts.append(len(attempts) + 1)
                        return self._raise(env.cr).ids

                    outcome["alert_ids"] = retrying(attempt, env)
            except Exception as exc:  # reported by the main thread
                outcome["error"] = repr(exc)
                started.set()

        with self.registry.cursor() as cr1:
            first = self._raise(cr1)
            first_ids = first.ids
            thread = threading.Thread(target=second_request)
            thread.start()
            started.wait(10)
            time.sleep(0.5)  # the second insert now waits on the first one's index entry
            cr1.commit()  # pylint: disable=invalid-commit
        thread.join(60)
        self.assertFalse(thread.is_alive())
        self.assertNotIn("error", outcome, outcome.get("error"))
        # the first try met the committed alert it could not see: retried once, it
        # updated that alert instead of adding a second one
        self.assertEqual(len(attempts), 2)
        self.assertEqual(outcome["alert_ids"], first_ids)
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "SELECT state, raise_count FROM wjl_alert "
                    "WHERE res_model = 'res.partner' AND res_id = %s AND kind = %s",
                    self.source_id,
                    KIND,
                )
            )
            self.assertEqual(cr.fetchall(), [("open", 2)])


class TestAlertDuplicatesOfOlderVersions(WjlBaseCommon):
    def test_init_resolves_older_twins_before_indexing(self):
        """A database of an older version may hold two open alerts of one kind for a
        source: installing the index resolves the older one and its activities."""
        older = self.Alert.raise_alert(self.source_1, "twin_check", message="First")
        self.env.cr.execute(SQL("DROP INDEX %s", SQL.identifier(OPEN_ALERT_INDEX)))
        newer = older.copy({"name": "Second", "date_last": older.date_last})
        newer.flush_recordset()
        self.assertEqual((older + newer).mapped("state"), ["open", "open"])
        self.Alert.init()
        self.assertEqual(older.state, "resolved")
        self.assertFalse(older.activity_ids)
        self.assertEqual(newer.state, "open")
        self.assertTrue(index_exists(self.env.cr, OPEN_ALERT_INDEX))
