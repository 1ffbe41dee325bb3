// What the browser tests and the web benchmark share: a real `prosit serve` on a fresh
// demo database (users made with the CLI), and Debian's chromium driven by playwright-core.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import axe from "axe-core";

const here = dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = resolve(here, "..");
export const REPO_DIR = resolve(WEB_DIR, "..");
const BIN = resolve(process.env.PROSIT_BIN ?? join(REPO_DIR, "build/prosit"));
const DATA = resolve(process.env.PROSIT_DATA ?? join(REPO_DIR, "data"));
export const CHROMIUM = process.env.PROSIT_CHROMIUM ?? "/usr/bin/chromium";

function cli(...args) {
  return execFileSync(BIN, [...args, "--data", DATA], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// A demo database served on a free loopback port. `users` are [login, role, ...territory
// args]; each gets its one-time password in server.passwords[login].
export async function startServer(users = []) {
  const dir = mkdtempSync(join(tmpdir(), "prosit-web-"));
  const database = join(dir, "prosit.db");
  cli("init", "--database", database);
  cli("demo", "--database", database);
  const passwords = {};
  for (const [login, role, ...rest] of users) {
    const out = cli("user", "add", "--database", database, "--login", login, "--role", role, ...rest);
    passwords[login] = /one-time password[^:]*: (\S+)/.exec(out)[1];
  }
  const port = await freePort();
  const proc = spawn(BIN, ["serve", "--database", database, "--port", String(port), "--data", DATA, "--static", join(WEB_DIR, "dist")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      if ((await fetch(base + "/api/v1/health")).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error("server did not start: " + stderr);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    database,
    passwords,
    async stop() {
      proc.kill("SIGTERM");
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Signs `login` in over the API and replaces its one-time password by `next`.
export async function changePassword(base, login, oneTime, next) {
  const r = await fetch(base + "/api/v1/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ login, password: oneTime }) });
  if (!r.ok) throw new Error("sign-in failed: " + r.status);
  const { user, csrf_token } = await r.json();
  const cookie = r.headers.get("set-cookie").split(";")[0];
  const c = await fetch(`${base}/api/v1/users/${user.id}/password`, {
    method: "PUT",
    headers: { "Content-Type": "application/json", Cookie: cookie, "X-CSRF-Token": csrf_token },
    body: JSON.stringify({ current_password: oneTime, new_password: next }),
  });
  if (c.status !== 204) throw new Error("password change failed: " + c.status + " " + (await c.text()));
}

export function launchBrowser() {
  // Playwright gives every launch a fresh temporary profile (--user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// What every browser test file needs, bound to one server and one browser: pages with the
// Czech locale that collect script errors, signing in through the form, an axe-core check
// (no serious or critical violation) and screenshots saved to docs/screenshots/.
export function browserKit(server, browser) {
  const shots = join(REPO_DIR, "docs", "screenshots");
  mkdirSync(shots, { recursive: true });
  return {
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, locale: "cs-CZ" });
      const page = await context.newPage();
      page.errors = [];
      page.on("pageerror", (e) => page.errors.push(e.message));
      return page;
    },
    async signIn(page, login, password) {
      await page.goto(server.base + "/sign-in");
      await page.getByLabel("Přihlašovací jméno").fill(login);
      await page.getByLabel("Heslo", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Přihlásit se" }).last().click();
    },
    // axe-core is evaluated in the page, so the page's CSP need not allow it. `every`: any
    // violation fails, not only serious and critical ones (the public pages' bar).
    async assertAccessible(page, what, { every = false } = {}) {
      if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(axe.source);
      const violations = await page.evaluate(async (every) => {
        const r = await window.axe.run(document, { resultTypes: ["violations"] });
        return r.violations
          .filter((v) => every || v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }, every);
      if (violations.length) throw new Error(`${what}: ${violations.join("; ")}`);
    },
    async shot(page, name, { fullPage = false } = {}) {
      await page.screenshot({ path: join(shots, name + ".png"), fullPage });
    },
  };
}

// One browser test file's world: a demo server with `users` (see startServer), the one-time
// passwords of the logins in `settled` replaced by `password`, a browser, the kit, and
// `signedIn(login, viewport)`, a page signed in as `login` with `password`. `close()` ends it.
export async function openSuite(users, password, settled = users.map(([login]) => login)) {
  const server = await startServer(users);
  for (const login of settled) await changePassword(server.base, login, server.passwords[login], password);
  const browser = await launchBrowser();
  const kit = browserKit(server, browser);
  return {
    server,
    browser,
    ...kit,
    async signedIn(login, viewport) {
      const page = await kit.newPage(viewport);
      await kit.signIn(page, login, password);
      await page.getByRole("button", { name: "Odhlásit se" }).waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
