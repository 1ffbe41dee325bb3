// Which page an address opens, and the main navigation. One block per area of the
// application, so that work on one area does not touch the lines of another.
import { ComponentChildren } from "preact";
import { SessionInfo } from "./session";
import { Home } from "./pages/Home";
import { Catalog } from "./pages/Catalog";
import { CardView } from "./pages/CardView";
import { CardEdit } from "./pages/CardEdit";
import { ActorEdit, ActorPage, Actors } from "./pages/Actors";
import { SignIn } from "./pages/SignIn";
import { Meetings } from "./pages/Meetings";
import { MeetingForm } from "./pages/MeetingForm";
import { NeedsBoard } from "./pages/NeedsBoard";
import { Strategy } from "./pages/Strategy";
import { Coverage } from "./pages/analysis/Coverage";
import { WhiteSpots } from "./pages/analysis/WhiteSpots";
import { WhatIf } from "./pages/analysis/WhatIf";
import { Network } from "./pages/analysis/Network";
import { Monitoring } from "./pages/Monitoring";
import { History } from "./pages/History";
import { Users } from "./pages/Users";
import { UserEdit } from "./pages/UserEdit";
import { PersonalData } from "./pages/PersonalData";
import { CardImport } from "./pages/CardImport";

import { AnalysisTexts } from "./pages/AnalysisTexts";
import { MODEL_EDITORS, ModelSituationEdit, ModelSituations } from "./pages/ModelSituations";

// A page of the application: `match` returns its content for a path, or null.
export interface Route {
  match: (path: string, session: SessionInfo | null) => ComponentChildren | null;
}

// A link of the main navigation; `signedIn` ones show only to a signed-in user.
export interface NavItem {
  href: string;
  key: string; // message key of its text
  signedIn: boolean;
  roles?: string[]; // shown only to these roles (the server refuses the others anyway)
}

const exact = (p: string, page: () => ComponentChildren): Route => ({ match: (path) => (path === p ? page() : null) });
const withId = (re: RegExp, page: (id: number) => ComponentChildren): Route => ({
  match: (path) => {
    const m = re.exec(path);
    return m ? page(Number(m[1])) : null;
  },
});

export const routes: Route[] = [
  // Home
  { match: (path, session) => (path === "/" && session ? <Home /> : null) },
  // Catalog and actors
  exact("/catalog", () => <Catalog />),
  withId(/^\/catalog\/(\d+)$/, (id) => <CardView id={id} />),
  exact("/catalog/new", () => <CardEdit id={null} />),
  withId(/^\/catalog\/(\d+)\/edit$/, (id) => <CardEdit id={id} />),
  exact("/actors", () => <Actors />),
  exact("/actors/new", () => <ActorEdit id={null} />),
  withId(/^\/actors\/(\d+)$/, (id) => <ActorPage id={id} />),
  withId(/^\/actors\/(\d+)\/edit$/, (id) => <ActorEdit id={id} />),
  // Networking: meetings, needs, strategy (signed in only; others are asked to sign in)
  {
    match: (path, session) => {
      const m = /^\/(meetings(?:\/(new|\d+))?|needs|strategy)$/.exec(path);
      if (!m) return null;
      if (!session) return <SignIn />;
      if (path === "/meetings") return <Meetings />;
      if (m[2] === "new") return <MeetingForm />;
      if (m[2]) return <MeetingForm id={Number(m[2])} />;
      return path === "/needs" ? <NeedsBoard /> : <Strategy />;
    },
  },
  // Analysis: coverage, white spots, what-if, cooperation
  exact("/analysis", () => <Coverage />),
  exact("/analysis/coverage", () => <Coverage />),
  exact("/analysis/white-spots", () => <WhiteSpots />),
  exact("/analysis/what-if", () => <WhatIf />),
  exact("/analysis/network", () => <Network />),
  // Monitoring
  exact("/monitoring", () => <Monitoring />),
  // History, users, personal data
  {
    match: (path) => {
      const m = /^\/history\/([a-z-]+)\/(\d+)$/.exec(path);
      return m ? <History kind={m[1]} id={Number(m[2])} /> : null;
    },
  },
  exact("/admin/users", () => <Users />),
  withId(/^\/admin\/users\/(\d+)$/, (id) => <UserEdit id={id} />),
  exact("/admin/personal-data", () => <PersonalData />),
  // Imports: service cards from a spreadsheet
  exact("/import/cards", () => <CardImport />),

  // Documents: the networker's chapter texts of the ORP analysis (signed in only)
  {
    match: (path, session) => {
      const m = /^\/orps\/([0-9A-Za-z]+)\/analysis-texts$/.exec(path);
      if (!m) return null;
      return session ? <AnalysisTexts code={m[1]} /> : <SignIn />;
    },
  },
  // The reference model: the situations of the public navigator (methodologists, admins)
  {
    match: (path, session) => {
      const m = /^\/model\/situations(?:\/([a-z0-9_]+))?$/.exec(path);
      if (!m) return null;
      if (!session) return <SignIn />;
      return m[1] ? <ModelSituationEdit id={m[1]} /> : <ModelSituations />;
    },
  },
];

export const nav: NavItem[] = [
  { href: "/", key: "nav.home", signedIn: true },
  { href: "/catalog", key: "nav.catalog", signedIn: false },
  // Catalog and actors
  { href: "/actors", key: "nav.actors", signedIn: false },
  // Networking
  { href: "/meetings", key: "nav.meetings", signedIn: true },
  { href: "/needs", key: "nav.needs", signedIn: true },
  { href: "/strategy", key: "nav.strategy", signedIn: true },
  // Analysis
  { href: "/analysis", key: "nav.analysis", signedIn: true },
  // Monitoring
  { href: "/monitoring", key: "nav.monitoring", signedIn: true, roles: ["admin", "methodologist", "regional_coordinator", "networker", "viewer"] },
  // History, users, personal data
  { href: "/admin/users", key: "nav.users", signedIn: true, roles: ["admin"] },
  { href: "/admin/personal-data", key: "nav.personalData", signedIn: true, roles: ["admin"] },
  // Imports
  { href: "/import/cards", key: "nav.imports", signedIn: true, roles: ["admin", "regional_coordinator", "networker", "actor_editor"] },
  // The reference model
  { href: "/model/situations", key: "nav.situations", signedIn: true, roles: MODEL_EDITORS },
];
