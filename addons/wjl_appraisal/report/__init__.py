from . import report_bonus_sheet_xlsx
