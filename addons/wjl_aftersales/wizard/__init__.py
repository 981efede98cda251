from . import wjl_aftersales_summary_export
