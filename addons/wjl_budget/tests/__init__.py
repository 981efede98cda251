from . import test_actuals
from . import test_budget_flow
from . import test_purchase_control
from . import test_concurrency
from . import test_deviation
from . import test_security
from . import test_tour
