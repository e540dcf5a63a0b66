"""Tests of the Python client against a live `remic serve` (REMIC_URL, REMIC_API_KEY).

Run by tests/Remic.Server.Tests (PythonClientTests) with Debian's python3, once with pandas and once with it hidden
(REMIC_NO_PANDAS=1): `python3 -m unittest discover -s clients/python/tests -v`.
"""
import os
import sys
import tempfile
import unittest
import uuid
import zipfile

if os.environ.get("REMIC_NO_PANDAS") == "1":
    sys.modules["pandas"] = None  # import pandas now raises ImportError: the client's stdlib path

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from remic import Remic, RemicError  # noqa: E402

URL = os.environ.get("REMIC_URL", "http://127.0.0.1:5080")
KEY = os.environ.get("REMIC_API_KEY")


def rows(frame):
    """A frame's rows as dicts, whether it is a DataFrame or a list."""
    return frame.to_dict("records") if hasattr(frame, "to_dict") else frame


class ClientTests(unittest.TestCase):
    def setUp(self):
        self.r = Remic(URL, api_key=KEY)

    def test_pandas_mode_is_the_one_asked_for(self):
        self.assertEqual(self.r.pandas, os.environ.get("REMIC_NO_PANDAS") != "1")

    def test_deals_lists_the_examples(self):
        ids = [d["id"] for d in rows(self.r.deals())]
        self.assertIn("cwalt-2004-j4", ids)
        self.assertEqual(15, len(self.r.deal("cwalt-2004-j4")["classes"]))

    def test_run_returns_the_summary_and_monthly_flows(self):
        out = self.r.run("cwalt-2004-j4", prepay="100 PPC")
        summary = rows(out.summary)
        self.assertIn("1-A-1", [s["class"] for s in summary])
        classes = rows(out.classes)
        self.assertIn("end_balance", classes[0])
        a1 = [c for c in classes if c["class"] == "1-A-1"]
        self.assertAlmostEqual(119_351_000.00, sum(c["principal"] for c in a1), delta=0.05)
        self.assertTrue(any(l.startswith("checks passed every period") for l in out.checks))

    def test_run_with_losses_writes_down_the_subordinates(self):
        out = self.r.run("cwalt-2004-j4", prepay="100 PPC", default="1 CDR", severity=30, lag=6, monthly=False)
        loss = {s["class"]: s["writedown"] for s in rows(out.summary)}
        self.assertGreater(loss["B-5"], 0)
        self.assertEqual(0, loss["1-A-1"])

    def test_price_wal_is_remic_prices(self):
        expected = os.environ.get("REMIC_EXPECT_WAL")
        p = self.r.price("cwalt-2004-j4", "1-A-1", speeds="200 PPC", pricing_speed="200 PPC", prices="100-00")
        first = rows(p if self.r.pandas else p["rows"])[0]
        self.assertEqual("200 PPC", first["speed"])
        if expected:
            self.assertEqual(float(expected), first["wal_years"])

    def test_decrement_starts_at_100(self):
        t = self.r.decrement("cwalt-2004-j4", classes=["1-A-1"], speeds="0,100 PPC")["1-A-1"]
        first = rows(t)[0]
        self.assertEqual(100, first["percent_outstanding"])

    def test_bad_input_raises_the_problem_with_its_line(self):
        with self.assertRaises(RemicError) as e:
            self.r.validate("deal: {trust_name: [unclosed\n")
        self.assertEqual(422, e.exception.status)
        self.assertEqual("/problems/invalid-input", e.exception.type)
        self.assertGreaterEqual(e.exception.errors[0]["line"], 1)
        with self.assertRaises(RemicError) as e:
            Remic(URL, api_key="").upload("deal: {}\n")
        self.assertEqual(401, e.exception.status)

    def test_cm_writes_the_book_zip(self):
        with tempfile.TemporaryDirectory() as d:
            path = self.r.cm("cwalt-2004-26t1", os.path.join(d, "book.zip"), speeds="100 PPC")
            with zipfile.ZipFile(path) as z:
                self.assertIn("index.html", z.namelist())

    def test_trustee_cycle_and_statement(self):
        deal_id = "PY-" + uuid.uuid4().hex[:6]
        reg = self.r.trustee_register("cwalt-2004-26t1", deal_id)
        self.assertEqual("2004-11", reg["first_period"])
        csv = self.r.simulate_remittance("cwalt-2004-26t1", "2004-11", seed=7)
        self.assertGreater(self.r.remit(deal_id, "2004-11", csv)["rows"], 1000)
        self.assertEqual("closed", self.r.close(deal_id, "2004-11")["outcome"])
        s = self.r.statement_tables(deal_id, "2004-11")
        self.assertEqual(s.reconciliation["cash_in"], s.reconciliation["cash_out"])
        self.assertIn("A1", [c["name"] for c in rows(s.classes)])
        self.assertIn("<table", self.r.statement(deal_id, "2004-11", format="html"))
        actions = [a["action"] for a in rows(self.r.audit(deal_id))]
        self.assertEqual(["init", "remit", "close"], actions[:3])


if __name__ == "__main__":
    unittest.main()
