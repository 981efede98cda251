"""Data of the load check, built through the ORM as superuser and committed.

* a department with its analytic account and three budget items, one per control
  action (``ignore``, ``stop``, ``warn``), each on its own expense account; the
  budget lines are in three months of a year far from today (``year``);
* one buyer (purchase user), one vendor and, per control action, one service
  product per client: confirmations share nothing but the budget line (R5.2);
* draft purchase orders of one line (100.00, no tax, 100 % on the department's
  analytic account) for each client and phase;
* two portal suppliers with confirmed purchase orders whose receipts got incoming
  inspections (R3.3.4), two portal customers with after-sales tickets (R3.5).
"""

from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from odoo import Command

PRICE = 100.0
PASSWORD = "wjl-load-check"  # noqa: S105 - throw-away users of a throw-away database
KINDS = {"ignore": 1, "stop": 2, "warn": 3}  # control action -> month of its budget line


def prepare_budget(env, clients, year):
    """Department, accounts, items, the ignore and warn budgets, buyers, vendors, products."""
    env.company.write({"po_double_validation": "one_step", "wjl_budget_tolerance": 0.0})
    department = env["hr.department"].create({"name": "Load Check", "wjl_code": "WJL-LOAD"})
    analytic = department._wjl_ensure_analytic_account()
    accounts = env["account.account"].create(
        [
            {"name": f"Load check {kind}", "code": f"WJLL6{month}", "account_type": "expense"}
            for kind, month in KINDS.items()
        ]
    )
    items = env["wjl.budget.item"].create(
        [
            {
                "name": f"Load check {kind}",
                "code": f"WJL-LOAD-{kind.upper()}",
                "category": "expense",
                "control_action": kind,
                "account_ids": [Command.set(account.ids)],
            }
            for kind, account in zip(KINDS, accounts)
        ]
    )
    group = env.ref("purchase.group_purchase_user")
    buyers = env["res.users"].create(
        [
            {
                "name": f"Load Buyer {index}",
                "login": f"load_buyer_{index}",
                "email": f"load_buyer_{index}@example.com",  # message_post needs it
                "password": PASSWORD,
                "groups_id": [Command.set(group.ids)],
            }
            for index in range(clients)
        ]
    )
    vendors = env["res.partner"].create(
        [{"name": f"Load Vendor {index}", "is_company": True} for index in range(clients)]
    )
    data = {
        "year": year,
        "department": department.id,
        "analytic": analytic.id,
        "items": dict(zip(KINDS, items.ids)),
        "buyers": [{"uid": b.id, "login": b.login} for b in buyers],
        "vendors": vendors.ids,
        "products": {
            kind: _products(env, kind, account, vendors) for kind, account in zip(KINDS, accounts)
        },
        "lines": {},
    }
    data["lines"]["ignore"] = make_budget_line(env, data, "ignore", 1_000_000_000.0)
    data["lines"]["warn"] = make_budget_line(env, data, "warn", 1.0)
    return data


def _products(env, kind, account, vendors):
    products = env["product.product"].create(
        [
            {
                "name": f"Load check {kind} service {index}",
                "type": "service",
                "purchase_method": "purchase",
                "property_account_expense_id": account.id,
                "supplier_taxes_id": [Command.clear()],
                # the vendor is known: confirming adds no seller to the product
                "seller_ids": [Command.create({"partner_id": vendor.id, "price": PRICE})],
            }
            for index, vendor in enumerate(vendors)
        ]
    )
    return products.ids


def make_budget_line(env, data, kind, amount):
    """An approved budget of the month of ``kind`` with one line of ``amount``."""
    start = date(data["year"], KINDS[kind], 1)
    budget = env["wjl.budget"].create(
        {
            "name": f"Load check {kind}",
            "date_from": start,
            "date_to": start + relativedelta(day=31),
        }
    )
    line = env["wjl.budget.line"].create(
        {
            "budget_id": budget.id,
            "department_id": data["department"],
            "item_id": data["items"][kind],
            "date_from": start,
            "date_to": start + relativedelta(day=31),
            "amount_planned": amount,
        }
    )
    budget.action_submit()
    budget.action_approve()
    return line.id


def make_drafts(env, data, kind, per_client):
    """``per_client`` draft orders per client on the budget line of ``kind``."""
    day = datetime(data["year"], KINDS[kind], 10, 10, 0)
    vals_list = []
    for index, buyer in enumerate(data["buyers"]):
        vals_list += [
            {
                "partner_id": data["vendors"][index],
                "user_id": buyer["uid"],
                "date_order": day,
                "order_line": [
                    Command.create(
                        {
                            "product_id": data["products"][kind][index],
                            "product_qty": 1,
                            "price_unit": PRICE,
                            "taxes_id": [Command.clear()],
                            "analytic_distribution": {str(data["analytic"]): 100},
                        }
                    )
                ],
            }
            for __ in range(per_client)
        ]
    orders = env["purchase.order"].create(vals_list).ids
    return [orders[i * per_client : (i + 1) * per_client] for i in range(len(data["buyers"]))]


def prepare_portal(env):
    """Two portal suppliers with inspections, two portal customers with tickets."""
    portal = env.ref("base.group_portal")
    companies = env["res.partner"].create(
        [
            {"name": f"Load {role} {letter}", "is_company": True}
            for role, letter in (
                ("Supplier", "A"),
                ("Supplier", "B"),
                ("Customer", "C"),
                ("Customer", "D"),
            )
        ]
    )
    contacts = env["res.partner"].create(
        [
            {"name": f"{c.name} contact", "parent_id": c.id, "email": f"load{i}@example.com"}
            for i, c in enumerate(companies)
        ]
    )
    users = env["res.users"].create(
        [
            {
                "name": contact.name,
                "login": f"load_portal_{index}",
                "password": PASSWORD,
                "partner_id": contact.id,
                "groups_id": [Command.set(portal.ids)],
            }
            for index, contact in enumerate(contacts)
        ]
    )
    _supplier_inspections(env, companies[:2])
    _customer_tickets(env, contacts[2:])
    return [
        {"login": user.login, "partner": company.id, "role": role}
        for user, company, role in zip(
            users, companies, ("supplier", "supplier", "customer", "customer")
        )
    ]


def _supplier_inspections(env, suppliers):
    """Confirmed orders of a gated product: their receipts get inspections (R3.3.4)."""
    category = env["product.category"].create({"name": "Load check inspected"})
    product = env["product.product"].create(
        {"name": "Load check steel", "is_storable": True, "categ_id": category.id}
    )
    env["wjl.quality.gate"].create(
        {
            "name": "Load check incoming steel",
            "stage": "incoming",
            "blocking": True,
            "product_categ_ids": [Command.link(category.id)],
            "criterion_ids": [
                Command.create({"name": "Visual", "criterion_type": "passfail", "sequence": 1})
            ],
        }
    )
    orders = env["purchase.order"].create(
        [
            {
                "partner_id": supplier.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_qty": 10, "price_unit": 9})
                ],
            }
            for supplier in suppliers
            for __ in range(3)
        ]
    )
    orders.with_context(wjl_budget_skip_check=True).button_confirm()


def _customer_tickets(env, contacts):
    env["wjl.aftersales.ticket"].create(
        [
            {
                "title": f"Load check problem {index}",
                "partner_id": contact.id,
                "channel": "phone",
                "problem_class": "technical",
                "severity": "medium",
            }
            for contact in contacts
            for index in range(3)
        ]
    )


def portal_references(env, users):
    """Per portal user: own and foreign references, own and foreign record ids.

    Everything of the database is listed (demo data included), so a page showing
    another partner's record is caught.
    """
    models = {
        "supplier": ("wjl.quality.inspection", "partner_id"),
        "nc": ("wjl.quality.nonconformance", "partner_id"),
        "customer": ("wjl.aftersales.ticket", "partner_id"),
    }
    records = {}
    for key, (model, field) in models.items():
        rows = env[model].with_context(active_test=False).search_read([], ["name", field])
        partners = env["res.partner"].browse([r[field][0] for r in rows if r[field]])
        commercial = {p.id: p.commercial_partner_id.id for p in partners}
        records[key] = [
            (r["id"], r["name"], commercial.get(r[field] and r[field][0])) for r in rows
        ]
    for user in users:
        kinds = ("supplier", "nc") if user["role"] == "supplier" else ("customer",)
        user["own"], user["foreign"] = {}, {}
        for key in kinds:
            own = [(rid, name) for rid, name, p in records[key] if p == user["partner"]]
            foreign = [(rid, name) for rid, name, p in records[key] if p != user["partner"]]
            user["own"][key], user["foreign"][key] = own, foreign
    return users
