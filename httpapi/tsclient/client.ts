// A client of the Hifazat HTTP API on the types generated from
// httpapi/openapi.json: if the document and the routes drift apart, this
// no longer compiles.
import createClient from "openapi-fetch";
import type { components, paths } from "./api";

type CaseFile = components["schemas"]["CaseFile"];
type Event = components["schemas"]["Event"];

export function hifazat(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

// fileAndCharge files a complaint and records the charges at the version it read.
export async function fileAndCharge(baseUrl: string, token: string, file: CaseFile, charges: Event): Promise<string> {
  const api = hifazat(baseUrl, token);
  const filed = await api.POST("/v1/cases", { body: file });
  if (filed.error) throw new Error(`${filed.error.status} ${filed.error.title}`);
  const id: string = filed.data.id;
  const version: number = filed.data.version;
  const appended = await api.POST("/v1/cases/{id}/events", {
    params: { path: { id }, header: { "If-Match": JSON.stringify(String(version)) } },
    body: charges,
  });
  if (appended.error) {
    const p = appended.error;
    throw new Error(`${p.status} ${p.code ?? ""} ${p.citation ?? ""} ${p.field ?? ""}`);
  }
  const shown = await api.GET("/v1/cases/{id}", { params: { path: { id }, query: { at: "2026-03-10" } } });
  if (shown.error) throw new Error(shown.error.title);
  const state: string = shown.data.status.state;
  const page = await api.GET("/v1/cases", { params: { query: { overdue: true, limit: 10 } } });
  const next: string | undefined = page.data?.next;
  const deadline = await api.GET("/v1/deadlines/{policy}/{rule}", { params: { path: { policy: "pk-federal-2022", rule: "charges" }, query: { from: "2026-03-02" } } });
  return `${state} ${next ?? ""} ${deadline.data?.due ?? ""}`;
}

// pastDeadline audits the organisation's record kept by the server and
// returns how many open cases are past a statutory deadline, and the
// report's published count of complaints received in year (undefined when
// suppressed).
export async function pastDeadline(baseUrl: string, token: string, year: number): Promise<[number, number | undefined]> {
  const api = hifazat(baseUrl, token);
  const audit = await api.GET("/v1/compliance/audit", { params: { query: { lang: "en" } } });
  if (audit.error) throw new Error(`${audit.error.status} ${audit.error.title}`);
  const cases = audit.data.findings.find((f) => f.duty === "cases-within-deadlines");
  const late = Object.values(cases?.counts ?? {}).reduce((a, b) => a + b, 0);
  const report = await api.GET("/v1/compliance/report", { params: { query: { year } } });
  if (report.error) throw new Error(report.error.title);
  const received = report.data.tables.find((t) => t.name === "received_by_route")?.total;
  return [late, received?.suppressed ? undefined : received?.count];
}

// choices returns, for each field of an event type that chooses among
// values, its kind and the values it takes: what a form needs to offer.
export async function choices(baseUrl: string, token: string, type: string): Promise<Record<string, [string, string[]]>> {
  const api = hifazat(baseUrl, token);
  const info = await api.GET("/v1/event-types/{type}", { params: { path: { type } } });
  if (info.error) throw new Error(`${info.error.status} ${info.error.title}`);
  const out: Record<string, [string, string[]]> = {};
  for (const f of info.data.fields) {
    const kind: "date" | "text" | "id" | "number" | "boolean" | "enum" | "list" | "penalties" | "replacement" = f.kind;
    if (f.values !== undefined) out[f.name] = [kind, f.values];
  }
  return out;
}
