"""The yardstick an analyst would write: read every given workbook (all sheets) and CSV file
with pandas and openpyxl, and say the peak memory on stderr the way the Node.js children do."""
import resource
import sys

import pandas as pd

for path in sys.argv[1:]:
    if path.lower().endswith('.csv'):
        pd.read_csv(path, sep=None, engine='python', encoding='utf-8-sig', skip_blank_lines=True, on_bad_lines='skip')
    else:
        pd.read_excel(path, sheet_name=None, engine='openpyxl')

sys.stderr.write('\nBENCH_MAX_RSS_KIB %d\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
