from . import test_risk
from . import test_indicator
from . import test_security
from . import test_report
from . import test_tour
from . import test_indicator_access
from . import test_department_rules
from . import test_upgrade
