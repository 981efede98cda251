from . import test_template
from . import test_generate
from . import test_grade_bonus
from . import test_workflow
from . import test_quota
from . import test_security
from . import test_report
from . import test_tour
