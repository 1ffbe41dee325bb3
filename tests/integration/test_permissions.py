"""Who may do what (docs/permissions.md) over real HTTP: one table, ROUTES, names every route
of the API with how to build a request for a record or scope inside and outside the
caller's territory and what each role gets; a test fails when the served OpenAPI document
and the table disagree about which routes exist. Allowed writes really happen, refused ones
write nothing (the change-log position in /api/v1/health stays put). Then the finer rules:
lists without a scope, internal service cards, contacts for the public, the audit trail,
one-time passwords and records moved across territories.

Territories: ORP 5304 Chrudim (region CZ053, Pardubický kraj) is inside; ORP 2101 Benešov
(CZ020, Středočeský kraj) is outside every role but the admin; 5302 Hlinsko is the
neighbour ORP inside the region."""

import collections
import datetime
import itertools
import re
import sqlite3
import time
import unittest
import urllib.parse

from server import RECORD_KINDS, Server, add_token, add_user, strict_json, query
from test_api import ACTOR, card as card_body
from test_meetings import meeting as meeting_body
from test_needs import need as need_body

ORP = {"in": "5304", "out": "2101"}
MUN = {"in": "571164", "out": "529303"}  # Chrudim; Benešov
REGION_IN, REGION_OUT = "CZ053", "CZ020"
NEIGHBOUR_ORP = "5302"  # Hlinsko, in the region but not the networker's ORP

ROLES = ("admin", "coordinator", "networker", "viewer", "actor_editor", "token_read", "public")
LOGINS = {"admin": "perm.admin", "coordinator": "perm.coordinator",
          "networker": "perm.networker", "viewer": "perm.viewer",
          "actor_editor": "perm.editor", "token_read": "perm.networker"}
def author(login):
    """The change-log author of a signed-in user's changes."""
    return "user:" + login


SESSION_ROLES = ("admin", "coordinator", "networker", "viewer", "actor_editor")
FORGED_SESSION = "f" * 64
FORGED_TOKEN = "prosit_" + "0" * 64


def outcomes(text):
    """'200 403 …' in ROLES order → {role: set of statuses}; 'a|b' allows either,
    '2xx' any success."""
    parts = text.split()
    assert len(parts) == len(ROLES), text
    out = {}
    for role, part in zip(ROLES, parts):
        allowed = set()
        for alt in part.split("|"):
            allowed |= set(range(200, 300)) if alt == "2xx" else {int(alt)}
        out[role] = allowed
    return out


def expect(inside, outside=None):
    return {"in": outcomes(inside), "out": outcomes(inside if outside is None else outside)}


# Outcome profiles, roles in the order of ROLES:
#   admin coordinator networker viewer actor_editor token_read public
EVERYONE = expect("200 200 200 200 200 200 200")
WORK_READ = expect("200 200 200 200 403 200 401", "200 403 403 403 403 403 401")
# One record by id: one the caller may not read is not found, as a missing one.
WORK_READ_ONE = expect("200 200 200 200 403 200 401", "200 404 404 404 403 404 401")
WORK_DELETE = expect("204 204 204 403 404 403 401", "204 404 404 403 404 403 401")
# A patch starts from the stored record: one the caller may not read is not found.
WORK_PATCH = expect("200 200 200 403 404 403 401", "200 404 404 403 404 403 401")


def work_write(ok, refers=False):
    """`refers`: the body names a theme or goal; one the writer may not read is missing
    (422), whatever the role."""
    if refers:
        return expect(f"{ok} {ok} {ok} 403 422 403 401", f"{ok} 422 422 403 422 403 401")
    return expect(f"{ok} {ok} {ok} 403 403 403 401", f"{ok} 403 403 403 403 403 401")


ACTOR_UPDATE = expect("200 200 200 403 200 403 401", "200 403 403 403 403 403 401")


def card_write(ok):
    return expect(f"{ok} {ok} {ok} 403 {ok} 403 401", f"{ok} 403 403 403 403 403 401")


INTERNAL_CARD_READ = expect("200 200 200 200 200 200 404", "200 404 404 404 404 404 404")


def admin_only(ok):
    return expect(f"{ok} 403 403 403 403 403 401")


# Kinds of work records: every kind but actors and service cards.
WORK_KINDS = {k: v for k, v in RECORD_KINDS.items() if k not in ("actors", "service-cards")}
TEXT_FIELD = {"actors": "note", "service-cards": "description",
              **{k: v[1] for k, v in WORK_KINDS.items()}}

Req = collections.namedtuple("Req", "method path body headers creds check",
                             defaults=(None, None, "caller", None))
# creds: "caller" — the caller's own credentials; "none" — none at all; "given" — only
# those in headers. check(t, response): run after an allowed answer.
Row = collections.namedtuple("Row", "build expect effect")
# effect: "read" (writes nothing whatever the answer), "logged" (an allowed answer adds to
# the change log), "unlogged" (an allowed answer may change sessions or tokens only).


# --- request builders ------------------------------------------------------------------
def fixed(path):
    return lambda t, role, where: Req("GET", path[where] if isinstance(path, dict) else path)


def scoped(path, extra=""):
    """GET path?orp=… with the ORP inside or outside."""
    return lambda t, role, where: Req("GET", f"{path}?orp={ORP[where]}{extra}")


def create(kind):
    def build(t, role, where):
        body = t.new_body(kind, where, role)
        return Req("POST", f"/api/v1/{kind}", body, check=lambda t, r: t.check_created(kind, r))
    return build


def read_one(kind):
    def build(t, role, where):
        return Req("GET", f"/api/v1/{kind}/{t.shared(kind, where, role)['id']}")
    return build


def update(kind):
    field = TEXT_FIELD[kind]

    def build(t, role, where):
        rec = t.target(kind, where, role)
        value = f"changed by {role} {next(t.counter)}"
        body = {**rec, field: value}
        path = f"/api/v1/{kind}/{rec['id']}"

        def check(t, r):
            t.assertEqual(t.admin_get(path)[field], value)
        return Req("PUT", path, body, {"If-Match": f'"{rec["version"]}"'}, check=check)
    return build


MERGE_PATCH = "application/merge-patch+json"


def patch(kind):
    """A JSON Merge Patch of one text field."""
    field = TEXT_FIELD[kind]

    def build(t, role, where):
        rec = t.target(kind, where, role)
        value = f"patched by {role} {next(t.counter)}"
        path = f"/api/v1/{kind}/{rec['id']}"

        def check(t, r):
            t.assertEqual(t.admin_get(path)[field], value)
        return Req("PATCH", path, {field: value},
                   {"If-Match": f'"{rec["version"]}"', "Content-Type": MERGE_PATCH}, check=check)
    return build


def delete(kind):
    def build(t, role, where):
        rec = t.target(kind, where, role)
        path = f"/api/v1/{kind}/{rec['id']}"

        def check(t, r):
            t.assertEqual(t.server.get(path).status, 404)
        return Req("DELETE", path, None, {"If-Match": f'"{rec["version"]}"'}, check=check)
    return build


def work_routes(kind, list_path=True):
    refers = kind in ("goals", "steps")
    rows = {
        ("POST", f"/api/v1/{kind}"): Row(create(kind), work_write(201, refers), "logged"),
        ("GET", f"/api/v1/{kind}/{{id}}"): Row(read_one(kind), WORK_READ_ONE, "read"),
        ("PUT", f"/api/v1/{kind}/{{id}}"): Row(update(kind), work_write(200, refers), "logged"),
        ("PATCH", f"/api/v1/{kind}/{{id}}"): Row(patch(kind), WORK_PATCH, "logged"),
        ("DELETE", f"/api/v1/{kind}/{{id}}"): Row(delete(kind), WORK_DELETE, "logged"),
    }
    if list_path:
        rows[("GET", f"/api/v1/{kind}")] = Row(scoped(f"/api/v1/{kind}"), WORK_READ, "read")
    return rows


def audit(path):
    def build(t, role, where):
        return Req("GET", f"{path}?entity=meeting&id={t.fx['meetings'][where]['id']}")
    return build


def personal_data(t, role, where):
    return Req("GET", "/api/v1/personal-data?" + urllib.parse.urlencode(
        {"name": t.fx["person"][where]}), check=lambda t, r: t.assertIn(
            t.fx["person"][where], r.body))


def erasure(t, role, where):
    name = f"Erasable Person {next(t.counter)}"
    actor = t.admin_post("actors", t.actor_body(where, contacts=[
        {"name": name, "phone": "+420 777 123 456", "public": False}]))
    start = t.seq()[1]

    def check(t, r):
        t.assert_erased(name, actor["id"], start)
    return Req("POST", "/api/v1/personal-data/erasure", {"name": name}, check=check)


def create_user(t, role, where):
    login = f"perm.new{next(t.counter)}"
    return Req("POST", "/api/v1/users", {"login": login, "display_name": "Nový uživatel",
                                         "role": "networker", "territories": [ORP[where]]})


def change_password(t, role, where):
    c = t.callers[role]
    if where == "in":
        uid = t.callers["networker"].user_id if role in ("token_read", "public") else c.user_id
        current = t.callers["networker"].password if role in ("token_read", "public") \
            else c.password
    else:
        uid, current = t.probe_user_id, t.probe_password
    new = f"Nove Heslo {next(t.counter)} ok"

    def check(t, r):
        owner = t.callers["networker"] if role == "token_read" else c
        owner.password = new
    return Req("PUT", f"/api/v1/users/{uid}/password",
               {"current_password": current, "new_password": new}, check=check)


def user_target(t):
    """A new viewer made by the admin (the harness's token), for a route to act on."""
    r = t.server.post("/api/v1/users", {"login": f"perm.target{next(t.counter)}",
                                        "display_name": "Cíl", "role": "viewer",
                                        "territories": [ORP["in"]]})
    assert r.status == 201, r.body
    return r.json()["user"]


def patch_user(t, role, where):
    u = user_target(t)
    return Req("PATCH", f"/api/v1/users/{u['id']}", {"display_name": "Přejmenovaný"},
               headers={"If-Match": f'"{u["version"]}"',
                        "Content-Type": "application/merge-patch+json"},
               check=lambda t, r: t.assertEqual(r.json()["display_name"], "Přejmenovaný"))


def end_user_credentials(tail):
    def build(t, role, where):
        return Req("DELETE", f"/api/v1/users/{user_target(t)['id']}/{tail}")
    return build


def sign_in(t, role, where):
    c = t.callers[role]
    login, password = (t.probe_login, t.probe_password) if role == "public" else \
        (c.login, t.callers["networker"].password if role == "token_read" else c.password)
    if where == "out":
        password = "Wrong password 1"
    return Req("POST", "/api/v1/session", {"login": login, "password": password}, creds="none",
               check=lambda t, r: t.assertIn("prosit_session=", r.headers["Set-Cookie"]))


def forged(role):
    """Credentials of the caller's kind that stand for nobody."""
    if role == "token_read":
        return {"Authorization": "Bearer " + FORGED_TOKEN}
    return {"Cookie": "prosit_session=" + FORGED_SESSION, "X-CSRF-Token": "0" * 64}


def who_am_i(t, role, where):
    if where == "out":
        return Req("GET", "/api/v1/session", headers=forged(role), creds="given")
    return Req("GET", "/api/v1/session",
               check=lambda t, r: t.assertEqual(r.json()["user"]["login"], LOGINS[role]))


def sign_out(t, role, where):
    if where == "out":
        return Req("DELETE", "/api/v1/session", headers=forged(role), creds="given")
    if role in SESSION_ROLES:  # a second browser of the role, so its main session lives on
        return Req("DELETE", "/api/v1/session", headers=t.callers[role].fresh_session(),
                   creds="given")
    return Req("DELETE", "/api/v1/session")


def sign_out_everywhere(t, role, where):
    if where == "out":
        return Req("DELETE", "/api/v1/sessions", headers=forged(role), creds="given")

    def check(t, r):
        c = t.callers[role]
        t.assertEqual(t.server.get("/api/v1/session", headers=c.headers("GET")).status, 401)
        c.sign_in()  # back in for the rest of the table
    return Req("DELETE", "/api/v1/sessions", check=check)


def new_token(t, role, where):
    return Req("POST", "/api/v1/api-tokens", {"name": f"perm {role} {where}", "scope": "read"},
               check=lambda t, r: t.assertTrue(r.json()["token"]))


def revoke_token(t, role, where):
    if where == "in":
        owner = "networker" if role in ("token_read", "public") else role
    else:
        owner = "coordinator" if role in ("admin", "networker", "token_read") else "networker"
    token_id = t.callers[owner].make_token()
    return Req("DELETE", f"/api/v1/api-tokens/{token_id}")


def what_if(t, role, where):
    return Req("POST", "/api/v1/analysis/what-if",
               {"add": [{"service_type": "ss65", "municipality": MUN[where], "capacity": 10}]},
               check=lambda t, r: t.assertFalse(r.json()["saved"]))


def publish_model(t, role, where):
    """A new model version, the same as the current one but for its note."""
    return Req("POST", "/api/v1/model/versions", {"note": f"permissions: {role} {where}"},
               check=lambda t, r: t.assertEqual(t.admin_get("/api/v1/model")["number"],
                                                r.json()["number"]))


def calendar_feed(t, role, where):
    """A feed of the inside ORP fetched without credentials: a live one inside, a revoked
    one outside."""
    r = t.server.post("/api/v1/calendar-feeds", {"orp": ORP["in"]})
    assert r.status == 201, r.body
    feed = r.json()
    if where == "out":
        assert t.server.delete(f"/api/v1/calendar-feeds/{feed['id']}").status == 204
    return Req("GET", feed["path"], creds="none")


def revoke_feed(t, role, where):
    if where == "in":
        owner = role if role in ("admin", "coordinator", "networker", "viewer") else "networker"
    else:
        owner = "coordinator" if role in ("admin", "networker", "token_read") else "networker"
    r = t.callers[owner].request("POST", "/api/v1/calendar-feeds", {"orp": ORP["in"]})
    assert r.status == 201, (owner, r.body)
    return Req("DELETE", f"/api/v1/calendar-feeds/{r.json()['id']}")


SESSION_IN = "204 204 204 204 204 403|422 401"
NOBODY = "401 401 401 401 401 401 401"

ROUTES = {
    # -- the same for everyone ---------------------------------------------------------
    ("GET", "/api/v1/health"): Row(fixed("/api/v1/health"), EVERYONE, "read"),
    ("GET", "/api/v1/openapi.json"): Row(fixed("/api/v1/openapi.json"), EVERYONE, "read"),
    ("GET", "/api/v1/regions"): Row(fixed("/api/v1/regions"), EVERYONE, "read"),
    ("GET", "/api/v1/labels"): Row(fixed("/api/v1/labels?lang=cs"), EVERYONE, "read"),
    ("GET", "/api/v1/orps"): Row(fixed("/api/v1/orps"), EVERYONE, "read"),
    ("GET", "/api/v1/municipalities"): Row(fixed("/api/v1/municipalities?q=chrud"), EVERYONE, "read"),
    ("GET", "/api/v1/orps/{code}/municipalities"): Row(
        fixed({w: f"/api/v1/orps/{ORP[w]}/municipalities" for w in ORP}), EVERYONE, "read"),
    # Boundaries are public data (ČÚZK), for everyone's maps.
    ("GET", "/api/v1/territory/municipalities.topo.json"): Row(
        fixed({w: f"/api/v1/territory/municipalities.topo.json?orp={ORP[w]}" for w in ORP}),
        EVERYONE, "read"),
    ("GET", "/api/v1/reference/{name}"): Row(
        fixed({"in": "/api/v1/reference/sectors", "out": "/api/v1/reference/service-types"}),
        EVERYONE, "read"),
    ("GET", "/api/v1/analysis/travel-times"): Row(
        fixed({"in": "/api/v1/analysis/travel-times?from=571661&to=571164",
               "out": "/api/v1/analysis/travel-times?from=529303&to=554782"}), EVERYONE, "read"),
    # -- the public catalog ------------------------------------------------------------
    ("GET", "/api/v1/actors"): Row(scoped("/api/v1/actors"), EVERYONE, "read"),
    ("POST", "/api/v1/actors"): Row(create("actors"), work_write(201), "logged"),
    ("GET", "/api/v1/actors/{id}"): Row(read_one("actors"), EVERYONE, "read"),
    ("PUT", "/api/v1/actors/{id}"): Row(update("actors"), ACTOR_UPDATE, "logged"),
    ("PATCH", "/api/v1/actors/{id}"): Row(patch("actors"), ACTOR_UPDATE, "logged"),
    ("DELETE", "/api/v1/actors/{id}"): Row(delete("actors"), work_write(204), "logged"),
    ("GET", "/api/v1/service-cards"): Row(scoped("/api/v1/service-cards"), EVERYONE, "read"),
    ("POST", "/api/v1/service-cards"): Row(create("service-cards"), card_write(201), "logged"),
    ("GET", "/api/v1/service-cards/{id}"): Row(read_one("service-cards"), INTERNAL_CARD_READ,
                                               "read"),
    ("PUT", "/api/v1/service-cards/{id}"): Row(update("service-cards"), card_write(200),
                                               "logged"),
    ("PATCH", "/api/v1/service-cards/{id}"): Row(patch("service-cards"), card_write(200),
                                                 "logged"),
    ("DELETE", "/api/v1/service-cards/{id}"): Row(delete("service-cards"), card_write(204),
                                                  "logged"),
    # -- the networker's records ---------------------------------------------------------
    **work_routes("meetings"),
    **work_routes("needs"),
    **work_routes("ties"),
    ("GET", "/api/v1/ties/derived"): Row(scoped("/api/v1/ties/derived"), WORK_READ, "read"),
    **work_routes("themes", list_path=False),
    **work_routes("goals", list_path=False),
    **work_routes("steps", list_path=False),
    **work_routes("good-practices"),
    **work_routes("recommendations"),
    ("GET", "/api/v1/strategy"): Row(scoped("/api/v1/strategy"), WORK_READ, "read"),
    ("GET", "/api/v1/strategy/overdue"): Row(scoped("/api/v1/strategy/overdue"), WORK_READ,
                                             "read"),
    ("GET", "/api/v1/strategy/changes"): Row(
        scoped("/api/v1/strategy/changes", "&from=2018-01-01"), WORK_READ, "read"),
    ("GET", "/api/v1/monitoring"): Row(scoped("/api/v1/monitoring"), WORK_READ, "read"),
    ("GET", "/api/v1/monitoring.csv"): Row(scoped("/api/v1/monitoring.csv"), WORK_READ, "read"),
    # -- the project: participation register, ORP profile and texts -----------------------
    **work_routes("participations"),
    **work_routes("orp-texts", list_path=False),
    **work_routes("analysis-texts"),
    ("GET", "/api/v1/orps/{code}"): Row(fixed({w: f"/api/v1/orps/{ORP[w]}" for w in ORP}),
                                        WORK_READ, "read"),
    # the ORP analysis: who reads the ORP's internal records may download it
    **{("GET", f"/api/v1/orps/{{code}}/report.{ext}"): Row(
        fixed({w: f"/api/v1/orps/{ORP[w]}/report.{ext}" for w in ORP}), WORK_READ, "read")
       for ext in ("pdf", "odt", "docx")},
    # -- documents: the public leaflet, and the regional summary of a whole region -----------
    ("GET", "/api/v1/orps/{code}/leaflet.pdf"): Row(
        fixed({w: f"/api/v1/orps/{ORP[w]}/leaflet.pdf" for w in ORP}), EVERYONE, "read"),
    # -- the situation navigator: public, built from what the public catalog answers --------
    ("GET", "/api/v1/situations"): Row(fixed("/api/v1/situations"), EVERYONE, "read"),
    ("GET", "/api/v1/situations/{id}/services"): Row(
        fixed({w: f"/api/v1/situations/child_abuse/services?municipality={MUN[w]}" for w in MUN}),
        EVERYONE, "read"),
    ("GET", "/api/v1/orps/{code}/who-does-what"): Row(
        fixed({w: f"/api/v1/orps/{ORP[w]}/who-does-what" for w in ORP}), EVERYONE, "read"),
    ("GET", "/api/v1/regions/{code}/report.pdf"): Row(
        fixed({"in": f"/api/v1/regions/{REGION_IN}/report.pdf",
               "out": f"/api/v1/regions/{REGION_OUT}/report.pdf"}),
        expect("200 200 403 403 403 200|403 401", "200 403 403 403 403 403 401"), "read"),
    # -- analyses --------------------------------------------------------------------------
    ("GET", "/api/v1/analysis/coverage"): Row(scoped("/api/v1/analysis/coverage"), WORK_READ,
                                              "read"),
    ("GET", "/api/v1/analysis/accessibility"): Row(
        scoped("/api/v1/analysis/accessibility", "&service_type=ss65"), WORK_READ, "read"),
    ("GET", "/api/v1/analysis/candidates"): Row(
        scoped("/api/v1/analysis/candidates", "&service_type=ss65"), WORK_READ, "read"),
    ("POST", "/api/v1/analysis/what-if"): Row(what_if, WORK_READ, "read"),
    ("GET", "/api/v1/analysis/network"): Row(scoped("/api/v1/analysis/network"), WORK_READ,
                                             "read"),
    ("GET", "/api/v1/analysis/network/changes"): Row(
        scoped("/api/v1/analysis/network/changes", "&from=2016-01-01&to=2019-12-31"),
        WORK_READ, "read"),
    # -- the open formats (test_open_formats) ---------------------------------------------
    # -- spreadsheets: each list's XLSX twin has the list's scope; the import of cards ------
    ("GET", "/api/v1/service-cards.xlsx"): Row(scoped("/api/v1/service-cards.xlsx"), EVERYONE,
                                               "read"),
    ("GET", "/api/v1/actors.xlsx"): Row(scoped("/api/v1/actors.xlsx"), EVERYONE, "read"),
    ("GET", "/api/v1/meetings.xlsx"): Row(scoped("/api/v1/meetings.xlsx"), WORK_READ, "read"),
    ("GET", "/api/v1/needs.xlsx"): Row(scoped("/api/v1/needs.xlsx"), WORK_READ, "read"),
    ("GET", "/api/v1/strategy.xlsx"): Row(scoped("/api/v1/strategy.xlsx"), WORK_READ, "read"),
    ("GET", "/api/v1/monitoring.xlsx"): Row(scoped("/api/v1/monitoring.xlsx"), WORK_READ,
                                            "read"),
    ("GET", "/api/v1/orps/{code}/cooperation.kumu.xlsx"): Row(
        fixed({w: f"/api/v1/orps/{ORP[w]}/cooperation.kumu.xlsx" for w in ORP}), WORK_READ,
        "read"),
    ("GET", "/api/v1/service-cards/import-template.xlsx"): Row(
        fixed("/api/v1/service-cards/import-template.xlsx"), EVERYONE, "read"),
    ("GET", "/api/v1/service-cards/import-template.csv"): Row(
        fixed("/api/v1/service-cards/import-template.csv"), EVERYONE, "read"),
    # A file without the template's header: refused whole, nothing written.
    ("POST", "/api/v1/service-cards/import"): Row(
        lambda t, role, where: Req("POST", "/api/v1/service-cards/import?dry_run=true",
                                   {"not": "a sheet"}, {"Content-Type": "text/csv"}),
        expect("422 422 422 403 422 403 401"), "read"),
    ("GET", "/api/v1/service-cards.geojson"): Row(scoped("/api/v1/service-cards.geojson"),
                                                  EVERYONE, "read"),
    ("GET", "/api/v1/analysis/municipalities.geojson"): Row(
        scoped("/api/v1/analysis/municipalities.geojson"), WORK_READ, "read"),
    ("GET", "/api/v1/analysis/cooperation.graphml"): Row(
        scoped("/api/v1/analysis/cooperation.graphml"), WORK_READ, "read"),
    ("GET", "/api/v1/orps/{code}/calendar.ics"): Row(
        fixed({w: f"/api/v1/orps/{ORP[w]}/calendar.ics" for w in ORP}), WORK_READ, "read"),
    ("GET", "/api/v1/calendar/{token}.ics"): Row(
        calendar_feed, expect("200 200 200 200 200 200 200", "404 404 404 404 404 404 404"),
        "read"),
    ("GET", "/api/v1/calendar-feeds"): Row(fixed("/api/v1/calendar-feeds"),
                                           expect("200 200 200 200 200 200 401"), "read"),
    ("POST", "/api/v1/calendar-feeds"): Row(
        lambda t, role, where: Req("POST", "/api/v1/calendar-feeds", {"orp": ORP[where]}),
        expect("201 201 201 201 403 403 401", "201 403 403 403 403 403 401"), "unlogged"),
    ("DELETE", "/api/v1/calendar-feeds/{id}"): Row(
        revoke_feed, expect("204 204 204 204 404 403 401", "204 404 404 404 404 404 401"),
        "unlogged"),
    # -- the audit trail and personal data -------------------------------------------------
    ("GET", "/api/v1/audit"): Row(audit("/api/v1/audit"), WORK_READ, "read"),
    ("GET", "/api/v1/audit.csv"): Row(audit("/api/v1/audit.csv"), WORK_READ, "read"),
    ("GET", "/api/v1/personal-data"): Row(personal_data, admin_only(200), "read"),
    ("POST", "/api/v1/personal-data/erasure"): Row(erasure, admin_only("2xx"), "logged"),
    # -- the reference model's versions (a methodologist publishes too: test_model_versions)
    ("GET", "/api/v1/model"): Row(fixed("/api/v1/model"), EVERYONE, "read"),
    ("GET", "/api/v1/model/versions"): Row(fixed("/api/v1/model/versions"), EVERYONE, "read"),
    ("GET", "/api/v1/model/versions/{n}"): Row(fixed("/api/v1/model/versions/1"), EVERYONE,
                                               "read"),
    ("POST", "/api/v1/model/versions"): Row(publish_model, admin_only(201), "logged"),
    # -- accounts --------------------------------------------------------------------------
    ("POST", "/api/v1/session"): Row(sign_in, expect("200 200 200 200 200 200 200", NOBODY),
                                     "unlogged"),
    ("GET", "/api/v1/session"): Row(who_am_i, expect("200 200 200 200 200 200 401", NOBODY),
                                    "read"),
    ("DELETE", "/api/v1/session"): Row(sign_out, expect(SESSION_IN, NOBODY), "unlogged"),
    ("DELETE", "/api/v1/sessions"): Row(sign_out_everywhere, expect(SESSION_IN, NOBODY),
                                        "unlogged"),
    ("POST", "/api/v1/users"): Row(create_user, admin_only(201), "logged"),
    ("GET", "/api/v1/users"): Row(fixed("/api/v1/users"), admin_only(200), "read"),
    ("GET", "/api/v1/users/{id}"): Row(
        lambda t, role, where: Req("GET", f"/api/v1/users/{t.probe_user_id}"),
        admin_only(200), "read"),
    ("PATCH", "/api/v1/users/{id}"): Row(patch_user, admin_only(200), "logged"),
    ("DELETE", "/api/v1/users/{id}/sessions"): Row(end_user_credentials("sessions"),
                                                   admin_only(204), "logged"),
    ("DELETE", "/api/v1/users/{id}/api-tokens"): Row(end_user_credentials("api-tokens"),
                                                     admin_only(204), "logged"),
    ("PUT", "/api/v1/users/{id}/password"): Row(
        change_password, expect("204 204 204 204 204 403 401", "403 403 403 403 403 403 401"),
        "logged"),
    ("POST", "/api/v1/api-tokens"): Row(new_token, expect("201 201 201 201 201 403 401"),
                                        "unlogged"),
    ("DELETE", "/api/v1/api-tokens/{id}"): Row(
        revoke_token, expect("204 204 204 204 204 403 401", "204 404 404 404 404 404 401"),
        "unlogged"),
}


def session_cookie(response):
    m = re.match(r"prosit_session=([^;]*)", response.headers.get("Set-Cookie") or "")
    return m.group(1) if m else None


class Caller:
    """One role: its credentials, and the headers a request of it carries."""

    def __init__(self, server, role, login=None, password=None, token=None):
        self.server, self.role, self.login, self.password = server, role, login, password
        self.token, self.cookie, self.csrf, self.user_id = token, None, None, None

    def sign_in(self):
        r = self.server.post("/api/v1/session", {"login": self.login, "password": self.password},
                             anonymous=True)
        if r.status != 200:
            raise AssertionError(f"{self.login} cannot sign in: {r.status} {r.body}")
        self.cookie, self.csrf = session_cookie(r), r.json()["csrf_token"]
        self.user_id = r.json()["user"]["id"]
        return r

    def fresh_session(self):
        """The headers of another session of the same user."""
        r = self.server.post("/api/v1/session", {"login": self.login, "password": self.password},
                             anonymous=True)
        assert r.status == 200, r.body
        return {"Cookie": "prosit_session=" + session_cookie(r),
                "X-CSRF-Token": r.json()["csrf_token"]}

    def headers(self, method="GET"):
        if self.role == "public":
            return {}
        if self.token:
            return {"Authorization": "Bearer " + self.token}
        h = {"Cookie": "prosit_session=" + self.cookie}
        if method != "GET":
            h["X-CSRF-Token"] = self.csrf
        return h

    def request(self, method, path, body=None, headers=None):
        return self.server.request(method, path, body, headers={**self.headers(method),
                                                                **(headers or {})},
                                   anonymous=True)

    def make_token(self):
        r = self.request("POST", "/api/v1/api-tokens", {"name": "to revoke", "scope": "read"})
        assert r.status == 201, (self.login, r.body)
        return r.json()["id"]


class PermissionTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.counter = itertools.count(1)
        cls.server = server = Server(demo=True)
        db = server.database
        cls.editor_actor_id = cls.demo_actor_in(db, ORP["in"])
        pw = {
            "admin": add_user(db, LOGINS["admin"], "admin"),
            "coordinator": add_user(db, LOGINS["coordinator"], "regional_coordinator",
                                    "--region", REGION_IN),
            "networker": add_user(db, LOGINS["networker"], "networker", "--orp", ORP["in"]),
            "viewer": add_user(db, LOGINS["viewer"], "viewer", "--orp", ORP["in"]),
            "actor_editor": add_user(db, LOGINS["actor_editor"], "actor_editor",
                                     "--actor", str(cls.editor_actor_id)),
        }
        cls.hlinsko_password = add_user(db, "perm.hlinsko", "networker", "--orp", NEIGHBOUR_ORP)
        cls.probe_login = "perm.probe"
        cls.probe_password = add_user(db, cls.probe_login, "viewer", "--orp", ORP["in"])
        cls.fresh_password = add_user(db, "perm.fresh", "networker", "--orp", ORP["in"])
        read_token = add_token(db, LOGINS["networker"], "read", "perm read")
        server.__enter__()
        cls.probe_user_id = query(db, "SELECT id FROM users WHERE login = ?",
                                  (cls.probe_login,))[0][0]

        # Every session role signs in with its one-time password, is held to changing it,
        # changes it and signs in again.
        cls.callers = {"public": Caller(server, "public"),
                       "token_read": Caller(server, "token_read", LOGINS["networker"],
                                            token=read_token)}
        cls.one_time_answers = {}
        for role in SESSION_ROLES:
            c = cls.callers[role] = Caller(server, role, LOGINS[role], pw[role])
            r = c.sign_in()
            before = r.json()["user"]["must_change_password"]
            held = c.request("GET", f"/api/v1/meetings?orp={ORP['in']}")
            new = f"Perm Heslo {role} 2024"
            changed = c.request("PUT", f"/api/v1/users/{c.user_id}/password",
                                {"current_password": c.password, "new_password": new})
            c.password = new
            after = c.sign_in().json()["user"]["must_change_password"]
            cls.one_time_answers[role] = (before, held.status, held.body, changed.status, after)
        cls.hlinsko = Caller(server, "networker", "perm.hlinsko", cls.hlinsko_password)
        cls.hlinsko.sign_in()
        cls.hlinsko.request("PUT", f"/api/v1/users/{cls.hlinsko.user_id}/password",
                            {"current_password": cls.hlinsko_password,
                             "new_password": "Hlinsko Heslo 2024"})
        cls.hlinsko.password = "Hlinsko Heslo 2024"
        cls.make_fixtures()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    @staticmethod
    def demo_actor_in(database, orp):
        """A demo actor seated in `orp` that has service cards."""
        rows = query(database,
                     "SELECT a.id FROM actors a JOIN municipalities m "
                     "ON m.code = json_extract(a.doc, '$.seat.municipality_code') "
                     "WHERE m.orp_code = ? AND EXISTS (SELECT 1 FROM service_cards s "
                     "WHERE s.actor_id = a.id) ORDER BY a.id LIMIT 1", (orp,))
        assert rows, "no demo actor in " + orp
        return rows[0][0]

    # --- fixtures, made as the admin (the harness's API token) -------------------------
    @classmethod
    def admin_post(cls, kind, body):
        r = cls.server.post(f"/api/v1/{kind}", body)
        if r.status != 201:
            raise AssertionError(f"POST {kind}: {r.status} {r.body}")
        return r.json()

    @classmethod
    def actor_body(cls, where, **over):
        return {**ACTOR, "name": f"Perm aktér {where} {next(cls.counter)}",
                "seat": {"municipality_code": MUN[where], "street": "Náměstí 1"}, **over}

    @classmethod
    def make_fixtures(cls):
        fx = cls.fx = collections.defaultdict(dict)
        fx["person"] = {"in": "Jana Vnitřní", "out": "Petr Venkovní"}
        cls.note = {"in": "Interní poznámka uvnitř", "out": "Interní poznámka venku"}
        for w in ("in", "out"):
            contacts = [{"name": "Podatelna", "phone": "+420 469 657 111", "public": True},
                        {"name": fx["person"][w], "phone": "+420 777 111 222", "public": False}]
            a1 = cls.admin_post("actors", cls.actor_body(w, contacts=contacts, note=cls.note[w]))
            a2 = cls.admin_post("actors", cls.actor_body(w, name=f"ZŠ {w}", sector="education",
                                                         actor_type="school"))
            fx["actors"][w], fx["actor_pair"][w] = a1, (a1, a2)
            fx["service-cards"][w] = cls.admin_post("service-cards", cls.card_for(
                a1["id"], w, published=False, name=f"Interní služba {w}"))
            fx["public_card"][w] = cls.admin_post("service-cards", cls.card_for(
                a1["id"], w, contacts=contacts, name=f"Veřejná služba {w}"))
            for kind in ("meetings", "needs", "ties", "themes", "goals", "steps",
                         "good-practices", "recommendations", "participations", "orp-texts",
                         "analysis-texts"):
                fx[kind][w] = cls.admin_post(kind, cls.work_body(kind, w))
        fx["service-cards"]["editor"] = cls.admin_post("service-cards", cls.card_for(
            cls.editor_actor_id, "in", published=False, name="Interní služba editora"))

    @classmethod
    def card_for(cls, actor_id, where, **over):
        return card_body(actor_id, locations=[{"municipality_code": MUN[where]}],
                         territory={"kind": "orp", "codes": [ORP[where]]}, **over)

    @classmethod
    def work_body(cls, kind, where):
        n, orp, fx = next(cls.counter), ORP[where], cls.fx
        if kind == "meetings":
            return meeting_body(orp_code=orp, topic=f"Setkání {n}")
        if kind == "needs":
            return need_body(orp_code=orp, statement=f"Potřeba {n}")
        if kind == "ties":
            a, b = fx["actor_pair"][where]
            # A period of its own: the same tie at an overlapping time repeats it (409).
            since = datetime.date(2000, 1, 1) + datetime.timedelta(days=2 * n)
            return {"actor_a": a["id"], "actor_b": b["id"], "type": "referral",
                    "since": since.isoformat(), "until": (since + datetime.timedelta(days=1))
                    .isoformat(), "frequency": "monthly"}
        if kind == "themes":
            return {"orp_code": orp, "title": f"Téma {n}", "since": "2018-01-10"}
        if kind == "goals":
            return {"theme_id": fx["themes"][where]["id"], "title": f"Cíl {n}",
                    "since": "2018-02-01"}
        if kind == "steps":
            return {"goal_id": fx["goals"][where]["id"], "title": f"Krok {n}",
                    "deadline": "2018-03-31"}
        if kind == "good-practices":
            return {"orp_code": orp, "title": f"Praxe {n}", "description": "Popis."}
        if kind == "recommendations":
            return {"orp_code": orp, "text": f"Doporučení {n}"}
        if kind == "participations":
            return {"orp_code": orp, "since": "2016-08-01",
                    "networkers": [{"name": f"Síťař {n}", "email": "sitar@example.cz"}]}
        if kind == "orp-texts":
            return {"orp_code": orp, "characteristics": f"Charakteristika {n}"}
        if kind == "analysis-texts":
            return {"orp_code": orp, "introduction": f"Úvod {n}"}
        raise KeyError(kind)

    def new_body(self, kind, where, role):
        """The body of a new record inside or outside; for the actor editor, inside means
        a card of their own actor."""
        if kind == "actors":
            return self.actor_body(where)
        if kind == "service-cards":
            own = role == "actor_editor" and where == "in"
            actor_id = self.editor_actor_id if own else self.fx["actors"][where]["id"]
            return self.card_for(actor_id, where, name=f"Nová služba {next(self.counter)}")
        return self.work_body(kind, where)

    def shared(self, kind, where, role):
        """A record to read: for service cards an internal one (the actor editor's own
        actor's inside)."""
        if kind == "service-cards" and role == "actor_editor" and where == "in":
            return self.fx["service-cards"]["editor"]
        return self.fx[kind][where]

    def target(self, kind, where, role):
        """A record to change or delete: a fresh one made by the admin; for the actor
        editor, inside means their own actor or a fresh card of it."""
        if role == "actor_editor" and where == "in" and kind == "actors":
            return self.admin_get(f"/api/v1/actors/{self.editor_actor_id}")
        return self.admin_post(kind, self.new_body(kind, where, role))

    def admin_get(self, path):
        r = self.server.get(path)
        self.assertEqual(r.status, 200, (path, r.body))
        return r.json()

    def assert_erased(self, name, actor_id, start):
        """After erasing `name`: gone from the actor and from every change-log document,
        one entry of kind erasure by the admin that does not name the person."""
        self.assertNotIn(name, self.server.get(f"/api/v1/actors/{actor_id}").body)
        left = query(self.server.database, "SELECT seq FROM change_log WHERE "
                     "instr(COALESCE(before, ''), ?) > 0 OR instr(COALESCE(after, ''), ?) > 0",
                     (name, name))
        self.assertEqual(left, [], "the change log still holds the erased person")
        erased = query(self.server.database, "SELECT seq, author, entity, op, "
                       "COALESCE(before, '') || COALESCE(after, '') FROM change_log "
                       "WHERE seq > ? AND (entity = 'erasure' OR op = 'erasure')", (start,))
        self.assertEqual(len(erased), 1, erased)
        self.assertEqual(erased[0][1], author(LOGINS["admin"]))
        self.assertNotIn(name, erased[0][4])
        # the erasure put the append-only trigger back as it was
        trigger = query(self.server.database, "SELECT sql FROM sqlite_master "
                        "WHERE type = 'trigger' AND name = 'change_log_no_update'")
        self.assertEqual(len(trigger), 1)
        self.assertIn("append-only", trigger[0][0])
        with self.assertRaises(sqlite3.DatabaseError):
            query(self.server.database, "UPDATE change_log SET author = 'x' WHERE seq = ?",
                  (erased[0][0],))

    def check_created(self, kind, r):
        self.admin_get(f"/api/v1/{kind}/{r.json()['id']}")

    # --- the change log ----------------------------------------------------------------
    def seq(self):
        """(the position /api/v1/health shows, the last entry of the change log). Writes of
        users reach the health answer only when the server next follows its change log, so
        this waits (up to 5 s) until the two agree."""
        deadline = time.monotonic() + 5
        while True:
            health = self.server.get("/api/v1/health", anonymous=True).json()["seq"]
            logged = query(self.server.database,
                           "SELECT COALESCE(MAX(seq), 0) FROM change_log")[0][0]
            if health == logged or time.monotonic() > deadline:
                return health, logged
            time.sleep(0.05)

    def tokens(self):
        return query(self.server.database, "SELECT COUNT(*), COUNT(revoked) FROM api_tokens")[0]

    def send(self, role, req):
        c = self.callers[role]
        if req.creds == "caller":
            headers = {**c.headers(req.method), **(req.headers or {})}
        else:
            headers = dict(req.headers or {})
        # never the harness's admin token: only what the caller presents
        return self.server.request(req.method, req.path, req.body, headers=headers,
                                   anonymous=True)

    # --- the tests ------------------------------------------------------------------------
    def test_the_table_names_every_route_the_api_serves(self):
        doc = strict_json(self.server.get("/api/v1/openapi.json", anonymous=True).body)
        served = {(m.upper(), p) for p, ops in doc["paths"].items() for m in ops
                  if m in ("get", "post", "put", "delete", "patch")}
        self.assertEqual(sorted(served - set(ROUTES)), [], "routes without a row in ROUTES")
        self.assertEqual(sorted(set(ROUTES) - served), [], "rows of routes the API lacks")

    def test_the_permission_matrix(self):
        for (method, pattern), row in ROUTES.items():
            for where in ("in", "out"):
                for role in ROLES:
                    with self.subTest(route=f"{method} {pattern}", where=where, role=role):
                        self.check_one(row, role, where)

    def check_one(self, row, role, where):
        req = row.build(self, role, where)
        allowed = row.expect[where][role]
        before, tokens = self.seq(), self.tokens()
        r = self.send(role, req)
        shown = "2xx" if len(allowed) > 5 else "|".join(map(str, sorted(allowed)))
        self.assertIn(r.status, allowed,
                      f"expected {shown}: {req.method} {req.path}: {r.body[:300]}")
        self.assertNotEqual(r.status, 500)
        success = 200 <= r.status < 300
        if r.status >= 400 and r.body:
            self.assertIn("error", strict_json(r.body))
        if success and req.check:
            req.check(self, r)
        if row.effect == "read" or not success:
            self.assertEqual(self.seq(), before, "a refused or read-only request wrote")
            if req.path.startswith("/api/v1/api-tokens"):
                self.assertEqual(self.tokens(), tokens, "a refused request changed tokens")
        elif row.effect == "logged":
            after = self.seq()
            self.assertGreater(after[1], before[1], "an allowed write logged nothing")
            self.assertEqual(after[0], after[1], "health does not show the write within 5 s")

    def test_a_one_time_password_allows_only_who_am_i_sign_out_and_the_change(self):
        for role, (before, held, body, changed, after) in self.one_time_answers.items():
            with self.subTest(role=role):
                self.assertTrue(before)
                self.assertEqual(held, 403, body)
                self.assertEqual(strict_json(body)["error"]["code"], "password_change_required")
                self.assertEqual(changed, 204)
                self.assertFalse(after)
        c = Caller(self.server, "networker", "perm.fresh", self.fresh_password)
        c.sign_in()
        seq = self.seq()
        r = c.request("GET", "/api/v1/session")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.json()["user"]["must_change_password"])
        for method, path, body in (
                ("GET", f"/api/v1/meetings?orp={ORP['in']}", None),
                ("GET", f"/api/v1/meetings/{self.fx['meetings']['in']['id']}", None),
                ("GET", f"/api/v1/analysis/coverage?orp={ORP['in']}", None),
                ("POST", "/api/v1/meetings", self.work_body("meetings", "in")),
                ("POST", "/api/v1/actors", self.actor_body("in")),
                ("POST", "/api/v1/api-tokens", {"name": "early", "scope": "read"})):
            with self.subTest(path=path, method=method):
                r = c.request(method, path, body)
                self.assertEqual(r.status, 403, r.body)
                self.assertEqual(r.json()["error"]["code"], "password_change_required")
        self.assertEqual(self.seq(), seq)
        self.assertEqual(c.request("DELETE", "/api/v1/session").status, 204)
        c.sign_in()
        r = c.request("PUT", f"/api/v1/users/{c.user_id}/password",
                      {"current_password": c.password, "new_password": "Fresh Heslo 2024"})
        self.assertEqual(r.status, 204, r.body)
        c.password = "Fresh Heslo 2024"
        c.sign_in()
        self.assertEqual(c.request("GET", f"/api/v1/meetings?orp={ORP['in']}").status, 200)

    def items(self, caller, path):
        r = caller.request("GET", path)
        self.assertEqual(r.status, 200, (path, r.body))
        return r.json()["items"]

    def test_lists_without_a_scope_show_only_the_territory(self):
        net, coord = self.callers["networker"], self.callers["coordinator"]
        for kind, orp_of in (("meetings", lambda x: x["orp_code"]),
                             ("needs", lambda x: x["orp_code"]),
                             ("good-practices", lambda x: x["orp_code"]),
                             ("recommendations", lambda x: x["orp_code"]),
                             ("ties", None)):
            with self.subTest(kind=kind):
                path = f"/api/v1/{kind}?limit=200"
                ids = {x["id"] for x in self.items(net, path)}
                self.assertIn(self.fx[kind]["in"]["id"], ids)
                self.assertNotIn(self.fx[kind]["out"]["id"], ids)
                if orp_of:
                    self.assertEqual({orp_of(x) for x in self.items(net, path)}, {ORP["in"]})
                    self.assertTrue(all(orp_of(x).startswith("53")
                                        for x in self.items(coord, path)))
                ids = {x["id"] for x in self.items(self.callers["token_read"], path)}
                self.assertNotIn(self.fx[kind]["out"]["id"], ids)
                # naming a scope not wholly inside is 403
                for caller, scope in ((net, f"orp={NEIGHBOUR_ORP}"), (net, f"region={REGION_IN}"),
                                      (coord, f"region={REGION_OUT}"),
                                      (coord, f"orp={ORP['out']}")):
                    r = caller.request("GET", f"/api/v1/{kind}?{scope}")
                    self.assertEqual(r.status, 403, (caller.login, scope, r.body))
                self.assertEqual(coord.request("GET", f"/api/v1/{kind}?region={REGION_IN}")
                                 .status, 200)
        overdue = self.items(net, "/api/v1/strategy/overdue?limit=200")
        self.assertTrue(all(x["theme"]["orp_code"] == ORP["in"] for x in overdue), overdue)
        self.assertIn(self.fx["steps"]["in"]["id"], [x["step"]["id"] for x in overdue])
        self.assertNotIn(self.fx["steps"]["out"]["id"], [x["step"]["id"] for x in overdue])

    def test_an_internal_card_is_seen_only_inside(self):
        card = self.fx["service-cards"]["in"]
        path = f"/api/v1/service-cards/{card['id']}"
        listing = f"/api/v1/service-cards?actor_id={card['actor_id']}&limit=200"

        def listed(caller):
            ids = set()
            for q in (listing, listing + "&published=false"):
                r = caller.request("GET", q)
                if r.status == 200:
                    ids |= {x["id"] for x in r.json()["items"]}
            return card["id"] in ids

        for name, caller in (("public", self.callers["public"]), ("hlinsko", self.hlinsko),
                             ("editor", self.callers["actor_editor"])):
            with self.subTest(caller=name):
                r = caller.request("GET", path)
                self.assertEqual(r.status, 404, r.body)
                self.assertEqual(r.json()["error"]["code"], "not_found")
                self.assertFalse(listed(caller))
                q = caller.request("GET", "/api/v1/service-cards?q=interni%20sluzba&limit=200")
                self.assertNotIn(card["name"], q.body)
        for role in ("networker", "viewer", "coordinator", "token_read", "admin"):
            with self.subTest(caller=role):
                caller = self.callers[role]
                self.assertEqual(caller.request("GET", path).status, 200)
                self.assertTrue(listed(caller))
        # The editor sees their own actor's internal card.
        own = self.fx["service-cards"]["editor"]
        editor = self.callers["actor_editor"]
        self.assertEqual(editor.request("GET", f"/api/v1/service-cards/{own['id']}").status, 200)
        self.assertIn(own["id"], {x["id"] for x in self.items(
            editor, f"/api/v1/service-cards?actor_id={self.editor_actor_id}&limit=200")} |
            {x["id"] for x in self.items(
                editor, f"/api/v1/service-cards?actor_id={self.editor_actor_id}"
                "&published=false&limit=200")})
        self.assertEqual(self.hlinsko.request("GET", f"/api/v1/service-cards/{own['id']}")
                         .status, 404)
        # A published card is seen by everyone.
        pub = self.fx["public_card"]["out"]
        for role in ROLES:
            self.assertEqual(self.callers[role].request(
                "GET", f"/api/v1/service-cards/{pub['id']}").status, 200, role)

    def test_the_public_sees_only_public_contacts_and_no_notes(self):
        for where in ("in", "out"):
            actor, card = self.fx["actors"][where], self.fx["public_card"][where]
            person, note = self.fx["person"][where], self.note[where]
            for path in (f"/api/v1/actors/{actor['id']}", f"/api/v1/service-cards/{card['id']}"):
                with self.subTest(path=path, caller="public"):
                    r = self.callers["public"].request("GET", path)
                    self.assertEqual(r.status, 200, r.body)
                    self.assertEqual([c["name"] for c in r.json()["contacts"]], ["Podatelna"])
                    self.assertNotIn(person, r.body)
                    self.assertNotIn(note, r.body)
                for role in ("networker", "viewer", "actor_editor", "token_read", "coordinator"):
                    with self.subTest(path=path, caller=role):
                        r = self.callers[role].request("GET", path)
                        self.assertEqual(r.status, 200, r.body)
                        self.assertEqual([c["name"] for c in r.json()["contacts"]],
                                         ["Podatelna", person])
                        if "actors" in path:
                            self.assertEqual(r.json()["note"], note)
            for path in (f"/api/v1/actors?orp={ORP[where]}&limit=200",
                         f"/api/v1/service-cards?orp={ORP[where]}&limit=200",
                         f"/api/v1/actors?q=perm&limit=200"):
                with self.subTest(path=path, caller="public"):
                    r = self.callers["public"].request("GET", path)
                    self.assertEqual(r.status, 200, r.body)
                    self.assertNotIn(person, r.body)
                    self.assertNotIn(note, r.body)

    def audit(self, caller, query, status=200):
        r = caller.request("GET", "/api/v1/audit?" + query)
        self.assertEqual(r.status, status, (caller.login, query, r.body))
        return r.json()

    def test_the_change_log_names_the_networker_as_the_author(self):
        net = self.callers["networker"]
        r = net.request("POST", "/api/v1/meetings", self.work_body("meetings", "in"))
        self.assertEqual(r.status, 201, r.body)
        m = r.json()
        admin = self.callers["admin"]
        entries = self.audit(admin, f"entity=meeting&id={m['id']}")["items"]
        self.assertEqual(entries[0]["author"], author(LOGINS["networker"]))
        self.assertEqual(entries[0]["op"], "create")
        r = net.request("PUT", f"/api/v1/meetings/{m['id']}", {**m, "notes": "Doplněno."},
                        headers={"If-Match": '"1"'})
        self.assertEqual(r.status, 200, r.body)
        entries = self.audit(admin, f"entity=meeting&id={m['id']}")["items"]
        self.assertEqual([(e["author"], e["op"]) for e in entries],
                         [(author(LOGINS["networker"]), "update"), (author(LOGINS["networker"]), "create")])
        self.assertIn("notes", [c["field"] for c in entries[0]["changes"]])
        # the same through the harness's API token of it-admin
        r = self.server.post("/api/v1/meetings", self.work_body("meetings", "in"))
        entries = self.audit(admin, f"entity=meeting&id={r.json()['id']}")["items"]
        self.assertEqual(entries[0]["author"], author(Server.ADMIN))
        # the networker finds their own changes
        mine = self.audit(net, f"author={author(LOGINS['networker'])}")["items"]
        self.assertTrue(mine)
        self.assertTrue(all(e["author"] == author(LOGINS["networker"]) for e in mine))

    def test_changes_to_users_name_the_login_as_the_author_too(self):
        """"The change log records the signed-in user's login as the author of every
        change": users created through the API and one's own password change as well."""
        admin = self.callers["admin"]
        r = admin.request("POST", "/api/v1/users", {"login": "perm.authored",
                                                    "display_name": "Authored",
                                                    "role": "viewer", "territories": ["5304"]})
        self.assertEqual(r.status, 201, r.body)
        created = self.audit(admin, f"entity=user&id={r.json()['user']['id']}")["items"]
        self.assertEqual([(e["op"], e["author"]) for e in created],
                         [("create", author(LOGINS["admin"]))])
        net_id = self.callers["networker"].user_id
        changes = self.audit(admin, f"entity=user&id={net_id}&op=update&limit=200")["items"]
        own = [e for e in changes if "must_change_password" in
               [c["field"] for c in e["changes"]]]
        self.assertEqual([e["author"] for e in own], [author(LOGINS["networker"])])
        found = self.audit(admin, f"author={author(LOGINS['networker'])}&entity=user&limit=200")["items"]
        self.assertIn(own[0]["seq"], [e["seq"] for e in found])

    def test_the_audit_trail_needs_a_record_one_may_read_or_oneself(self):
        net, editor = self.callers["networker"], self.callers["actor_editor"]
        self.audit(net, "", 403)
        self.audit(net, "entity=meeting", 403)
        self.audit(net, f"author={author(LOGINS['admin'])}", 403)
        self.audit(self.callers["viewer"], f"entity=need&id={self.fx['needs']['in']['id']}")
        self.audit(self.callers["viewer"], f"entity=need&id={self.fx['needs']['out']['id']}",
                   403)
        self.audit(editor, f"entity=actor&id={self.editor_actor_id}")
        self.audit(editor, f"author={author(LOGINS['actor_editor'])}")
        r = editor.request("GET", "/api/v1/audit?entity=service_card&id="
                           f"{self.fx['service-cards']['in']['id']}")
        self.assertIn(r.status, (403, 404), r.body)
        self.audit(self.callers["public"], f"entity=actor&id={self.editor_actor_id}", 401)
        self.assertTrue(self.audit(self.callers["admin"], "limit=5")["items"])
        self.audit(self.callers["admin"], "id=5", 422)
        r = net.request("GET", f"/api/v1/audit.csv?entity=meeting&id="
                        f"{self.fx['meetings']['in']['id']}")
        self.assertEqual(r.status, 200, r.body)
        self.assertTrue(r.headers["Content-Type"].startswith("text/csv"))

    def test_a_record_one_may_not_read_answers_as_a_missing_one(self):
        """Outside the caller's territory a record is not found, with the very answer of an
        id that does not exist (ids put aside), for every kind and GET, PUT and DELETE, and
        its audit trail too: nothing tells that it exists."""
        missing = 10 ** 9

        def answer(r, rid):
            return r.status, r.body.replace(str(rid), "ID")

        for kind in WORK_KINDS:
            rec = self.fx[kind]["out"]
            for role in ("networker", "coordinator", "viewer", "token_read", "actor_editor"):
                c = self.callers[role]
                body = {**self.work_body(kind, "in"), "version": rec["version"]}
                for method in ("GET", "PUT", "DELETE"):
                    with self.subTest(kind=kind, role=role, method=method):
                        b = body if method == "PUT" else None
                        h = None if method == "GET" else {"If-Match": f'"{rec["version"]}"'}
                        before = self.seq()
                        got = c.request(method, f"/api/v1/{kind}/{rec['id']}", b, h)
                        gone = c.request(method, f"/api/v1/{kind}/{missing}", b, h)
                        self.assertEqual(answer(got, rec["id"]), answer(gone, missing))
                        self.assertEqual(self.seq(), before)
                        if role in ("networker", "coordinator"):
                            self.assertEqual(got.status, 404, got.body)
                            self.assertEqual(got.json()["error"]["code"], "not_found")
            entity = WORK_KINDS[kind][0]
            for role in ("networker", "coordinator", "viewer"):
                with self.subTest(kind=kind, role=role, audit=True):
                    c = self.callers[role]
                    got = c.request("GET", f"/api/v1/audit?entity={entity}&id={rec['id']}")
                    gone = c.request("GET", f"/api/v1/audit?entity={entity}&id={missing}")
                    self.assertEqual(answer(got, rec["id"]), answer(gone, missing))
        # A record one may read but not change still says so.
        pub = self.fx["public_card"]["out"]
        r = self.callers["networker"].request(
            "DELETE", f"/api/v1/service-cards/{pub['id']}",
            headers={"If-Match": f'"{pub["version"]}"'})
        self.assertEqual(r.status, 403, r.body)

    def test_a_record_may_refer_only_to_records_the_writer_may_read(self):
        """Naming another ORP's meeting, need, theme or goal is answered as naming one that
        does not exist: 422 with the field and "no meeting 17"; nothing is written."""
        net = self.callers["networker"]
        missing = 10 ** 9
        cases = [("needs", "meeting_ids", "meetings"), ("needs", "theme_ids", "themes"),
                 ("good-practices", "need_ids", "needs"),
                 ("good-practices", "theme_ids", "themes"),
                 ("recommendations", "need_ids", "needs"),
                 ("recommendations", "theme_ids", "themes"),
                 ("goals", "theme_id", "themes"), ("steps", "goal_id", "goals")]
        for kind, field, target in cases:
            entity = WORK_KINDS[target][0]
            for rid in (self.fx[target]["out"]["id"], missing):
                with self.subTest(kind=kind, field=field, id=rid):
                    scalar = field.endswith("_id")
                    body = {**self.work_body(kind, "in"), field: rid if scalar else [rid]}
                    named = field if scalar else field + "[0]"
                    before = self.seq()
                    r = net.request("POST", f"/api/v1/{kind}", body)
                    self.assertEqual(r.status, 422, r.body)
                    self.assertEqual(r.json()["error"]["fields"][named], f"no {entity} {rid}")
                    self.assertEqual(self.seq(), before)
                    # and changing a record to name it
                    rec = self.admin_post(kind, self.work_body(kind, "in"))
                    r, before = self.put_as(net, kind, rec, **{field: body[field]})
                    self.assertEqual(r.status, 422, r.body)
                    self.assertEqual(r.json()["error"]["fields"][named], f"no {entity} {rid}")
                    self.assertEqual(self.seq(), before)
        # The same reference inside is fine.
        inside = {**self.work_body("needs", "in"), "meeting_ids": [self.fx["meetings"]["in"]["id"]]}
        self.assertEqual(net.request("POST", "/api/v1/needs", inside).status, 201)

    def put_as(self, caller, kind, rec, **change):
        before = self.seq()
        r = caller.request("PUT", f"/api/v1/{kind}/{rec['id']}", {**rec, **change},
                           headers={"If-Match": f'"{rec["version"]}"'})
        return r, before

    def test_nobody_moves_a_record_out_of_their_territory_or_into_it(self):
        net, coord = self.callers["networker"], self.callers["coordinator"]
        editor = self.callers["actor_editor"]
        fresh = lambda kind, where: self.admin_post(kind, self.new_body(kind, where, "admin"))
        cases = [
            (net, "meetings", fresh("meetings", "in"), {"orp_code": ORP["out"]}),
            (net, "meetings", fresh("meetings", "in"), {"orp_code": NEIGHBOUR_ORP}),
            # moving in a record one may not read: to the caller, it does not exist
            (coord, "meetings", fresh("meetings", "out"), {"orp_code": ORP["in"]}, 404),
            (net, "needs", fresh("needs", "in"), {"orp_code": ORP["out"]}),
            (net, "good-practices", fresh("good-practices", "in"), {"orp_code": ORP["out"]}),
            (net, "actors", fresh("actors", "in"),
             {"seat": {"municipality_code": MUN["out"], "street": "Masarykovo nám. 1"}}),
            (coord, "actors", fresh("actors", "out"),
             {"seat": {"municipality_code": MUN["in"], "street": "Resselovo nám. 1"}}),
            (net, "service-cards", fresh("service-cards", "in"),
             {"locations": [{"municipality_code": MUN["out"]}],
              "territory": {"kind": "orp", "codes": [ORP["out"]]}}),
            (net, "ties", fresh("ties", "in"),
             {"actor_a": self.fx["actor_pair"]["out"][0]["id"],
              "actor_b": self.fx["actor_pair"]["out"][1]["id"]}),
            # naming a theme one may not read: to the caller, it does not exist
            (net, "goals", fresh("goals", "in"), {"theme_id": self.fx["themes"]["out"]["id"]},
             422),
            (editor, "service-cards",
             self.admin_post("service-cards", self.new_body("service-cards", "in",
                                                            "actor_editor")),
             {"actor_id": self.fx["actors"]["in"]["id"]}),
        ]
        for caller, kind, rec, change, *status in cases:
            with self.subTest(caller=caller.login, kind=kind, change=change):
                r, before = self.put_as(caller, kind, rec, **change)
                self.assertEqual(r.status, status[0] if status else 403, r.body)
                self.assertEqual(self.seq(), before)
                stored = self.admin_get(f"/api/v1/{kind}/{rec['id']}")
                self.assertEqual(stored["version"], rec["version"])
        # Creating a card of another actor, or an actor editor's card outside, is refused.
        before = self.seq()
        for body in (self.card_for(self.fx["actors"]["in"]["id"], "in"),):
            r = editor.request("POST", "/api/v1/service-cards", body)
            self.assertEqual(r.status, 403, r.body)
        self.assertEqual(self.seq(), before)

    def test_unknown_credentials_count_as_the_public_and_an_unknown_token_is_401(self):
        actor = self.fx["actors"]["in"]
        forged_cookie = {"Cookie": "prosit_session=" + FORGED_SESSION}
        r = self.server.get(f"/api/v1/actors/{actor['id']}", headers=forged_cookie)
        self.assertEqual(r.status, 200, r.body)
        self.assertNotIn(self.fx["person"]["in"], r.body)  # the public's view
        r = self.server.get(f"/api/v1/service-cards/{self.fx['service-cards']['in']['id']}",
                            headers=forged_cookie)
        self.assertEqual(r.status, 404, r.body)
        self.assertEqual(self.server.get(f"/api/v1/meetings?orp={ORP['in']}",
                                         headers=forged_cookie).status, 401)
        for path in (f"/api/v1/actors/{actor['id']}", f"/api/v1/meetings?orp={ORP['in']}"):
            r = self.server.get(path, headers={"Authorization": "Bearer " + FORGED_TOKEN})
            self.assertEqual(r.status, 401, (path, r.body))
        # A session that signed out is not signed in any more.
        gone = self.callers["viewer"].fresh_session()
        self.assertEqual(self.server.delete("/api/v1/session", headers=gone).status, 204)
        self.assertEqual(self.server.get(f"/api/v1/meetings?orp={ORP['in']}",
                                         headers=gone).status, 401)

    def test_personal_data_of_a_contact_person(self):
        admin = self.callers["admin"]
        name = "Běla Dohledatelná"
        actor = self.admin_post("actors", self.actor_body("out", contacts=[
            {"name": name, "email": "bela@example.cz", "phone": "+420 603 111 222",
             "public": False},
            {"name": "Podatelna", "phone": "+420 469 657 111", "public": True}]))
        self.admin_post("service-cards", self.card_for(actor["id"], "out", contacts=[
            {"name": name, "phone": "+420 603111222", "public": True}]))
        for q in ({"name": name}, {"name": "bela dohledatelna"}, {"phone": "+420603111222"},
                  {"name": "BĚLA dohledatelná", "email": "BELA@example.cz"}):
            with self.subTest(query=q):
                r = admin.request("GET", "/api/v1/personal-data?" + urllib.parse.urlencode(q))
                self.assertEqual(r.status, 200, r.body)
                found = r.json()
                self.assertGreaterEqual(len(found["contacts"]), 1 if "email" in q else 2, found)
                self.assertTrue(found["history"], found)
                self.assertNotIn("Podatelna", [c["contact"]["name"] for c in found["contacts"]])
        r = admin.request("GET", "/api/v1/personal-data?" + urllib.parse.urlencode(
            {"name": name, "email": "someone.else@example.cz"}))
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["contacts"], [])
        start = self.seq()[1]
        r = admin.request("POST", "/api/v1/personal-data/erasure", {"name": name})
        self.assertTrue(200 <= r.status < 300, r.body)
        self.assert_erased(name, actor["id"], start)
        r = admin.request("GET", "/api/v1/personal-data?" + urllib.parse.urlencode({"name": name}))
        self.assertEqual((r.json()["contacts"], r.json()["history"]), ([], []))
        # The other contact, and the record, stay.
        self.assertEqual([c["name"] for c in self.admin_get(f"/api/v1/actors/{actor['id']}")
                          ["contacts"]], ["Podatelna"])

    def test_a_tie_lies_where_either_actor_is_seated(self):
        net = self.callers["networker"]
        body = {"actor_a": self.fx["actors"]["in"]["id"], "actor_b": self.fx["actors"]["out"]["id"],
                "type": "information_sharing", "since": "2018-01-01"}
        r = net.request("POST", "/api/v1/ties", body)
        self.assertEqual(r.status, 201, r.body)
        tie = r.json()
        self.assertEqual(net.request("GET", f"/api/v1/ties/{tie['id']}").status, 200)
        self.assertIn(tie["id"], {x["id"] for x in self.items(net, "/api/v1/ties?limit=200")})
        # a neighbour ORP's networker may not read it: to them, it does not exist
        self.assertEqual(self.hlinsko.request("GET", f"/api/v1/ties/{tie['id']}").status, 404)

    def test_analyses_need_their_scope_wholly_inside(self):
        net, coord = self.callers["networker"], self.callers["coordinator"]
        seq = self.seq()
        for caller, path in (
                (coord, "/api/v1/analysis/coverage"),
                (net, "/api/v1/analysis/coverage"),
                (coord, "/api/v1/analysis/accessibility?cell=relationships:3"),
                (net, f"/api/v1/analysis/coverage?region={REGION_IN}"),
                (net, f"/api/v1/analysis/network?orp={NEIGHBOUR_ORP}"),
                (coord, f"/api/v1/analysis/candidates?region={REGION_OUT}&service_type=ss65")):
            with self.subTest(caller=caller.login, path=path):
                self.assertEqual(caller.request("GET", path).status, 403)
        self.assertEqual(coord.request("GET", f"/api/v1/analysis/coverage?region={REGION_IN}")
                         .status, 200)
        # What-if: removing a card outside is refused, inside allowed; nothing is saved.
        out_card, in_card = self.fx["public_card"]["out"], self.fx["public_card"]["in"]
        r = net.request("POST", "/api/v1/analysis/what-if", {"remove": [out_card["id"]]})
        self.assertEqual(r.status, 403, r.body)
        r = net.request("POST", "/api/v1/analysis/what-if", {"remove": [in_card["id"]]})
        self.assertEqual(r.status, 200, r.body)
        r = coord.request("POST", "/api/v1/analysis/what-if",
                          {"add": [{"service_type": "ss65", "municipality": MUN["out"]}]})
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(self.seq(), seq)


if __name__ == "__main__":
    unittest.main()
