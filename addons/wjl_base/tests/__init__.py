from . import test_department
from . import test_groups
from . import test_alert
from . import test_alert_security
from . import test_tour
