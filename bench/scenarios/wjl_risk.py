"""Risk register benchmarks (issue 7): key risk indicator evaluation and heat map."""

from odoo.osv import expression
from odoo.tools import SQL

from ..harness import Scenario


def _insert_risks(env, count, rand):
    """Insert ``count`` assessed risks straight in SQL (setup only, fixed seed)."""
    categories = env["wjl.risk.category"].search([]).ids
    departments = env["hr.department"].search([("wjl_role", "!=", False)]).ids or [
        env["hr.department"].create({"name": "Bench risk department"}).id
    ]
    company = env.company
    rows = []
    for index in range(count):
        likelihood = rand.randint(1, 5)
        impact = rand.randint(1, 5)
        score = likelihood * impact
        rows.append(
            (
                f"BENCH/{index:06d}",
                f"Bench risk {index:06d}",
                rand.choice(categories),
                rand.choice(departments),
                likelihood,
                impact,
                score,
                company._wjl_risk_level(score),
                float(rand.randint(0, 100000)),
                rand.choice(["assessed", "treated", "monitoring", "monitoring", "closed"]),
            )
        )
    for start in range(0, len(rows), 5000):
        chunk = rows[start : start + 5000]
        env.cr.execute(
            SQL(
                """
                INSERT INTO wjl_risk (code, name, category_id, department_id, likelihood,
                       impact, score, level, expected_loss, state, company_id, active,
                       identified_date, create_uid, write_uid, create_date, write_date)
                SELECT v.code, v.name, v.category_id, v.department_id, v.likelihood,
                       v.impact, v.score, v.level, v.expected_loss, v.state, %s, TRUE,
                       CURRENT_DATE, %s, %s, NOW() AT TIME ZONE 'UTC', NOW() AT TIME ZONE 'UTC'
                  FROM unnest(%s::varchar[], %s::varchar[], %s::int[], %s::int[], %s::int[],
                              %s::int[], %s::int[], %s::varchar[], %s::numeric[], %s::varchar[])
                       AS v(code, name, category_id, department_id, likelihood, impact, score,
                            level, expected_loss, state)
                """,
                company.id,
                env.uid,
                env.uid,
                *[list(column) for column in zip(*chunk)],
            )
        )
    env.cr.execute(SQL("ANALYZE wjl_risk"))
    return departments


class RiskKriEvaluate(Scenario):
    name = "risk_kri_evaluate"
    addon = "wjl_risk"
    target = (
        "evaluate 2,000 computed indicators <= 1.5x the bare grouped reads of the same "
        "domains; <= 3 queries per indicator + a constant"
    )
    max_ratio = 1.5

    def setup(self, env, scale):
        count = max(int(2000 * scale), 20)
        departments = _insert_risks(env, max(int(20000 * scale), 200), self.random)
        risk = env["wjl.risk"].create(
            {
                "name": "Bench KRI risk",
                "category_id": env.ref("wjl_risk.risk_category_operational").id,
                "department_id": departments[0],
            }
        )
        model = env["ir.model"]._get("wjl.risk")
        loss = env["ir.model.fields"]._get("wjl.risk", "expected_loss")
        owner = env.ref("base.user_admin")  # indicators measure as their owner (R7.2.2)
        vals_list = []
        for index in range(count):
            domain = (
                f"[('department_id', '=', {self.random.choice(departments)}), "
                f"('score', '>=', {self.random.randint(1, 20)}), "
                f"('state', '!=', 'closed'), ('id', '>', {index})]"
            )
            is_sum = index % 2
            vals_list.append(
                {
                    "name": f"Bench KRI {index:05d}",
                    "owner_user_id": owner.id,
                    "risk_id": risk.id,
                    "source": "computed",
                    "model_id": model.id,
                    "domain": domain,
                    "measure": "sum" if is_sum else "count",
                    "measure_field_id": loss.id if is_sum else False,
                    "threshold_warning": 10**9,
                    "threshold_critical": 10**10,
                }
            )
        indicators = env["wjl.risk.indicator"].create(vals_list)
        Indicator = env["wjl.risk.indicator"]
        # the same domains, already parsed, with the same company filter
        reads = [
            (
                expression.AND(
                    [
                        Indicator._wjl_literal_domain(vals["domain"]),
                        [("company_id", "in", [env.company.id, False])],
                    ]
                ),
                "expected_loss:sum" if vals["measure"] == "sum" else "__count",
            )
            for vals in vals_list
        ]
        return {"indicators": indicators, "reads": reads, "count": count, "owner": owner}

    def baseline(self, env, state):
        # the same reads with the owner's access rights, as the indicators measure
        Risk = env["wjl.risk"].with_user(state["owner"])
        for domain, aggregate in state["reads"]:
            Risk._read_group(domain, [], [aggregate])

    def subject(self, env, state):
        state["indicators"].with_env(env)._wjl_evaluate()

    def extra(self, env, state, result):
        indicators = state["indicators"].with_env(env)
        counts = {}
        for size in (10, 110):
            subset = indicators[:size]
            env.flush_all()
            env.invalidate_all()
            before = env.cr.sql_log_count
            subset._wjl_evaluate()
            env.flush_all()
            counts[size] = env.cr.sql_log_count - before
        per_indicator = (counts[110] - counts[10]) / 100
        constant = counts[10] - per_indicator * 10
        statuses = set(indicators.mapped("status"))
        return {
            "indicators": state["count"],
            "queries_per_indicator": round(per_indicator, 2),
            "queries_constant": round(constant, 1),
            "statuses": ",".join(sorted(statuses)),
            "ok": per_indicator <= 3 and statuses == {"ok"},
        }


class RiskHeatmap(Scenario):
    name = "risk_heatmap"
    addon = "wjl_risk"
    target = (
        "heat map of 20,000 risks in one grouped query per call; <= 1.5x the bare "
        "grouped read (both repeated 10 times to smooth out noise)"
    )
    max_ratio = 1.5
    repeat = 10
    domain = [("state", "!=", "closed"), ("likelihood", ">", 0), ("impact", ">", 0)]

    def setup(self, env, scale):
        _insert_risks(env, max(int(20000 * scale), 200), self.random)
        env["wjl.risk"].get_heatmap_data()  # warm the registry caches (thresholds)
        return {}

    def baseline(self, env, state):
        for __ in range(self.repeat):
            env["wjl.risk"]._read_group(self.domain, ["likelihood", "impact"], ["__count"])

    def subject(self, env, state):
        for __ in range(self.repeat):
            state["data"] = env["wjl.risk"].get_heatmap_data()

    def extra(self, env, state, result):
        total = env["wjl.risk"].search_count(self.domain)
        queries_per_call = result["subject_queries"] / self.repeat
        return {
            "risks": env["wjl.risk"].search_count([]),
            "open_assessed_risks": total,
            "queries_per_heatmap": queries_per_call,
            "ok": queries_per_call <= 1 and state["data"]["total"] == total,
        }
