"""Appraisal benchmarks (issue 5): generating a cycle for 2,000 employees and
computing their grades, against creating as many records of a minimal model."""

from odoo import Command

from ..harness import Scenario

DEPARTMENTS = 20
INDICATORS = 4
SCORES = (95, 82, 68, 40)  # one per grade: excellent, good, pass, fail


class AppraisalGenerate(Scenario):
    name = "appraisal_generate"
    addon = "wjl_appraisal"
    target = (
        "generate + grade 2,000 appraisals (+ 8,000 indicator lines) <= 2x creating "
        "10,000 minimal records; "
        "queries do not grow per employee"
    )
    max_ratio = 2.0

    def setup(self, env, scale):
        count = max(int(2000 * scale), 20)
        env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True))
        heads = env["res.users"].create(
            [
                {
                    "name": f"Bench Appraiser {i:02d}",
                    "login": f"bench_appraiser_{i:02d}",
                    "groups_id": [Command.set([env.ref("wjl_base.group_wjl_manager").id])],
                }
                for i in range(DEPARTMENTS)
            ]
        )
        departments = env["hr.department"].create(
            [{"name": f"Bench Appraisal Dept {i:02d}"} for i in range(DEPARTMENTS)]
        )
        head_employees = env["hr.employee"].create(
            [
                {"name": user.name, "user_id": user.id, "department_id": dept.id}
                for user, dept in zip(heads, departments)
            ]
        )
        for dept, head in zip(departments, head_employees):
            dept.manager_id = head
        env["hr.employee"].create(
            [
                {
                    "name": f"Bench Appraisee {i:05d}",
                    "department_id": departments[i % DEPARTMENTS].id,
                }
                for i in range(count - DEPARTMENTS)
            ]
        )
        env["wjl.appraisal.template"].create(
            [
                {
                    "name": f"Bench template {dept.name}",
                    "sequence": 1,
                    "department_id": dept.id,
                    "line_ids": [
                        Command.create({"name": f"Indicator {k}", "weight": 100 / INDICATORS})
                        for k in range(INDICATORS)
                    ],
                }
                for dept in departments
            ]
        )

        def cycle(name):
            return env["wjl.appraisal.cycle"].create(
                {
                    "name": name,
                    "date_start": "2026-01-01",
                    "date_end": "2026-03-31",
                    "department_ids": [Command.set(departments.ids)],
                }
            )

        # A small cycle (a tenth of the departments) shows queries do not grow.
        small_cycle = env["wjl.appraisal.cycle"].create(
            {
                "name": "Bench small cycle",
                "date_start": "2026-01-01",
                "date_end": "2026-03-31",
                "department_ids": [Command.set(departments[:2].ids)],
            }
        )
        return {
            "count": count,
            "cycle": cycle("Bench cycle"),
            "small_cycle": small_cycle,
            "departments": departments,
        }

    def baseline(self, env, state):
        # As many minimal records as the subject creates: the appraisals and their
        # indicator lines, in one create call.
        env["hr.employee.category"].create(
            [{"name": f"Bench minimal {i:06d}"} for i in range(state["count"] * (1 + INDICATORS))]
        )

    @staticmethod
    def _generate_and_grade(cycle):
        appraisals = cycle.action_generate()
        # The appraisers score: every appraisal in manager review, one score per
        # group of employees, so all four grades occur.
        appraisals.write({"state": "manager_review"})
        for index, score in enumerate(SCORES):
            appraisals[index :: len(SCORES)].line_ids.write({"score": score})
        return appraisals

    def subject(self, env, state):
        self._generate_and_grade(state["cycle"])

    def extra(self, env, state, result):
        appraisals = state["cycle"].appraisal_ids
        grades = {
            grade: count
            for grade, count in env["wjl.appraisal"]._read_group(
                [("cycle_id", "=", state["cycle"].id)], ["grade"], ["__count"]
            )
        }
        # Same operation on a tenth of the employees: the query count must not
        # scale with the number of employees (only ORM insert batches of 100).
        env.flush_all()
        before = env.cr.sql_log_count
        small = self._generate_and_grade(state["small_cycle"])
        env.flush_all()
        small_queries = env.cr.sql_log_count - before
        count = state["count"]
        ok = len(appraisals) == count and set(grades) == {"excellent", "good", "pass", "fail"}
        # ORM inserts go in batches of 100 rows: allow one query per 100 records
        # (appraisals + lines) on top of the small cycle's count.
        batches = (count - len(small)) * (1 + INDICATORS) // 100 + 1
        ok = ok and result["subject_queries"] <= small_queries + 3 * batches
        return {
            "appraisals": len(appraisals),
            "indicator_lines": len(appraisals.line_ids),
            "grades": grades,
            "queries_subject": result["subject_queries"],
            "queries_small_cycle": small_queries,
            "small_cycle_appraisals": len(small),
            "queries_per_employee": round(result["subject_queries"] / count, 3),
            "ok": ok,
        }
