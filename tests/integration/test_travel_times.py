"""Travel-time providers end to end over the real binary: `prosit travel-times` with the
built-in estimate, an imported matrix (and its check), and an OSRM server (a local mock
answering in OSRM's format: correct times, null as unreachable, error answers, server down);
`prosit serve` refuses to start on a bad matrix."""

import csv
import os
import subprocess
import tempfile
import unittest

from osrm_mock import OsrmMock, seconds
from server import BIN, DATA, free_port, run_cli

KROUNA, CHRUDIM, HLINSKO = "571661", "571164", "571393"


def municipalities():
    """code -> (lon, lat text as prosit sends it, orp_code)."""
    with open(os.path.join(DATA, "territory", "municipalities.csv"), encoding="utf-8") as f:
        return {r["municipality_code"]: (f"{float(r['lon']):.6f},{float(r['lat']):.6f}", r["orp_code"])
                for r in csv.DictReader(f)}


def parse_matrix(text):
    rows = list(csv.DictReader(text.splitlines()))
    return {(r["origin"], r["destination"], r["mode"]): (float(r["minutes"]) if r["minutes"] else None)
            for r in rows}


class TravelTimesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="prosit-tt-")
        cls.db = os.path.join(cls.tmp.name, "p.db")
        run_cli("init", "--database", cls.db)
        cls.places = municipalities()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def tt(self, *args, check=True):
        return run_cli("travel-times", "--database", self.db, *args, check=check)

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_help(self):
        out = run_cli("travel-times", "--help").stdout
        for option in ["--travel-times", "--circuity", "--from", "--to", "--orp", "--check", "--mode"]:
            self.assertIn(option, out)
        self.assertIn("--travel-times", run_cli("serve", "--help").stdout)

    def test_builtin_pair_matches_the_seeds(self):
        out = self.tt("--from", KROUNA, "--to", CHRUDIM).stdout
        self.assertIn("Krouna (571661) -> Chrudim (571164)", out)
        car = float(out.split("car: ")[1].split(" min")[0])
        pt = float(out.split("pt: ")[1].split(" min")[0])
        self.assertLess(abs(car - 39) / 39, 0.2)      # seeds: 39 min by car
        self.assertLess(abs(pt - 60) / 60, 0.2)       # seeds: 50–70 min by bus or train
        self.assertIn("great-circle distance x 1.30", out)
        wider = self.tt("--from", KROUNA, "--to", CHRUDIM, "--circuity", "1.5", "--mode", "car").stdout
        self.assertGreater(float(wider.split("car: ")[1].split(" min")[0]), car)
        self.assertNotIn("pt:", wider)
        bad = self.tt("--from", KROUNA, "--to", "999999", check=False)
        self.assertNotEqual(bad.returncode, 0)
        self.assertIn("999999", bad.stderr)
        self.assertEqual(self.tt("--from", KROUNA, "--to", CHRUDIM, "--circuity", "0.5",
                                 check=False).returncode, 2)

    def test_matrix_check_and_use(self):
        good = self.write("good.csv", "origin,destination,mode,minutes\n"
                                      f"{KROUNA},{CHRUDIM},car,38\n{KROUNA},{CHRUDIM},pt,NA\n"
                                      f"{HLINSKO},{CHRUDIM},pt,55\n{KROUNA},{CHRUDIM},car,45\n")
        out = self.tt("--check", good).stdout
        self.assertIn("good; car: 1 pairs, 0 marked unreachable, pt: 1 pairs, 1 marked unreachable; "
                      "1 repeated row(s)", out)
        out = self.tt("--travel-times", "matrix:" + good, "--from", KROUNA, "--to", CHRUDIM).stdout
        self.assertIn("car: 38.0 min", out)
        self.assertIn(f"pt: unreachable (marked unreachable at {good}:3)", out)
        out = self.tt("--travel-times", "matrix:" + good, "--from", CHRUDIM, "--to", KROUNA).stdout
        self.assertIn(f"car: unreachable (not in {good}: unreachable)", out)

        bad = self.write("bad.csv", "origin,destination,mode,minutes\n"
                                    f"{KROUNA},{CHRUDIM},car,38\n{KROUNA},{CHRUDIM},bus,38\n"
                                    f"{KROUNA},{CHRUDIM},pt,-5\n")
        proc = self.tt("--check", bad, check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(f"{bad}:3: mode: 'bus' is not car or pt", proc.stderr)
        self.assertIn(f"{bad}:4: minutes: '-5' is negative", proc.stderr)
        unknown = self.write("unknown.csv", f"origin,destination,mode,minutes\n{KROUNA},500000,car,3\n")
        proc = self.tt("--check", unknown, check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(f"{unknown}:2: destination: unknown municipality '500000'", proc.stderr)
        proc = self.tt("--travel-times", "matrix:" + bad, "--from", KROUNA, "--to", CHRUDIM, check=False)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("nothing imported", proc.stderr)

    def test_orp_matrix_round_trip(self):
        out = self.tt("--orp", "5302", "--mode", "car").stdout
        path = self.write("orp.csv", out)
        self.assertIn("good", self.tt("--check", path).stdout)
        again = self.tt("--orp", "5302", "--mode", "car", "--travel-times", "matrix:" + path).stdout
        self.assertEqual(parse_matrix(again), parse_matrix(out))

    def test_osrm_times_of_an_orp(self):
        with OsrmMock() as osrm:
            out = self.tt("--travel-times", "osrm:" + osrm.url, "--orp", "5304").stdout
            requests = list(osrm.requests)
        times = parse_matrix(out)
        codes = [c for c, (_, orp) in self.places.items() if orp == "5304"]
        self.assertGreater(len(codes), 50)  # more origins than one request holds (50)
        self.assertEqual(len(times), 2 * len(codes) ** 2)
        for a in codes:
            for b in codes:
                pa, pb = (tuple(map(float, self.places[c][0].split(","))) for c in (a, b))
                expected = seconds(pa, pb) / 60
                self.assertAlmostEqual(times[(a, b, "car")], expected, delta=0.051, msg=(a, b))
                self.assertIsNotNone(times[(a, b, "pt")])  # the built-in estimate
        self.assertGreater(len(requests), 1)
        for profile, coordinates, sources, destinations in requests:
            self.assertEqual(profile, "driving")
            self.assertLessEqual(len(coordinates), 100)
            self.assertEqual(len(coordinates), len(sources) + len(destinations))

    def test_osrm_null_is_unreachable(self):
        with OsrmMock() as osrm:
            osrm.unroutable.add(self.places[KROUNA][0])
            out = self.tt("--travel-times", "osrm:" + osrm.url, "--from", KROUNA, "--to", CHRUDIM).stdout
            self.assertIn("car: unreachable", out)
            self.assertRegex(out, r"pt: \d+\.\d min")
            self.assertIn(f"OSRM {osrm.url}: car by profile 'driving'; public transport from the "
                          "built-in estimate", out)
            out = self.tt("--travel-times", "osrm:" + osrm.url, "--from", HLINSKO, "--to", CHRUDIM).stdout
            self.assertRegex(out, r"car: \d+\.\d min")

    def test_osrm_error_answer_and_server_down(self):
        with OsrmMock() as osrm:
            osrm.error = (400, "InvalidQuery", "Query string malformed close to position 28")
            proc = self.tt("--travel-times", "osrm:" + osrm.url, "--from", KROUNA, "--to", CHRUDIM,
                           check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(f"GET {osrm.url}/table/v1/driving/", proc.stderr)
        self.assertIn("HTTP 400: OSRM InvalidQuery: Query string malformed close to position 28", proc.stderr)
        self.assertEqual(proc.stdout, "")

        down = f"http://127.0.0.1:{free_port()}"
        proc = self.tt("--travel-times", "osrm:" + down, "--from", KROUNA, "--to", CHRUDIM, check=False)
        self.assertEqual(proc.returncode, 1)
        self.assertIn(f"GET {down}/table/v1/driving/", proc.stderr)
        self.assertIn("onnect", proc.stderr)  # curl: "Failed to connect … Connection refused"
        self.assertEqual(proc.stdout, "")

    def test_serve_refuses_a_bad_matrix(self):
        bad = self.write("serve-bad.csv", "origin,destination,mode,minutes\n571661,571164,car,soon\n")
        proc = subprocess.run([BIN, "serve", "--database", self.db, "--port", str(free_port()),
                               "--data", DATA, "--travel-times", "matrix:" + bad],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2)
        self.assertIn(f"{bad}:2: minutes: 'soon'", proc.stderr)
        proc = subprocess.run([BIN, "serve", "--database", self.db, "--port", str(free_port()),
                               "--data", DATA, "--travel-times", "walking"],
                              capture_output=True, text=True, timeout=60)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("--travel-times: expected builtin", proc.stderr)


if __name__ == "__main__":
    unittest.main()
