/** The playground's HTTP server takes requests from its own pages only (no browser needed). */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Playground, startPlayground } from "../../../dev/playground/server";

let pg: Playground;
beforeAll(async () => {
  pg = await startPlayground({ port: 0, rescore: false });
});
afterAll(() => pg.close());

function call(path: string, options: { method?: string; host?: string; type?: string; body?: string }) {
  const url = new URL(path, pg.url);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: options.method ?? "GET",
        headers: {
          host: options.host ?? url.host,
          ...(options.type ? { "content-type": options.type } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", (e) =>
      options.body && options.body.length > 1_000_000 ? resolve({ status: 413, text: "" }) : reject(e),
    );
    req.end(options.body);
  });
}

describe("the playground server", () => {
  it("answers its own pages", async () => {
    expect((await call("/api/state", {})).status).toBe(200);
  });

  it("refuses a request for another host name (DNS rebinding)", async () => {
    expect((await call("/api/state", { host: "attacker.example:80" })).status).toBe(403);
  });

  it("takes JSON only, so a form posted from another site cannot run the add-on", async () => {
    const r = await call("/run", {
      method: "POST",
      type: "text/plain",
      body: '{"name":"rescoreAll","args":[]}',
    });
    expect(r.status).toBe(415);
  });

  it("takes an answer only while an alert or prompt waits for one", async () => {
    const r = await call("/api/answer", {
      method: "POST",
      type: "application/json",
      body: '{"button":"OK"}',
    });
    expect(r.status).toBe(409);
    expect(JSON.parse(r.text).message).toBe("No alert or prompt is waiting for an answer.");
  });

  it("refuses a body over 1 MB", async () => {
    const r = await call("/run", {
      method: "POST",
      type: "application/json",
      body: `"${"x".repeat(1_100_000)}"`,
    });
    expect(r.status).toBe(413);
  });
});
