"""Lets plaid-python-legacy 1.5.1 import on a modern Python.

Importing this module, before `plaid`, restores what the pinned
requests 2.7.0 needs:

- its vendored urllib3 imports ABCs from `collections`; they moved to
  `collections.abc` and were removed from `collections` in Python 3.10;
- it imports `cgi` (only for `cgi.parse_header`); the module was removed
  in Python 3.13.

Used by peer/seed_flows.py and bench/python_peer.py.
"""

import collections
import collections.abc
import sys
import warnings

for _name in (
    "Mapping",
    "MutableMapping",
    "Sequence",
    "MutableSequence",
    "Set",
    "MutableSet",
    "Iterable",
    "Callable",
):
    if not hasattr(collections, _name):
        setattr(collections, _name, getattr(collections.abc, _name))

try:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import cgi  # noqa: F401
except ImportError:  # pragma: no cover - Python >= 3.13 only
    import email.message
    import types

    def _parse_header(line):
        message = email.message.Message()
        message["content-type"] = line
        params = message.get_params() or [("", "")]
        return params[0][0], dict(params[1:])

    _cgi = types.ModuleType("cgi")
    _cgi.parse_header = _parse_header
    sys.modules["cgi"] = _cgi
