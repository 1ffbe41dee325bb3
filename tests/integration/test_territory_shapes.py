"""The municipalities' boundaries for maps, GET /api/v1/territory/municipalities.topo.json:
TopoJSON of the whole country or of one region or ORP with only the arcs it uses, the
municipality codes as ids and their names as properties, public, cacheable by ETag; a
server started without the file answers 404 and serves everything else."""

import os
import shutil
import tempfile
import unittest

import server as server_module
from server import DATA, Server, strict_json

PATH = "/api/v1/territory/municipalities.topo.json"


def ring_arcs(geometry):
    """Every arc index of a Polygon or MultiPolygon."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return [a for polygon in polygons for ring in polygon for a in ring]


class TerritoryShapesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def topology(self, query=""):
        r = self.server.get(PATH + query, anonymous=True)
        self.assertEqual(r.status, 200, r.body)
        return r, strict_json(r.body)

    def check_topology(self, topo):
        self.assertEqual(topo["type"], "Topology")
        self.assertIn("scale", topo["transform"])
        geometries = topo["objects"]["municipalities"]["geometries"]
        used = set()
        for g in geometries:
            self.assertIn(g["type"], ("Polygon", "MultiPolygon"))
            self.assertRegex(g["id"], r"^\d{6}$")
            for a in ring_arcs(g):
                used.add(a if a >= 0 else ~a)
        # Only the arcs the selection uses, every one of them used.
        self.assertEqual(used, set(range(len(topo["arcs"]))))
        return geometries

    def test_the_whole_country_has_every_municipality(self):
        r, topo = self.topology()
        geometries = self.check_topology(topo)
        self.assertEqual(len(geometries), 6258)
        self.assertEqual(len({g["id"] for g in geometries}), 6258)
        self.assertIn("application/json", r.headers["Content-Type"])

    def test_an_orp_has_its_municipalities_with_names(self):
        _, topo = self.topology("?orp=5304")
        geometries = self.check_topology(topo)
        ours = self.server.get("/api/v1/orps/5304/municipalities", anonymous=True).json()
        codes = {m["code"] for m in (ours["items"] if isinstance(ours, dict) else ours)}
        self.assertEqual({g["id"] for g in geometries}, codes)
        chrudim = next(g for g in geometries if g["id"] == "571164")
        self.assertEqual(chrudim["properties"], {"name": "Chrudim", "orp_code": "5304"})
        _, country = self.topology()
        self.assertLess(len(topo["arcs"]), len(country["arcs"]) / 20)

    def test_a_region_has_the_municipalities_of_its_orps(self):
        _, topo = self.topology("?region=CZ053")
        self.assertEqual(len(self.check_topology(topo)), 451)  # data/territory/SOURCES.md

    def test_unknown_places_are_named(self):
        r = self.server.get(PATH + "?orp=9999&region=CZ999", anonymous=True)
        self.assertEqual(r.status, 422)
        self.assertEqual(set(r.json()["error"]["fields"]), {"orp", "region"})
        self.assertEqual(self.server.get(PATH + "?colour=red", anonymous=True).status, 400)

    def test_cacheable_by_etag(self):
        r, _ = self.topology("?orp=5302")
        etag = r.headers["ETag"]
        self.assertRegex(etag, r'^"[0-9a-f]+"$')
        self.assertIn("max-age", r.headers["Cache-Control"])
        again = self.server.get(PATH + "?orp=5302", anonymous=True, headers={"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, "")
        self.assertEqual(again.headers["ETag"], etag)
        other = self.server.get(PATH + "?orp=5304", anonymous=True, headers={"If-None-Match": etag})
        self.assertEqual(other.status, 200)
        self.assertNotEqual(other.headers["ETag"], etag)


class WithoutBoundariesTest(unittest.TestCase):
    def test_a_server_without_the_file_answers_404_and_serves_the_rest(self):
        with tempfile.TemporaryDirectory() as data:
            shutil.copytree(os.path.join(DATA, "territory"), os.path.join(data, "territory"))
            shutil.copytree(os.path.join(DATA, "reference"), os.path.join(data, "reference"))
            os.remove(os.path.join(data, "territory", "municipalities.topo.json"))
            server_module.DATA = data  # `prosit serve --data` of the next server
            try:
                with Server() as s:
                    self.assertEqual(s.get(PATH).status, 404)
                    self.assertEqual(s.get("/api/v1/orps").status, 200)
            finally:
                server_module.DATA = DATA


if __name__ == "__main__":
    unittest.main()
