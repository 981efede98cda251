from . import wjl_required_text_mixin
from . import wjl_field_guard_mixin
from . import res_company
from . import res_config_settings
from . import wjl_department_duty
from . import hr_department
from . import wjl_alert
