"""A small client for the Remic HTTP API (urllib + json; pandas when importable)."""
from __future__ import annotations

import json
import os
import uuid
import urllib.error
import urllib.parse
import urllib.request

try:  # optional: tables come back as DataFrames when pandas is there
    import pandas as _pd  # type: ignore
except ImportError:  # pragma: no cover - exercised where pandas is absent
    _pd = None


class RemicError(Exception):
    """An error answer of the server: an RFC 9457 problem (type, status, detail, and the input errors with their line and field)."""

    def __init__(self, problem: dict):
        self.problem = problem
        self.type = problem.get("type")
        self.status = problem.get("status")
        self.detail = problem.get("detail")
        self.errors = problem.get("errors") or []
        super().__init__(f"{self.status} {self.type}: {self.detail}")


class Frames(dict):
    """The tables of an answer by name (e.g. "summary", "classes", "collateral"); attribute access works too."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(name) from e


def _frame(rows, columns=None):
    """Rows (a list of dicts, or lists with columns) as a DataFrame with pandas, else as a list of dicts."""
    if columns is not None:
        rows = [dict(zip(columns, r)) for r in rows]
    if _pd is not None:
        return _pd.DataFrame(rows, columns=columns) if columns is not None else _pd.DataFrame(rows)
    return rows


def _table(t):
    """A report table of the API ({columns, data, ...}) as a frame of its data."""
    return _frame(t["data"], t["columns"])


class Remic:
    """The API of one server. `api_key` (default the REMIC_API_KEY variable) is sent on writes only."""

    def __init__(self, url: str = "http://127.0.0.1:5080", api_key: str | None = None, timeout: float = 300):
        self.url = url.rstrip("/")
        self.api_key = api_key if api_key is not None else os.environ.get("REMIC_API_KEY")
        self.timeout = timeout
        self.pandas = _pd is not None

    # ------------------------------------------------------------------ transport
    def _request(self, method, path, body=None, content_type=None, write=False, query=None, raw=False):
        url = self.url + path
        if query:
            url += "?" + urllib.parse.urlencode({k: v for k, v in query.items() if v is not None})
        headers = {"Accept": "application/json, */*"}
        data = None
        if body is not None:
            if isinstance(body, (bytes, str)):
                data = body.encode("utf-8") if isinstance(body, str) else body
                headers["Content-Type"] = content_type or "application/octet-stream"
            else:
                data = json.dumps(body).encode("utf-8")
                headers["Content-Type"] = "application/json"
        elif content_type:
            headers["Content-Type"] = content_type
        if write and self.api_key:
            headers["X-Api-Key"] = self.api_key
        req = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                payload = r.read()
                ctype = r.headers.get("Content-Type", "")
        except urllib.error.HTTPError as e:
            text = e.read()
            try:
                problem = json.loads(text)
            except ValueError:
                problem = {"type": None, "status": e.code, "detail": text.decode("utf-8", "replace")}
            raise RemicError(problem) from None
        if raw:
            return payload
        if "json" in ctype:
            return json.loads(payload)
        return payload.decode("utf-8")

    @staticmethod
    def _options(**kw):
        """Keyword arguments as the API's fields: None left out, lists kept, default_ for the Python keyword."""
        out = {}
        for k, v in kw.items():
            if v is None:
                continue
            out["default" if k == "default_" else k] = v
        return out

    # ------------------------------------------------------------------ deals
    def health(self) -> dict:
        return self._request("GET", "/healthz")

    def deals(self):
        """Every deal in the server's store (examples first)."""
        return _frame(self._request("GET", "/api/deals"))

    def deal(self, deal_id: str) -> dict:
        """One deal: classes, collateral groups, priority of payments (plain dicts)."""
        return self._request("GET", f"/api/deals/{urllib.parse.quote(deal_id, safe='')}")

    def upload(self, yaml_text: str) -> dict:
        """Upload a deal file (needs the API key); returns its summary with its id."""
        return self._request("POST", "/api/deals", yaml_text, "application/yaml", write=True)

    def validate(self, yaml_text: str) -> dict:
        """Check a deal file without keeping it; raises RemicError with every error at its line."""
        return self._request("POST", "/api/deals/validate", yaml_text, "application/yaml")

    # ------------------------------------------------------------------ analytics
    def run(self, deal_id: str, prepay: str = "100 PPC", default: str = "0 CDR", severity=0, lag=None, advance=None,
            index=None, call=False, classes=None, monthly=True) -> Frames:
        """Run the deal under a scenario in the CLI's grammar: Frames(summary, classes, collateral) and the checks."""
        body = self._options(prepay=prepay, default_=default, severity=str(severity), lag=None if lag is None else str(lag), advance=advance,
                             index=list(index or []), call=call, classes=list(classes or []), monthly=monthly)
        r = self._request("POST", f"/api/deals/{urllib.parse.quote(deal_id, safe='')}/run", body)
        out = Frames(summary=_table(r["summary"]), checks=r["checks"], scenario=r["scenario"])
        if monthly:
            out["classes"] = _frame(r["classes"])
            out["collateral"] = _frame(r["collateral"])
        return out

    def price(self, deal_id: str, cls: str, prices=None, speeds=None, pricing_speed=None, settle=None, index=None,
              curve=None, yields=None, spreads=None, spread_kind="i", no_call=False):
        """A class's price/yield exhibit: a frame of (speed, price, yield_percent, ...) rows, and the exhibit as JSON in .attrs / ['exhibit']."""
        body = self._options(**{"class": cls}, prices=prices, speeds=speeds, pricing_speed=pricing_speed, settle=settle, index=list(index or []),
                             curve=curve, yields=yields, spreads=spreads, spread_kind=spread_kind, no_call=no_call)
        x = self._request("POST", f"/api/deals/{urllib.parse.quote(deal_id, safe='')}/price", body)
        rows = []
        for s in x["speeds"]:
            for y in s["yields"]:
                rows.append(dict(speed=s["speed"], to_call=s["to_call"], wal_years=s["wal_years"], principal_window=s["principal_window"], **y))
        frame = _frame(rows)
        if self.pandas:
            frame.attrs["exhibit"] = x
            return frame
        return {"rows": frame, "exhibit": x}

    def decrement(self, deal_id: str, classes=None, speeds=None, index=None):
        """Decrement tables by class: {class: frame of (distribution_date, speed, percent_outstanding, wal_years)}."""
        body = self._options(classes=list(classes or []), speeds=speeds, index=list(index or []))
        r = self._request("POST", f"/api/deals/{urllib.parse.quote(deal_id, safe='')}/decrement", body)
        return {t["class"]: _table(t["table"]) for t in r["tables"]}

    def cm(self, deal_id: str, path: str, speeds=None, pricing_speed=None, index=None) -> str:
        """Write the Computational Materials book (a zip) to `path`; returns the path."""
        body = self._options(speeds=speeds, pricing_speed=pricing_speed, index=list(index or []))
        data = self._request("POST", f"/api/deals/{urllib.parse.quote(deal_id, safe='')}/cm", body, raw=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    # ------------------------------------------------------------------ trustee
    def trustee_status(self):
        return _frame(self._request("GET", "/api/trustee/deals"))

    def trustee_register(self, deal: str, deal_id: str | None = None) -> dict:
        return self._request("POST", "/api/trustee/deals", self._options(deal=deal, deal_id=deal_id), write=True)

    def periods(self, deal_id: str):
        return _frame(self._request("GET", f"/api/trustee/deals/{urllib.parse.quote(deal_id, safe='')}/periods"))

    def remit(self, deal_id: str, period: str, csv_text: str, file_name: str = "remittance.csv", replace: bool = False) -> dict:
        """Import a remittance CSV for a period (multipart, as a browser sends a file)."""
        boundary = "remic" + uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\nContent-Type: text/csv\r\n\r\n'.encode(),
                 csv_text.encode("utf-8"), b"\r\n"]
        if replace:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="replace"\r\n\r\ntrue\r\n'.encode())
        parts.append(f"--{boundary}--\r\n".encode())
        return self._request("POST", f"/api/trustee/deals/{urllib.parse.quote(deal_id, safe='')}/periods/{period}/remittance", b"".join(parts),
                             f"multipart/form-data; boundary={boundary}", write=True)

    def simulate_remittance(self, store_deal: str, period: str, prepay=None, default=None, severity=None, seed=None) -> str:
        """A SYNTHETIC remittance CSV for one period of a stored deal (as `remic trustee simulate` writes)."""
        return self._request("GET", f"/api/deals/{urllib.parse.quote(store_deal, safe='')}/remittance/{period}",
                             query=dict(prepay=prepay, default=default, severity=severity, seed=seed))

    def close(self, deal_id: str, period: str, index=None, libor=None) -> dict:
        return self._request("POST", f"/api/trustee/deals/{urllib.parse.quote(deal_id, safe='')}/periods/{period}/close",
                             self._options(index=list(index or []), libor=libor), write=True)

    def reopen(self, deal_id: str, period: str, reason: str) -> dict:
        return self._request("POST", f"/api/trustee/deals/{urllib.parse.quote(deal_id, safe='')}/periods/{period}/reopen", {"reason": reason}, write=True)

    def statement(self, deal_id: str, period: str, format: str = "json"):
        """The statement of a closed period: a dict (json), or the text of html, csv or txt."""
        return self._request("GET", f"/api/trustee/deals/{urllib.parse.quote(deal_id, safe='')}/periods/{period}/statement", query={"format": format})

    def statement_tables(self, deal_id: str, period: str) -> Frames:
        """The statement's class and group lines as frames."""
        s = self.statement(deal_id, period)
        return Frames(classes=_frame(s["classes"]), groups=_frame(s["groups"]), reconciliation=s["reconciliation"])

    def audit(self, deal_id: str | None = None, **filters):
        return _frame(self._request("GET", "/api/trustee/audit", query=dict(deal=deal_id, **filters)))
