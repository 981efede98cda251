from . import test_committed
from . import test_purchase_control
from . import test_concurrency
