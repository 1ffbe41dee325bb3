"""The web application as the server delivers it (issue 13): the built app (web/dist) at
"/" and its client routes, hashed assets cached for good and the page never, a CSP that
lets the app's own files run and nothing inline, and the JSON index at /api/v1."""

import os
import re
import unittest
import urllib.request

from server import Server

WEB_DIST = os.path.join(os.path.dirname(__file__), "..", "..", "web", "dist")


def fetch(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return r.status, r.headers, r.read()


class WebAppTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra_args=["--static", WEB_DIST]).__enter__()
        with open(os.path.join(WEB_DIST, "index.html"), "rb") as f:
            cls.index = f.read()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def test_root_and_client_routes_serve_the_app_uncached(self):
        for path in ("/", "/catalog", "/catalog/15", "/sign-in", "/catalog?q=skolni"):
            status, headers, body = fetch(self.server.base, path)
            self.assertEqual((status, body), (200, self.index), path)
            self.assertTrue(headers["Content-Type"].startswith("text/html"), path)
            self.assertEqual(headers["Cache-Control"], "no-cache", path)

    def test_hashed_assets_are_immutable(self):
        assets = re.findall(rb'(?:src|href)="(/assets/[^"]+)"', self.index)
        self.assertTrue(any(a.endswith(b".js") for a in assets), self.index)
        self.assertTrue(any(a.endswith(b".css") for a in assets), self.index)
        for asset in assets:
            status, headers, _ = fetch(self.server.base, asset.decode())
            self.assertEqual(status, 200, asset)
            self.assertIn("immutable", headers["Cache-Control"], asset)

    def test_csp_allows_the_apps_own_files_and_nothing_inline(self):
        _, headers, _ = fetch(self.server.base, "/")
        csp = headers["Content-Security-Policy"]
        self.assertIn("script-src 'self'", csp)
        self.assertIn("style-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)
        # Every script and style of the page is a file of our own origin, none inline.
        for tag in re.findall(rb"<script[^>]*>.*?</script>", self.index, re.S):
            self.assertRegex(tag, rb'src="/', tag)
            self.assertRegex(tag, rb">\s*</script>", tag)
        self.assertNotIn(b"<style", self.index)
        self.assertNotIn(b"style=", self.index)
        for url in re.findall(rb'(?:src|href)="([^"]+)"', self.index):
            self.assertTrue(url.startswith(b"/") and not url.startswith(b"//"), url)

    def test_the_json_index_is_at_api_v1(self):
        for path in ("/api/v1", "/api/v1/"):
            index = self.server.get(path).json()
            self.assertEqual(index["api"], "/api/v1", path)
            self.assertEqual(index["health"], "/api/v1/health")
            self.assertEqual(index["openapi"], "/api/v1/openapi.json")

    def test_the_api_never_falls_back_to_the_app(self):
        for path in ("/api/v1/no-such-route", "/api/v1/catalog", "/api/nothing", "/api"):
            r = self.server.get(path)
            self.assertEqual(r.status, 404, path)
            self.assertIn("application/json", r.headers["Content-Type"], path)
            self.assertNotEqual(r.body.encode(), self.index, path)


if __name__ == "__main__":
    unittest.main()
