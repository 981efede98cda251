# Copyright 2026 Wanjiali
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_incoming
from . import test_disposition
from . import test_report
from . import test_security
from . import test_portal
from . import test_tour
from . import test_settings
from . import test_required_text
from . import test_dates
from . import test_upgrade
from . import test_demo
