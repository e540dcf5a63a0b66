"""Remic's Python client: the HTTP API of `remic serve` from Python, standard library only.

    from remic import Remic
    r = Remic("http://127.0.0.1:5080")
    flows = r.run("cwalt-2004-j4", prepay="100 PPC")      # DataFrames with pandas, lists of dicts without

See clients/python/README.md.
"""
from .client import Remic, RemicError, Frames

__all__ = ["Remic", "RemicError", "Frames"]
