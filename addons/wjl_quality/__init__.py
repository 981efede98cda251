# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import controllers
from . import models
from . import report


def post_init_hook(env):
    """Give every existing warehouse its quarantine location 隔离区 (R3.3.3)."""
    env["stock.warehouse"].with_context(active_test=False).search(
        []
    )._wjl_ensure_quarantine_location()
