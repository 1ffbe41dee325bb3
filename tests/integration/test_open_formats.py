"""The open formats partners read, over real HTTP on the demo network: GeoJSON of the
service cards (no confidential address, no internal card for the public) and of the
municipalities with their analysis results (valid polygons, the coverage and E2SFCA
answers' figures), GraphML of the cooperation network read back by python-igraph, and
iCalendar of an ORP's meetings and step deadlines, signed in and as a per-ORP feed that a
calendar client fetches by a secret token (wrong, revoked or a deactivated user's: 404)."""

import json
import os
import re
import tempfile
import unittest
import urllib.parse

import igraph

from server import Server, add_token, add_user, query, strict_json

ORP = "5304"  # Chrudim
OTHER_ORP = "5302"  # Hlinsko, same region
REGION = "CZ053"
# Czechia's bounding box with a margin: longitude, latitude.
LON = (12.0, 19.0)
LAT = (48.5, 51.1)


def records(db, kind):
    return [json.loads(doc) | {"id": rid, "version": v}
            for rid, v, doc in query(db, "SELECT id, version, doc FROM records WHERE kind = ?",
                                     (kind,))]


# --- a small strict iCalendar reader (RFC 5545 §3.1, §3.4, §3.6) --------------------------
def parse_ics(text):
    """The calendar's properties and its components as (name, {property: [values]}), after
    checking CRLF line ends, 75-octet lines, unfolding and BEGIN/END nesting."""
    assert text.endswith("\r\n"), "the last line must end with CRLF"
    raw = text.split("\r\n")[:-1]
    for line in raw:
        assert "\n" not in line and "\r" not in line, "bare line break"
        assert len(line.encode()) <= 75, f"line longer than 75 octets: {line!r}"
    lines = []
    for line in raw:
        if line.startswith((" ", "\t")):
            assert lines, "a continuation before any line"
            lines[-1] += line[1:]
        else:
            lines.append(line)
    stack, calendar, components = [], {}, []
    for line in lines:
        m = re.match(r"^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", line)
        assert m, f"not a content line: {line!r}"
        name, params, value = m.group(1).upper(), m.group(2), m.group(3)
        if name == "BEGIN":
            stack.append((value, {}))
        elif name == "END":
            assert stack and stack[-1][0] == value, f"END:{value} does not close its BEGIN"
            comp = stack.pop()
            if value == "VCALENDAR":
                calendar = comp[1]
            else:
                components.append(comp)
        else:
            assert stack, f"a property outside any component: {line!r}"
            stack[-1][1].setdefault(name, []).append((params, value))
    assert not stack, "unclosed components"
    assert calendar.get("VERSION") == [("", "2.0")], "VERSION:2.0"
    assert calendar.get("PRODID"), "PRODID"
    return calendar, components


def unescape(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


class OpenFormatsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.server = server = Server(demo=True)
        cls.db = server.database
        add_user(cls.db, "of.networker", "networker", "--orp", ORP)
        cls.networker = {"Authorization": "Bearer " + add_token(cls.db, "of.networker", "write")}
        add_user(cls.db, "of.reader", "networker", "--orp", ORP)
        cls.reader = {"Authorization": "Bearer " + add_token(cls.db, "of.reader", "read")}
        server.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def get(self, path, status=200, **kw):
        r = self.server.get(path, **kw)
        self.assertEqual(r.status, status, r.body[:500])
        return r

    # --- GeoJSON of the service cards ------------------------------------------------
    def check_point(self, f):
        self.assertEqual(f["type"], "Feature")
        self.assertEqual(f["geometry"]["type"], "Point")
        lon, lat = f["geometry"]["coordinates"]
        self.assertTrue(LON[0] < lon < LON[1] and LAT[0] < lat < LAT[1], (lon, lat))

    def cards_geojson(self, **kw):
        r = self.get(f"/api/v1/service-cards.geojson?region={REGION}", **kw)
        self.assertTrue(r.headers["Content-Type"].startswith("application/geo+json"))
        doc = strict_json(r.body)
        self.assertEqual(doc["type"], "FeatureCollection")
        for f in doc["features"]:
            self.check_point(f)
        return doc

    def test_cards_geojson_hides_confidential_addresses_and_internal_cards(self):
        public = self.cards_geojson(anonymous=True)
        admin = self.cards_geojson()
        cards = {c["id"]: c for c in
                 (json.loads(doc) for (doc,) in query(self.db, "SELECT doc FROM service_cards"))}
        confidential = {i for i, c in cards.items() if c.get("confidential_address")}
        internal = {i for i, c in cards.items() if not c.get("published", True)}
        self.assertTrue(confidential, "the demo has shelters")
        public_ids = {f["properties"]["card_id"] for f in public["features"]}
        admin_ids = {f["properties"]["card_id"] for f in admin["features"]}
        self.assertFalse(public_ids & confidential)
        self.assertFalse(public_ids & internal)
        self.assertTrue(admin_ids & confidential, "the admin sees the shelters' places")
        self.assertLess(public_ids, admin_ids)
        self.assertEqual(public["cards_without_public_place"],
                         len({i for i in confidential if i in admin_ids and i not in internal}))
        # Neither a street nor a point of a confidential card anywhere in the public answer.
        for i in confidential:
            for loc in cards[i]["locations"]:
                if loc.get("street"):
                    self.assertNotIn(loc["street"], json.dumps(public, ensure_ascii=False))
                if loc.get("location"):
                    point = [round(loc["location"]["lon"], 6), round(loc["location"]["lat"], 6)]
                    self.assertNotIn(point, [f["geometry"]["coordinates"]
                                             for f in public["features"]])
        # The public features are those of the cards the public list finds.
        listed, offset = set(), 0
        while True:
            page = self.get(f"/api/v1/service-cards?region={REGION}&limit=200&offset={offset}",
                            anonymous=True).json()
            listed |= {c["id"] for c in page["items"]}
            offset += 200
            if offset >= page["total"]:
                break
        located = {i for i in listed if cards[i]["locations"] and i not in confidential}
        self.assertEqual(public_ids, located)

    def test_cards_geojson_properties_equal_the_api(self):
        for who, kw in (("public", {"anonymous": True}), ("admin", {})):
            doc = self.cards_geojson(**kw)
            seen = set()
            for f in doc["features"]:
                p = f["properties"]
                if p["card_id"] in seen or len(seen) >= 25:
                    continue
                seen.add(p["card_id"])
                card = self.get(f"/api/v1/service-cards/{p['card_id']}", **kw).json()
                for key in ("name", "service_type", "need_areas", "level", "access", "published",
                            "forms", "contacts"):
                    self.assertEqual(p[key], card[key], (who, key))
                self.assertEqual(p["actor"], card["actor"], who)
                if who == "public":
                    self.assertTrue(all(c["public"] for c in p["contacts"]))
                codes = [l["municipality_code"] for l in card["locations"]]
                self.assertIn(p["municipality_code"], codes)
            self.assertTrue(seen)

    def test_cards_geojson_takes_the_list_filters(self):
        doc = strict_json(self.get(f"/api/v1/service-cards.geojson?orp={ORP}&level=3").body)
        self.assertTrue(doc["features"])
        self.assertTrue(all(f["properties"]["level"] == 3 for f in doc["features"]))
        r = self.get("/api/v1/service-cards.geojson?level=x&orp=0000", status=422)
        self.assertEqual(set(r.json()["error"]["fields"]), {"level", "orp"})

    # --- GeoJSON of the municipalities -----------------------------------------------
    def check_ring(self, ring):
        self.assertGreaterEqual(len(ring), 4)
        self.assertEqual(ring[0], ring[-1], "a closed ring")
        for lon, lat in ring:
            self.assertTrue(LON[0] < lon < LON[1] and LAT[0] < lat < LAT[1], (lon, lat))

    def test_municipalities_geojson_valid_polygons_with_the_coverage_figures(self):
        r = self.get(f"/api/v1/analysis/municipalities.geojson?orp={ORP}")
        self.assertTrue(r.headers["Content-Type"].startswith("application/geo+json"))
        doc = strict_json(r.body)
        names = self.get(f"/api/v1/orps/{ORP}/municipalities").json()
        codes = {m["code"] for m in (names["items"] if isinstance(names, dict) else names)}
        self.assertEqual({f["id"] for f in doc["features"]}, codes)
        coverage = self.get(f"/api/v1/analysis/coverage?orp={ORP}").json()["coverage"]
        by_code = {m["code"]: m for m in coverage["municipalities"]}
        white = sum(1 for f in doc["features"] if f["properties"]["white_spot"])
        for f in doc["features"]:
            g = f["geometry"]
            self.assertIn(g["type"], ("Polygon", "MultiPolygon"))
            polygons = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
            for polygon in polygons:
                for ring in polygon:
                    self.check_ring(ring)
            p, m = f["properties"], by_code[f["id"]]
            self.assertEqual(p["name"], m["name"])
            self.assertEqual(p["children"], m["children"])
            self.assertEqual(p["cells_out_of_reach"], m["cells_out_of_reach"])
            self.assertEqual(p["white_spot"], bool(m["cells_out_of_reach"]))
            self.assertEqual(p["orp_white_spots"], coverage["white_spots"])
            for cell in coverage["cells"]:
                key = f"{cell['need_area']}:{cell['level']}"
                self.assertEqual(p["within_norm"][key]["pt"],
                                 key not in m["cells_out_of_reach"])
        self.assertGreater(white, 0)  # the demo has white spots

    def test_municipalities_geojson_carries_the_e2sfca_access(self):
        cell = "relationships:3"
        doc = strict_json(self.get(
            f"/api/v1/analysis/municipalities.geojson?orp={ORP}&cell={cell}").body)
        acc = self.get(f"/api/v1/analysis/accessibility?orp={ORP}&cell={cell}").json()
        self.assertTrue(acc["units"])
        for unit in acc["units"]:
            expected = {m["code"]: m["access_per_1000_children"] for m in unit["municipalities"]}
            got = {f["id"]: f["properties"]["access_per_1000_children"][unit["unit"]]
                   for f in doc["features"]}
            self.assertEqual(set(got), set(expected))
            for code, value in expected.items():
                if value is None:
                    self.assertIsNone(got[code])
                else:
                    self.assertAlmostEqual(got[code], value, places=3)

    def test_municipalities_geojson_of_a_region_and_its_refusals(self):
        doc = strict_json(self.get(f"/api/v1/analysis/municipalities.geojson?region={REGION}").body)
        self.assertEqual(len({f["properties"]["orp_code"] for f in doc["features"]}),
                         len(self.get(f"/api/v1/orps?region={REGION}").json()["items"]))
        self.assertIn(self.server.get("/api/v1/analysis/municipalities.geojson?orp=" + ORP,
                                      anonymous=True).status, (401, 403))
        self.get(f"/api/v1/analysis/municipalities.geojson?orp={OTHER_ORP}", status=403,
                 headers=self.networker)
        r = self.get("/api/v1/analysis/municipalities.geojson?orp=x&cell=y&mode=z", status=422)
        self.assertEqual(set(r.json()["error"]["fields"]), {"orp", "cell", "mode"})

    # --- GraphML -------------------------------------------------------------------
    def test_graphml_read_back_by_igraph_is_the_apis_network(self):
        for scope in (f"orp={OTHER_ORP}", f"region={REGION}"):
            api = self.get(f"/api/v1/analysis/network?{scope}&limit=10000").json()
            r = self.get(f"/api/v1/analysis/cooperation.graphml?{scope}")
            self.assertTrue(r.headers["Content-Type"].startswith("application/graphml+xml"))
            self.assertIn('<key id="v_name" for="node" attr.name="name" attr.type="string"',
                          r.body)
            with tempfile.NamedTemporaryFile("w", suffix=".graphml", delete=False) as f:
                f.write(r.body)
            try:
                g = igraph.Graph.Read_GraphML(f.name)
            finally:
                os.unlink(f.name)
            self.assertFalse(g.is_directed())
            self.assertEqual(g.vcount(), api["actors"])
            self.assertEqual(g.ecount(), api["ties"])
            by_id = {a["id"]: a for a in api["items"]}
            self.assertEqual(sorted(int(i) for i in g.vs["actor_id"]), sorted(by_id))
            for v in g.vs:
                a = by_id[int(v["actor_id"])]
                self.assertEqual(v["name"], a["name"])
                self.assertEqual(v["sector"], a["sector"])
                self.assertEqual(v.degree(), a["degree"])
                self.assertEqual(int(v["degree"]), a["degree"])
                self.assertEqual(int(v["coreness"]), a["coreness"])
                self.assertEqual(int(v["community"]), a["community"])
                if a["betweenness"] is None:
                    self.assertNotEqual(v["betweenness"], v["betweenness"])  # NaN
                else:
                    self.assertAlmostEqual(v["betweenness"], a["betweenness"], places=9)
            for e in g.es:
                types = e["types"].split(";")
                self.assertEqual(e["co_attendance"], "co_attendance" in types)
                self.assertEqual(e["declared"], any(t != "co_attendance" for t in types))
                self.assertEqual(e["weight"], e["declared_ties"] + e["shared_meetings"])
            # The tie types count as the API counts them.
            counts = {}
            for e in g.es:
                for t in e["types"].split(";"):
                    counts[t] = counts.get(t, 0) + 1
            self.assertEqual(counts, {t["type"]: t["ties"] for t in api["tie_types"]["by_type"]})

    def test_graphml_carries_partner_ratings_of_declared_ties(self):
        r = self.get(f"/api/v1/analysis/cooperation.graphml?region={REGION}&ties=declared")
        with tempfile.NamedTemporaryFile("w", suffix=".graphml", delete=False) as f:
            f.write(r.body)
        try:
            g = igraph.Graph.Read_GraphML(f.name)
        finally:
            os.unlink(f.name)
        rated = [e for e in g.es if e["trust"] == e["trust"]]
        api = self.get(f"/api/v1/analysis/network?region={REGION}&ties=declared&limit=0").json()
        self.assertEqual(bool(rated), api["partner"]["trust"]["rated_ties"] > 0)
        for e in rated:
            self.assertTrue(1 <= e["trust"] <= 4)
        self.assertIn(self.server.get(f"/api/v1/analysis/cooperation.graphml?orp={ORP}",
                                      anonymous=True).status, (401, 403))

    # --- iCalendar -----------------------------------------------------------------
    def expected_uids(self, orp):
        meetings = {f"meeting-{m['id']}@prosit" for m in records(self.db, "meeting")
                    if m["orp_code"] == orp}
        themes = {t["id"] for t in records(self.db, "theme") if t["orp_code"] == orp}
        goals = {g["id"] for g in records(self.db, "goal") if g["theme_id"] in themes}
        steps = {f"step-{s['id']}@prosit" for s in records(self.db, "step")
                 if s["goal_id"] in goals}
        return meetings, steps

    def calendar(self, text):
        cal, comps = parse_ics(text)
        events = [props for name, props in comps if name == "VEVENT"]
        self.assertEqual(len(events), len(comps))
        for e in events:
            for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "SEQUENCE"):
                self.assertEqual(len(e.get(prop, [])), 1, prop)
            self.assertEqual(e["DTSTART"][0][0], ";VALUE=DATE")
            self.assertRegex(e["DTSTART"][0][1], r"^\d{8}$")
            self.assertRegex(e["DTSTAMP"][0][1], r"^\d{8}T\d{6}Z$")
        return {e["UID"][0][1]: e for e in events}

    def test_calendar_download_has_every_meeting_and_deadline_of_the_orp(self):
        r = self.get(f"/api/v1/orps/{ORP}/calendar.ics")
        self.assertTrue(r.headers["Content-Type"].startswith("text/calendar"))
        events = self.calendar(r.body)
        meetings, steps = self.expected_uids(ORP)
        self.assertTrue(meetings and steps, "the demo ORP has meetings and a strategy")
        self.assertEqual(set(events), meetings | steps)
        other_meetings, other_steps = self.expected_uids(OTHER_ORP)
        self.assertFalse(set(events) & (other_meetings | other_steps))
        by_id = {m["id"]: m for m in records(self.db, "meeting")}
        actors = dict(query(self.db, "SELECT id, json_extract(doc, '$.name') FROM actors"))
        for uid, e in events.items():
            kind, rid = re.match(r"^(meeting|step)-(\d+)@prosit$", uid).groups()
            self.assertIn("LAST-MODIFIED", e)
            if kind != "meeting":
                continue
            m = by_id[int(rid)]
            self.assertEqual(e["DTSTART"][0][1], m["date"].replace("-", ""))
            self.assertEqual(int(e["SEQUENCE"][0][1]), m["version"] - 1)
            description = unescape(e["DESCRIPTION"][0][1])
            for a in m["actor_ids"]:
                self.assertIn(actors[a], description)

    def test_calendar_download_needs_the_orp(self):
        self.assertIn(self.server.get(f"/api/v1/orps/{ORP}/calendar.ics", anonymous=True).status,
                      (401, 403))
        self.get(f"/api/v1/orps/{OTHER_ORP}/calendar.ics", status=403, headers=self.networker)
        self.get("/api/v1/orps/9999/calendar.ics", status=404)

    def create_feed(self, headers, orp=ORP, status=201):
        r = self.server.post("/api/v1/calendar-feeds", {"orp": orp, "name": "Kalendář"},
                             headers=headers)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def test_feed_works_without_sign_in_and_stops_when_revoked(self):
        feed = self.create_feed(self.networker)
        self.assertRegex(feed["path"], r"^/api/v1/calendar/[0-9a-f]{64}\.ics$")
        r = self.get(feed["path"], anonymous=True)
        self.assertTrue(r.headers["Content-Type"].startswith("text/calendar"))
        events = self.calendar(r.body)
        meetings, steps = self.expected_uids(ORP)
        self.assertEqual(set(events), meetings | steps)
        other_meetings, other_steps = self.expected_uids(OTHER_ORP)
        self.assertFalse(set(events) & (other_meetings | other_steps))
        # Only a hash is kept, and the fetch is recorded.
        stored = query(self.db, "SELECT token_hash, last_used FROM calendar_feeds WHERE id = ?",
                       (feed["id"],))[0]
        self.assertNotIn(feed["token"], stored[0])
        self.assertIsNotNone(stored[1])
        listed = self.get("/api/v1/calendar-feeds", headers=self.networker).json()["items"]
        self.assertIn(feed["id"], [f["id"] for f in listed])
        self.assertNotIn(feed["token"], json.dumps(listed))
        # A wrong token, one digit changed, or no .ics: 404.
        token = feed["token"]
        wrong = token[:-1] + ("0" if token[-1] != "0" else "1")
        self.get(f"/api/v1/calendar/{wrong}.ics", status=404, anonymous=True)
        self.get("/api/v1/calendar/nothing.ics", status=404, anonymous=True)
        self.get(f"/api/v1/calendar/{token}", status=404, anonymous=True)
        # Someone else cannot revoke it; the owner can, and the URL stops at once.
        self.get(f"/api/v1/calendar-feeds/{feed['id']}", status=405)
        r = self.server.delete(f"/api/v1/calendar-feeds/{feed['id']}", headers=self.reader)
        self.assertIn(r.status, (403, 404))
        self.get(feed["path"], anonymous=True)
        r = self.server.delete(f"/api/v1/calendar-feeds/{feed['id']}", headers=self.networker)
        self.assertEqual(r.status, 204, r.body)
        self.get(feed["path"], status=404, anonymous=True)

    def test_feed_is_for_an_orp_the_user_may_read(self):
        r = self.server.post("/api/v1/calendar-feeds", {"orp": OTHER_ORP}, headers=self.networker)
        self.assertEqual(r.status, 403, r.body)
        r = self.server.post("/api/v1/calendar-feeds", {"orp": "x", "extra": 1},
                             headers=self.networker)
        self.assertEqual(r.status, 422, r.body)
        self.assertEqual(set(r.json()["error"]["fields"]), {"orp", "extra"})
        self.create_feed(self.reader, status=403)  # a read-only token
        self.assertEqual(self.server.post("/api/v1/calendar-feeds", {"orp": ORP},
                                          anonymous=True).status, 401)

    def test_a_deactivated_users_feed_stops(self):
        add_user(self.db, "of.leaving", "networker", "--orp", ORP)
        headers = {"Authorization": "Bearer " + add_token(self.db, "of.leaving", "write")}
        feed = self.create_feed(headers)
        self.get(feed["path"], anonymous=True)
        uid, version = query(self.db, "SELECT id, version FROM users WHERE login = 'of.leaving'")[0]
        r = self.server.request("PATCH", f"/api/v1/users/{uid}", {"active": False},
                                headers={"Content-Type": "application/merge-patch+json",
                                         "If-Match": f'"{version}"'})
        self.assertEqual(r.status, 200, r.body)
        self.get(feed["path"], status=404, anonymous=True)

    def test_a_feed_follows_the_users_rights_now(self):
        add_user(self.db, "of.moving", "networker", "--orp", ORP)
        headers = {"Authorization": "Bearer " + add_token(self.db, "of.moving", "write")}
        feed = self.create_feed(headers)
        self.get(feed["path"], anonymous=True)
        uid, version = query(self.db, "SELECT id, version FROM users WHERE login = 'of.moving'")[0]
        r = self.server.request("PATCH", f"/api/v1/users/{uid}", {"territories": [OTHER_ORP]},
                                headers={"Content-Type": "application/merge-patch+json",
                                         "If-Match": f'"{version}"'})
        self.assertEqual(r.status, 200, r.body)
        self.get(feed["path"], status=404, anonymous=True)


if __name__ == "__main__":
    unittest.main()
