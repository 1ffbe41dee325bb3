"""The served OpenAPI document is the enforced contract for query parameters: on every
route of the API a parameter the document does not name is a 400 that names it (a
misspelt filter used to be ignored silently and the list answered unfiltered), and the
parameters it does name are never refused as unknown."""

import re
import unittest
import urllib.parse

from server import ServerTest, api_operations, strict_json


class QueryContractTest(ServerTest):
    def operations(self):
        """Every operation, its path parameters given a value (the router refuses an
        unknown query parameter before it looks the record up)."""
        for method, path, names in api_operations(self.server):
            yield method, re.sub(r"\{\w+\}", "1", path), names

    def send(self, method, path):
        body = {} if method in ("POST", "PUT", "PATCH") else None
        headers = {"Content-Type": "application/merge-patch+json"} if method == "PATCH" else {}
        return self.server.request(method, path, body, headers=headers)

    def test_an_unknown_parameter_is_named_on_every_route(self):
        checked = 0
        for method, path, names in self.operations():
            with self.subTest(method=method, path=path):
                r = self.send(method, path + "?colour=blue")
                self.assertEqual(r.status, 400, r.body)
                error = strict_json(r.body)["error"]
                self.assertEqual(error["code"], "unknown_parameter")
                self.assertEqual(list(error["fields"]), ["colour"])
                for name in names:  # the message lists what the route does take
                    self.assertIn(name, error["fields"]["colour"])
                checked += 1
        self.assertGreater(checked, 50)

    def test_documented_parameters_are_never_unknown(self):
        for method, path, names in self.operations():
            if not names:
                continue
            query = urllib.parse.urlencode({n: "x" for n in names})
            with self.subTest(method=method, path=path):
                r = self.send(method, f"{path}?{query}")
                if r.status == 400:
                    self.assertNotEqual(strict_json(r.body)["error"]["code"], "unknown_parameter",
                                        r.body)

    def test_a_misspelt_filter_no_longer_answers_the_whole_list(self):
        r = self.server.get("/api/v1/service-cards?serivce_type=ss65")
        self.assertEqual(r.status, 400, r.body)
        self.assertIn("serivce_type", strict_json(r.body)["error"]["fields"])
        self.assertEqual(self.server.get("/api/v1/service-cards?service_type=ss65").status, 200)


if __name__ == "__main__":
    unittest.main()
