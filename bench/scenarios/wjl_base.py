"""Alert centre benchmarks (issue: raising 2,000 alerts vs 2,000 plain activities)."""

from ..harness import Scenario


class _AlertScenario(Scenario):
    addon = "wjl_base"
    max_ratio = 1.5

    def setup(self, env, scale):
        count = max(int(2000 * scale), 10)
        manager = env["res.users"].create(
            {
                "name": "Bench Head",
                "login": "bench_alert_manager",
                "groups_id": [(6, 0, [env.ref("wjl_base.group_wjl_manager").id])],
            }
        )
        department = env["hr.department"].create({"name": "Bench Line", "wjl_code": "BENCH"})
        department.manager_id = env["hr.employee"].create(
            {"name": "Bench Head", "user_id": manager.id, "department_id": department.id}
        )
        partners = env["res.partner"].create(
            [{"name": f"Bench source {i:05d}"} for i in range(count * 2)]
        )
        return {
            "manager": manager,
            "department": department,
            # Separate sources so neither side benefits from the other's records.
            "baseline_sources": partners[:count],
            "subject_sources": partners[count:],
            "activity_type": env.ref("mail.mail_activity_data_todo"),
            "model_id": env["ir.model"]._get_id("res.partner"),
        }

    def _activity_vals(self, state, partner):
        return {
            "res_model_id": state["model_id"],
            "res_id": partner.id,
            "activity_type_id": state["activity_type"].id,
            "summary": "Please check",
            "user_id": state["manager"].id,
        }

    def extra(self, env, state, result):
        count = len(state["subject_sources"])
        alerts = env["wjl.alert"].search_count(
            [("res_model", "=", "res.partner"), ("res_id", "in", state["subject_sources"].ids)]
        )
        return {
            "alerts": count,
            "queries_per_alert": round(result["subject_queries"] / count, 2),
            "queries_per_activity": round(result["baseline_queries"] / count, 2),
            "ok": alerts == count,
        }


class AlertsRaiseOneByOne(_AlertScenario):
    name = "alerts_raise_2000"
    target = "2,000 raise_alert calls <= 1.5x 2,000 mail.activity creates"

    def baseline(self, env, state):
        Activity = env["mail.activity"]
        for partner in state["baseline_sources"]:
            Activity.create(self._activity_vals(state, partner))

    def subject(self, env, state):
        Alert = env["wjl.alert"]
        for partner in state["subject_sources"]:
            Alert.raise_alert(
                partner, "bench", message="Please check", department=state["department"]
            )


class AlertsRaiseBatch(_AlertScenario):
    name = "alerts_raise_2000_batch"
    target = "one raise_alert over 2,000 sources <= 1.5x one create of 2,000 activities"

    def baseline(self, env, state):
        env["mail.activity"].create(
            [self._activity_vals(state, partner) for partner in state["baseline_sources"]]
        )

    def subject(self, env, state):
        env["wjl.alert"].raise_alert(
            state["subject_sources"],
            "bench",
            message="Please check",
            department=state["department"],
        )
