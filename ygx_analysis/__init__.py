"""ygx_analysis: the Yiyang High-tech Zone (益阳高新区) feature as citable data and models.

The package keeps ``import ygx_analysis`` light: matplotlib and statsmodels are
imported only inside the functions that draw or fit.

Examples
--------
>>> import ygx_analysis
>>> ygx_analysis.reported("fiscal_revenue_total_2024").text
'62.08'
"""

from __future__ import annotations

from .arithmetic.reported import Interval, Reported
from .data.folder import use_data_dir
from .data.tables import DataError, context_reported, load_context, load_indicators, load_sources, reported
from .data.validation import validate_data_dir

__version__ = "0.1.0"

__all__ = ["DataError", "Interval", "Reported", "__version__", "context_reported", "load_context",
           "load_indicators", "load_sources", "reported", "use_data_dir", "validate_data_dir"]
