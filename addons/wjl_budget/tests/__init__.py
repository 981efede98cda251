from . import test_actuals
from . import test_budget_flow
from . import test_deviation
from . import test_security
from . import test_tour
from . import test_amounts
from . import test_upgrade
from . import test_field_guard
