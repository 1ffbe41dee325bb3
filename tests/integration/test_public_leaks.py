"""Nothing confidential or internal reaches the public: every public page of the site and
every public API answer over the whole demo network, fetched anonymously over real HTTP.

An admin first reads from the database what must stay hidden (public_leaks.Secrets): the
streets, points and municipalities of the cards with a confidential address (shelters),
the unpublished cards, the contacts not marked public (the test adds one to a shelter's
card and one to an actor so that there is one to miss), actors' notes and the texts of the
internal records. Then, anonymously:

- every GET route of the served OpenAPI document that the permission matrix
  (test_permissions.ROUTES) opens to the public, with its path parameters over the
  demo's ids and codes and its query parameters over the demo's places and words, in
  every format the API answers in (JSON, GeoJSON, XLSX, CSV, PDF);
- a crawl of the public site from /verejne/, /en/public/, /sitemap.xml and /robots.txt,
  following same-site links and GET forms (filled with the demo's municipalities by name,
  without diacritics and by code), plus the navigator's answers for every situation × a
  set of municipalities (those of the shelters among them), their PDF leaflets (read with
  pdftotext), every ORP's "kdo co dělá" and the widget of each municipality;

and no answer may hold a secret. An unpublished card's page is the same 404 as an
unknown one. The crawl must reach every page type and every published card's page in
both languages, so a page that drops out of the links fails the test too.

LeakDetectorTest shows the detector finds planted leaks in every form; PlantedLeakTest
plants one in a published card through the API and sees the crawl's check catch it."""

import concurrent.futures
import http.client
import io
import json
import re
import subprocess
import sys
import threading
import time
import unicodedata
import unittest
import urllib.parse
import zipfile
from html.parser import HTMLParser

from public_leaks import CARD_LINK, LeakDetector, Secrets, digits
from server import Server, api_operations, query
from test_api import card as card_body

REGION = "CZ053"  # the demo's region, Pardubický kraj
# Municipalities every navigator answer and search is asked for, besides those of the
# shelters: the browser test's three (Chrudim, Skuteč, Heřmanův Městec) and Hlinsko.
TOWNS = ("571164", "572241", "571385", "571393")
VILLAGE = "572411"  # Třemošnice (ORP Chrudim), where the test adds a shelter
WORKERS = 8
MAX_PAGES = 30000  # a crawl that grows beyond this is looping
SECRET_PHONE = "+420 731 555 019"
SECRET_EMAIL = "radka.tajna@utulek-demo.example.cz"
SECRET_PERSON = "Radka Tajná-Skrytá"
ACTOR_PHONE = "+420 604 909 117"
ACTOR_NOTE = "Interní poznámka: ředitelka řeší s OSPOD případ rodiny Novákových z Lipové."
# Internal texts shorter than this are too common to be a finding ("Podatelna").
MIN_TEXT = 30

# The public page types the crawl must reach (with a 200), by path.
PAGE_TYPES = {
    "home cs": r"^/verejne/$",
    "home en": r"^/en/public/$",
    "search cs": r"^/verejne/hledat\?",
    "search en": r"^/en/public/search\?",
    "card cs": r"^/verejne/sluzba/\d+$",
    "card en": r"^/en/public/service/\d+$",
    "situations cs": r"^/verejne/situace/$",
    "situations en": r"^/en/public/situations/$",
    "situation cs": r"^/verejne/situace/[a-z_]+$",
    "situation en": r"^/en/public/situations/[a-z_]+$",
    "answer cs": r"^/verejne/situace/[a-z_]+/\d{6}$",
    "answer en": r"^/en/public/situations/[a-z_]+/\d{6}$",
    "leaflet cs": r"^/verejne/situace/[a-z_]+/\d{6}/letak\.pdf$",
    "leaflet en": r"^/en/public/situations/[a-z_]+/\d{6}/leaflet\.pdf$",
    "who does what cs": r"^/verejne/orp/\d{4}/kdo-co-dela$",
    "who does what en": r"^/en/public/orp/\d{4}/who-does-what$",
    "widget cs": r"^/verejne/vlozit/\d{6}$",
    "widget en": r"^/en/public/embed/\d{6}$",
    "widget script": r"^/verejne/widget\.js$",
    "embed guide cs": r"^/verejne/vlozit$",
    "embed guide en": r"^/en/public/embed$",
    "sitemap": r"^/sitemap\.xml$",
    "robots": r"^/robots\.txt$",
}
PUBLIC_PREFIXES = ("/verejne", "/en/public", "/sitemap.xml", "/robots.txt")
CARD_PAGE = re.compile(r"^/(?:verejne/sluzba|en/public/service)/(\d+)$")
CARD_RECORD = re.compile(r"^/api/v1/service-cards/(\d+)$")


# --- fetching ------------------------------------------------------------------------
class Fetcher:
    """Anonymous GETs over one keep-alive connection per thread."""

    def __init__(self, port):
        self.port = port
        self.local = threading.local()
        self.opened = []

    def close(self):
        for conn in self.opened:
            conn.close()

    def get(self, path):
        for attempt in (0, 1):
            conn = getattr(self.local, "conn", None)
            if conn is None:
                conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port,
                                                                    timeout=60)
                self.opened.append(conn)
            try:
                conn.request("GET", path, headers={"Accept-Encoding": "identity"})
                r = conn.getresponse()
                body = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
                    self.local.conn = None
                return r.status, r.getheader("Content-Type", ""), body
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt:
                    raise


def readable(content_type, body):
    """The text of an answer as its reader would see it: a PDF through pdftotext, an
    office file's XML parts, anything else as UTF-8; None for a raster image."""
    if content_type.startswith("application/pdf") or body[:5] == b"%PDF-":
        return subprocess.run(["pdftotext", "-q", "-", "-"], input=body, capture_output=True,
                              timeout=60, check=True).stdout.decode("utf-8", "replace")
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                             if n.endswith(".xml"))
    if content_type.startswith("image/") and "svg" not in content_type:
        return None
    return body.decode("utf-8", "replace")


class Links(HTMLParser):
    """The same-site URLs of an HTML page (links, sources, frames) and its GET forms."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []
        self.forms = []  # [action, [(name, type, [values])]]
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("href", "src", "action", "data-src", "content"):
            if a.get(name) and (name != "content" or a[name].startswith("/")):
                self.urls.append(a[name])
        if tag == "form" and a.get("method", "get").lower() == "get":
            self._form = [a.get("action", ""), []]
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea") and a.get("name"):
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "reset", "image"):
                return
            values = [v for v in (a.get("value"), a.get("placeholder")) if v]
            if kind in ("checkbox", "radio"):
                values = [a.get("value", "on")]
            self._form[1].append((a["name"], kind, values))
        elif self._form is not None and tag == "select" and a.get("name"):
            self._select = (a["name"], "select", [])
            self._form[1].append(self._select)
        elif self._select is not None and tag == "option":
            self._select[2].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


JS_PATH = re.compile(r"""["'`](/(?:verejne|en/public|api/v1)/[^"'`\s<>]*)""")
SITEMAP_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")


def same_site_path(base_path, url):
    """The path and query of `url` when it is on this site, else None."""
    parts = urllib.parse.urlsplit(urllib.parse.urljoin("http://site" + base_path, url.strip()))
    if parts.scheme not in ("http", "https"):
        return None
    if parts.netloc not in ("site",) and not parts.netloc.startswith(("127.0.0.1", "localhost")):
        return None
    return parts.path + ("?" + parts.query if parts.query else "")


# --- the demo's secrets --------------------------------------------------------------
def docs(database, table):
    return [json.loads(d) for (d,) in query(database, f"SELECT doc FROM {table} ORDER BY id")]


def strings(x):
    """Every string inside a JSON value."""
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for v in x.values():
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)


def collect_secrets(database):
    """What the public must not see in the demo, read as an admin from the database."""
    s = Secrets()
    cards = docs(database, "service_cards")
    actors = {a["id"]: a for a in docs(database, "actors")}
    munis = {code: (name, orp, lat, lon) for code, name, orp, lat, lon in query(
        database, "SELECT code, name, orp_code, lat, lon FROM municipalities")}
    orp_names = dict(query(database, "SELECT code, name FROM orps"))
    public_text = []  # what the public may see, to tell an internal text that is also public

    def public_contacts(contacts):
        return [c for c in contacts if c.get("public")]

    for c in cards:
        shown = {**c, "contacts": public_contacts(c["contacts"])}
        if c["published"]:
            public_text.extend(strings({k: v for k, v in shown.items() if k != "locations"}))
        if not c["confidential_address"] and c["published"]:
            s.public_points += [(l["location"]["lat"], l["location"]["lon"])
                                for l in c["locations"] if l.get("location")]
    for a in actors.values():
        public_text.extend(strings({k: v for k, v in a.items()
                                    if k not in ("note", "contacts")}))
        public_text.extend(strings(public_contacts(a["contacts"])))
        if a["seat"].get("location"):
            s.public_points.append((a["seat"]["location"]["lat"], a["seat"]["location"]["lon"]))
    s.public_points += [(lat, lon) for _, _, lat, lon in munis.values()]
    public_text += [j for (j,) in query(database, "SELECT json FROM reference_documents")]
    public = "\n".join(public_text)
    public_phones = {digits(p) for p in re.findall(r"\+?\d[\d \u00a0./-]{7,}\d", public)}

    for c in cards:
        if not c["published"]:
            s.unpublished.add(c["id"])
            if c["name"] not in public:
                s.add(c["name"], f"the name of unpublished card {c['id']}")
        if c["confidential_address"]:
            actor = actors[c["actor_id"]]
            seat = actor["seat"]["municipality_code"]
            served = set(c["territory"].get("codes", []))
            exempt_names = {orp_names[munis[code][1]] for code in served | {seat}
                            if code in munis} | {munis[code][0] for code in served | {seat}
                                                 if code in munis} | set(served) | {seat}
            places = set()
            for l in c["locations"]:
                code = l["municipality_code"]
                name, orp = munis[code][0], munis[code][1]
                exempt = exempt_names | {orp_names[orp], orp}
                places |= {w for w in (name, code) if w not in exempt and w not in actor["name"]}
                if l["street"]:
                    s.add(l["street"], f"the street of confidential card {c['id']}")
                if l.get("location"):
                    s.points.append((l["location"]["lat"], l["location"]["lon"],
                                     f"confidential card {c['id']}"))
            s.card_places[c["id"]] = places
    for owner, contacts in [(f"card {c['id']}", c["contacts"]) for c in cards] + \
            [(f"actor {a['id']}", a["contacts"]) for a in actors.values()]:
        for k in contacts:
            if k.get("public"):
                continue
            what = f"an internal contact of {owner}"
            if digits(k.get("phone", "")) and digits(k["phone"]) not in public_phones:
                s.phones[digits(k["phone"])] = what
            for v in (k.get("email", ""), k.get("name", "")):
                if v and v not in public and (" " in v or "@" in v):
                    s.add(v, what)
    for a in actors.values():
        if len(a.get("note", "")) >= MIN_TEXT and a["note"] not in public:
            s.add(a["note"], f"the note of actor {a['id']}")
    for kind, doc in query(database, "SELECT kind, doc FROM records"):
        for v in strings(json.loads(doc)):
            if len(v) >= MIN_TEXT and v not in public:
                s.add(v, f"a text of an internal {kind}")
    return s


# --- the tests -----------------------------------------------------------------------
class PublicSweep(unittest.TestCase):
    """A demo server, its secrets, and anonymous checked fetches in parallel."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(demo=True).__enter__()
        cls.prepare()
        cls.secrets = collect_secrets(cls.server.database)
        cls.detector = LeakDetector(cls.secrets)
        cls.fetcher = Fetcher(cls.server.port)
        cls.pool = concurrent.futures.ThreadPoolExecutor(WORKERS)

    @classmethod
    def prepare(cls):
        """Changes the demo before its secrets are read."""

    @classmethod
    def tearDownClass(cls):
        cls.pool.shutdown()
        cls.fetcher.close()
        cls.server.__exit__(None, None, None)

    def check(self, path):
        """Fetches `path` anonymously; returns (path, status, content type, text, leaks)."""
        status, ctype, body = self.fetcher.get(path)
        text = readable(ctype, body) if status == 200 else body.decode("utf-8", "replace")
        if text is None:
            return path, status, ctype, None, []
        m = CARD_PAGE.match(path.split("?")[0]) or CARD_RECORD.match(path.split("?")[0])
        leaks = self.detector.find(text, int(m.group(1)) if m else None)
        return path, status, ctype, text, leaks

    def check_all(self, paths):
        results = list(self.pool.map(self.check, paths))
        for path, status, _, text, leaks in results:
            self.assertLess(status, 500, f"{path}: {(text or '')[:300]}")
            self.assertEqual(leaks, [], f"GET {path} → {status} shows what it must not")
        return results


class PublicLeaksTest(PublicSweep):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        db = cls.server.database
        cards = docs(db, "service_cards")
        cls.cards = cards
        cls.published = sorted(c["id"] for c in cards if c["published"])
        cls.actor_ids = [i for (i,) in query(db, "SELECT id FROM actors ORDER BY id")]
        cls.orps = [o for (o,) in query(db, "SELECT code FROM orps WHERE region_code = ?",
                                        (REGION,))]
        shelter_towns = sorted({l["municipality_code"] for c in cards
                                if c["confidential_address"] for l in c["locations"]})
        cls.towns = sorted(set(TOWNS) | set(shelter_towns))
        cls.town_names = dict(query(db, "SELECT code, name FROM municipalities WHERE code IN (%s)"
                                    % ",".join("?" * len(cls.towns)), cls.towns))
        situations = json.loads(
            cls.server.get("/api/v1/reference/model-situations", anonymous=True).body)
        cls.situations = [x["id"] for x in situations]

    @classmethod
    def prepare(cls):
        cls.plant_internal_contacts()
        cls.add_village_shelter()

    @classmethod
    def add_village_shelter(cls):
        """A published shelter in a small town, Třemošnice, of an actor seated in Chrudim:
        the demo's shelters are all in the town of their actor's seat, which is public,
        so none would show whether a shelter's own municipality stays hidden."""
        ospod = next(a for a in docs(cls.server.database, "actors")
                     if a["seat"]["municipality_code"] == "571164")
        r = cls.server.post("/api/v1/service-cards", card_body(
            ospod["id"], name="Krizové bydlení pro matky s dětmi", service_type="ss57",
            confidential_address=True, territory={"kind": "orp", "codes": ["5304"]},
            locations=[{"municipality_code": VILLAGE, "street": "Za Tratí 1777",
                        "location": {"lat": 49.8712345, "lon": 15.5823456}}],
            contacts=[{"name": "Krizová linka", "phone": "+420 469 000 123", "public": True}]))
        assert r.status == 201, r.body

    @classmethod
    def plant_internal_contacts(cls):
        """An internal contact on a published shelter's card and on an actor, and a note:
        the demo's own contacts are all public, and a check must have something to miss."""
        db = cls.server.database
        card = next(c for c in docs(db, "service_cards")
                    if c["confidential_address"] and c["published"])
        card["contacts"].append({"name": SECRET_PERSON, "role": "vedoucí", "phone": SECRET_PHONE,
                                 "email": SECRET_EMAIL, "web": "", "public": False})
        r = cls.server.put(f"/api/v1/service-cards/{card['id']}", card,
                           headers={"If-Match": f'"{card["version"]}"', **cls.server.admin_headers})
        assert r.status == 200, r.body
        actor = docs(db, "actors")[0]
        actor["contacts"].append({"name": "", "role": "ředitelka", "phone": ACTOR_PHONE,
                                  "email": "", "web": "", "public": False})
        actor["note"] = ACTOR_NOTE
        r = cls.server.put(f"/api/v1/actors/{actor['id']}", actor,
                           headers={"If-Match": f'"{actor["version"]}"', **cls.server.admin_headers})
        assert r.status == 200, r.body

    def test_the_secrets_are_there_to_find(self):
        s = self.secrets
        self.assertGreaterEqual(len(s.points), 2)
        self.assertTrue(any("street" in w for w in s.literals.values()))
        self.assertTrue(s.unpublished, "the demo has no unpublished card")
        self.assertIn(digits(SECRET_PHONE), s.phones)
        self.assertIn(digits(ACTOR_PHONE), s.phones)
        self.assertIn(SECRET_EMAIL, s.literals)
        self.assertIn(ACTOR_NOTE, s.literals)
        self.assertTrue(any("internal meeting" in w for w in s.literals.values()))
        self.assertTrue(any(s.card_places.values()))
        # and the admin sees them: the detector is pointed at the right things
        shelter = next(c for c in self.cards if c["confidential_address"] and c["published"])
        r = self.server.get(f"/api/v1/service-cards/{shelter['id']}")
        self.assertTrue(any("street" in x for x in self.detector.find(r.body)), r.body)

    # --- (a) every public API route ----------------------------------------------------
    def public_get_routes(self):
        from test_permissions import ROUTES
        public = set()
        for (method, path), row in ROUTES.items():
            if method == "GET" and "{token}" not in path and \
                    any(s < 300 for where in row.expect.values() for s in where["public"]):
                public.add(path)
        return public

    def api_paths(self):
        public = self.public_get_routes()
        ops = [(p, names) for m, p, names in api_operations(self.server) if m == "GET"]
        served = {p for p, _ in ops}
        self.assertEqual(public - served, set(), "public routes the OpenAPI document lacks")
        card_ids = [c["id"] for c in self.cards]
        shelters = [c for c in self.cards if c["confidential_address"]]
        words = sorted({c["name"] for c in shelters} | set(self.town_names.values()) |
                       {"poradna", "azylovy dum", "psycholog"})
        pools = {"orp": self.orps, "region": [REGION], "municipality": self.towns, "q": words,
                 "service_type": sorted({c["service_type"] for c in shelters} | {"ss65"}),
                 "actor_id": sorted({c["actor_id"] for c in shelters}), "limit": [200],
                 "published": ["true", "false"], "lang": ["cs", "en"],
                 "from": self.towns[:3], "to": self.towns[-3:]}
        paths = []
        for path, names in ops:
            if path not in public:
                continue
            expansions = [path]
            for param in re.findall(r"\{\w+\}", path):
                vals = self.path_values(path, param, card_ids)
                expansions = [p.replace(param, str(v)) for p in expansions for v in vals]
            known = [n for n in names if n in pools]
            queries = [{}] + [{n: v} for n in known for v in pools[n]]
            if len(known) > 1:  # all together (travel times need both ends)
                queries.append({n: pools[n][0] for n in known})
            page = {"limit": 200} if "limit" in names else {}
            if {"orp", "q"} <= set(known):  # a text search within each ORP
                queries += [{"orp": o, "q": w, **page} for o in self.orps for w in words]
            if "offset" in names:  # the whole region, page by page
                queries += [{"region": REGION, "limit": 200, "offset": k}
                            for k in range(0, len(self.cards) + 200, 200)]
            if "municipality" in known and "situation" in path:
                queries = [{"municipality": m} for m in self.towns]
            for p in expansions:
                paths += [p + ("?" + urllib.parse.urlencode(q) if q else "") for q in queries]
        return public, paths

    def path_values(self, path, param, card_ids):
        """The demo's values of a path parameter of a public route."""
        if "situations/" in path and param == "{id}":
            return self.situations
        if path.startswith("/api/v1/actors/"):
            return self.actor_ids
        if path.startswith("/api/v1/service-cards/"):
            return card_ids
        if path.startswith("/api/v1/regions/"):
            return [REGION]
        if path.startswith("/api/v1/orps/"):
            return self.orps
        if param == "{name}":
            return self.reference_names()
        if param == "{n}":
            return ["1"]
        self.fail(f"no values for {param} of {path}: add them here")

    def reference_names(self):
        doc = json.loads(self.server.get("/api/v1/openapi.json", anonymous=True).body)
        param = doc["components"]["parameters"].get("ReferenceName", {})
        return param.get("schema", {}).get("enum") or ["service-types", "model-situations"]

    def test_no_public_api_answer_shows_a_secret(self):
        public, paths = self.api_paths()
        t0 = time.monotonic()
        results = self.check_all(paths)
        answered = {}
        for path, status, _, _, _ in results:
            answered.setdefault(status, 0)
            answered[status] += 1
        ok_routes = set()
        for path, status, _, _, _ in results:
            if status == 200:
                bare = path.split("?")[0]
                ok_routes |= {r for r in public if re.fullmatch(
                    re.sub(r"\\\{\w+\\\}", r"[^/]+", re.escape(r)), bare)}
        self.assertEqual(public - ok_routes, set(), "public routes that never answered 200")
        print(f"\npublic API: {len(paths)} answers {answered} in "
              f"{time.monotonic() - t0:.1f} s", file=sys.stderr)
        # The public sees a published shelter by id, without its place.
        for c in self.cards:
            r = self.server.get(f"/api/v1/service-cards/{c['id']}", anonymous=True)
            self.assertEqual(r.status, 200 if c["published"] else 404, c["id"])

    # --- (b) the public site -----------------------------------------------------------
    def seeds(self):
        """The crawl's starting points besides the site's own links: every card page in
        both languages (unpublished ones too: they must be 404), the navigator's answers
        and leaflets for every situation in each town, every ORP's "kdo co dělá", the
        widget and search of each town."""
        paths = ["/verejne/", "/en/public/", "/sitemap.xml", "/robots.txt", "/verejne/widget.js",
                 "/verejne/vlozit", "/en/public/embed", "/verejne/situace/",
                 "/en/public/situations/"]
        for c in self.cards:
            paths += [f"/verejne/sluzba/{c['id']}", f"/en/public/service/{c['id']}"]
        for sit in self.situations:
            paths += [f"/verejne/situace/{sit}", f"/en/public/situations/{sit}"]
            for town in self.towns:
                paths += [f"/verejne/situace/{sit}/{town}", f"/en/public/situations/{sit}/{town}",
                          f"/verejne/situace/{sit}/{town}/letak.pdf",
                          f"/en/public/situations/{sit}/{town}/leaflet.pdf"]
        for orp in self.orps:
            paths += [f"/verejne/orp/{orp}/kdo-co-dela", f"/en/public/orp/{orp}/who-does-what"]
        for town in self.towns:
            paths += [f"/verejne/vlozit/{town}", f"/en/public/embed/{town}"]
        return paths

    def form_values(self, name, kind, values):
        """What a GET form's field is filled with: its own values, and for the place and
        the words the demo's towns (by name, without diacritics, by code) and words."""
        if kind in ("hidden", "checkbox", "radio", "select"):
            return values[:12] or [""]
        if name in ("obec", "municipality", "place", "town"):
            names = list(self.town_names.values())
            return values + names + [fold(n) for n in names] + list(self.town_names)[:3]
        if name in ("q", "text", "search"):
            return values + ["", "poradna", "azylovy dum", "psycholog"]
        return values or [""]

    def form_paths(self, action, fields):
        """Each field's values in turn, the other fields at their first (not the product,
        which would grow with every field)."""
        groups = [[(n, v) for v in self.form_values(n, k, vals)] for n, k, vals in fields]
        first = [g[0] for g in groups]
        combos = [first] + [first[:i] + [x] + first[i + 1:]
                            for i, g in enumerate(groups) for x in g[1:]]
        return [action + "?" + urllib.parse.urlencode(c) for c in combos]

    def crawl(self):
        """{path: status} of every page reached; fills self.linked: card id → the paths of
        the pages (other than its own) that link to its page."""
        seen, forms = set(), set()
        frontier = self.seeds()
        pages = {}
        self.linked = {}
        while frontier:
            batch = []
            for p in frontier:
                if p not in seen:
                    seen.add(p)
                    batch.append(p)
            self.assertLess(len(seen), MAX_PAGES, "the crawl does not end")
            frontier = []
            for path, status, ctype, text, leaks in self.check_all(batch):
                pages[path] = status
                if text is None or status != 200 or not path.startswith(PUBLIC_PREFIXES):
                    continue
                for card in {int(i) for i in CARD_LINK.findall(text)}:
                    self.linked.setdefault(card, set()).add(path)
                frontier += self.links_of(path, ctype, text, forms)
        return pages

    def links_of(self, path, ctype, text, forms):
        found = []
        if "html" in ctype:
            parser = Links()
            parser.feed(text)
            urls = parser.urls
            for action, fields in parser.forms:
                act = same_site_path(path, action or path.split("?")[0])
                key = (act, tuple(n for n, _, _ in fields))
                if act and key not in forms:
                    forms.add(key)
                    found += self.form_paths(act.split("?")[0], fields)
        elif "xml" in ctype:
            urls = SITEMAP_LOC.findall(text)
        else:  # robots.txt, widget.js, JSON
            urls = JS_PATH.findall(text) + re.findall(r"(?m)^Sitemap:\s*(\S+)", text)
        for u in urls:
            p = same_site_path(path, u)
            if p and "#" not in p:
                found.append(p)
        return found

    def test_no_public_page_shows_a_secret(self):
        t0 = time.monotonic()
        pages = self.crawl()
        ok = [p for p, s in pages.items() if s == 200]
        missing = [t for t, rx in PAGE_TYPES.items() if not any(re.match(rx, p) for p in ok)]
        self.assertEqual(missing, [], "page types the crawl did not reach")
        for i in self.published:
            for p in (f"/verejne/sluzba/{i}", f"/en/public/service/{i}"):
                self.assertEqual(pages.get(p), 200, p)
        # An unpublished card is not found, exactly as a card that never was.
        unknown = self.fetcher.get("/verejne/sluzba/987654321")
        self.assertEqual(unknown[0], 404)
        for i in sorted(self.secrets.unpublished):
            status, _, body = self.fetcher.get(f"/verejne/sluzba/{i}")
            self.assertEqual(status, 404, i)
            # The id only where a path names it (the stylesheet's hash may hold its digits).
            self.assertEqual(re.sub(rb"/%d(?![0-9])" % i, b"/#", body),
                             unknown[2].replace(b"/987654321", b"/#"), i)
        # Shelters are on navigator answers (and so in their leaflets): the check of those
        # pages had a shelter's place to miss. (An answer lists the nearest services first,
        # and a shelter, whose distance would hint at its place, after them, so not every
        # shelter makes an answer's first ten.)
        on_answers = [c["id"] for c in self.cards if c["confidential_address"] and any(
            re.match(PAGE_TYPES["answer cs"], p) for p in self.linked.get(c["id"], ()))]
        self.assertGreaterEqual(len(on_answers), 2, on_answers)
        # The sitemap names no unpublished card and every published one.
        _, _, sitemap = self.fetcher.get("/sitemap.xml")
        listed = {int(m) for m in re.findall(r"/(?:verejne/sluzba|en/public/service)/(\d+)<",
                                             sitemap.decode())}
        self.assertEqual(listed & self.secrets.unpublished, set())
        self.assertEqual(set(self.published) - listed, set())
        kinds = {}
        for p in ok:
            for t, rx in PAGE_TYPES.items():
                if re.match(rx, p):
                    kinds[t] = kinds.get(t, 0) + 1
        print(f"\npublic site: {len(pages)} pages ({len(ok)} answered 200) in "
              f"{time.monotonic() - t0:.1f} s; {kinds}", file=sys.stderr)


class PlantedLeakTest(PublicSweep):
    """A leak planted through the API is caught where the public meets it: a published
    card whose name and description give a shelter's street, on its page in both
    languages, its record, the search, the spreadsheet of the ORP's cards and the ORP's
    leaflet (a PDF read through pdftotext)."""

    @classmethod
    def prepare(cls):
        db = cls.server.database
        shelter = next(c for c in docs(db, "service_cards")
                       if c["confidential_address"] and c["published"])
        cls.street = shelter["locations"][0]["street"]
        actor = docs(db, "actors")[0]["id"]
        r = cls.server.post("/api/v1/service-cards", card_body(
            actor, name=f"Poradna {cls.street}", description=f"Najdete nás: {cls.street}.",
            contacts=[{"name": "Poradna", "phone": "+420 469 111 222", "public": True}]))
        assert r.status == 201, r.body
        cls.planted = r.json()["id"]

    def test_the_planted_street_is_found_wherever_the_public_sees_the_card(self):
        paths = [f"/verejne/sluzba/{self.planted}", f"/en/public/service/{self.planted}",
                 f"/api/v1/service-cards/{self.planted}",
                 "/api/v1/service-cards?orp=5304&q=poradna&limit=200",
                 "/api/v1/service-cards.xlsx?orp=5304", "/api/v1/service-cards.geojson?orp=5304"]
        for path, status, ctype, text, leaks in self.pool.map(self.check, paths):
            with self.subTest(path=path):
                self.assertEqual(status, 200, text[:300])
                self.assertTrue(any("street" in f for f in leaks), (path, ctype, leaks))


# --- the detector on planted leaks ----------------------------------------------------
def planted_secrets():
    s = Secrets()
    s.add("Pod Kaštany 1623", "the street of confidential card 12")
    s.points.append((49.951234567, 15.793456789, "confidential card 12"))
    s.public_points.append((49.9531, 15.7911))  # the municipality's centre, nearby
    s.card_places[12] = {"Slatiňany", "571822"}
    s.unpublished.add(77)
    s.add("Tajná poradna U Lípy", "the name of unpublished card 77")
    s.phones[digits(SECRET_PHONE)] = "an internal contact of card 12"
    s.add(SECRET_EMAIL, "an internal contact of card 12")
    s.add("Na setkání zazněla obava o rodinu z Lipové a její dluhy.", "a text of an internal meeting")
    return s


class LeakDetectorTest(unittest.TestCase):
    """The detector finds each kind of secret in each form it could take in an answer, and
    does not cry wolf at what is public."""

    def setUp(self):
        self.d = LeakDetector(planted_secrets())

    def assertLeaks(self, body, what, card_id=None):
        found = self.d.find(body, card_id)
        self.assertTrue(any(what in f for f in found), f"{what!r} not found in {body!r}: {found}")

    def test_a_street_as_text_entities_json_and_url(self):
        for body in ("<p>Pod Kaštany 1623, Slatiňany</p>",
                     "<p>Pod Ka&scaron;tany&nbsp;1623</p>",
                     "<p>Pod Ka&#353;tany\n 1623</p>",
                     json.dumps({"street": "Pod Kaštany 1623"}),
                     '<a href="https://mapy.cz/?q=Pod%20Ka%C5%A1tany%201623">mapa</a>',
                     "Pod Kaštany\n1623 (text of a PDF)",
                     "Pod Kaš\u00ad\ntany 1623 (hyphenated in a PDF)"):
            self.assertLeaks(body, "street")

    def test_a_point_in_every_notation(self):
        for body in (json.dumps({"lat": 49.951234567, "lon": 15.793456789}),
                     '{"type":"Point","coordinates":[15.7935,49.9512]}',
                     "<span>49,9512° s. š., 15,7935° v. d.</span>",
                     '<a href="https://www.openstreetmap.org/?mlat=49.951&amp;mlon=15.793">',
                     '<meta itemprop="latitude" content="49.95123">',
                     "geo:49.9512346,15.7934568"):
            self.assertLeaks(body, "confidential card 12")

    def test_an_unpublished_card_by_link_json_feature_and_name(self):
        self.assertLeaks('<a href="/verejne/sluzba/77">Poradna</a>', "unpublished card 77")
        self.assertLeaks('<a href="/en/public/service/77?x=1">', "unpublished card 77")
        self.assertLeaks(json.dumps({"items": [{"id": 77, "service_type": "ss57"}]}),
                         "unpublished card 77")
        self.assertLeaks(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": 77, "service_type": "ss57"}}]}),
            "unpublished card 77")
        self.assertLeaks("<h2>Tajná poradna U Lípy</h2>", "unpublished card 77")

    def test_an_internal_contact_spaced_any_way(self):
        for phone in ("+420 731 555 019", "731555019", "+420731555019", "731-555-019",
                      "731&nbsp;555&nbsp;019"):
            self.assertLeaks(f"<a href='tel:{phone}'>{phone}</a>", "internal contact")
        self.assertLeaks(f'"email": "{SECRET_EMAIL}"', "internal contact")

    def test_an_internal_text(self):
        self.assertLeaks("<p>Na setkání zazněla obava o rodinu z Lipové a její\ndluhy.</p>",
                         "internal meeting")

    def test_the_municipality_only_on_the_cards_own_page_and_record(self):
        page = "<h1>Azylový dům</h1><p>Slatiňany</p>"
        self.assertLeaks(page, "Slatiňany", card_id=12)
        self.assertEqual(self.d.find(page), [])  # a search page may name the town
        self.assertEqual(self.d.find(page, card_id=13), [])
        self.assertLeaks(json.dumps({"id": 12, "service_type": "ss57",
                                     "locations": [{"municipality_code": "571822"}]}), "571822")
        self.assertEqual(self.d.find(json.dumps({"id": 13, "service_type": "ss57",
                                                 "municipality": "Slatiňany"})), [])

    def test_what_is_public_is_no_finding(self):
        for body in ("<p>Pod Kaštany 1600, 1623 Kč</p>",  # another number, the street name
                     '{"lat": 49.9531, "lon": 15.7911}',  # the municipality's centre
                     '{"lat": 49.953, "lon": 15.791}',
                     '{"lat": 49.95, "lon": 15.79}',  # two decimals: ~1 km, the town
                     '{"lat": 49.961, "lon": 15.812}',  # another place
                     "49.951 is" + " far" * 30 + " from 15.793",  # not a pair
                     "tel. +420 469 657 111",
                     '<a href="/verejne/sluzba/78">', "version 1.2.3, 2026-12-04"):
            self.assertEqual(self.d.find(body), [], body)


def fold(text):
    """Text without diacritics, as people type a place's name."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")


if __name__ == "__main__":
    unittest.main()
