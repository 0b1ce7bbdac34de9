import { describe, expect, it } from "vitest";
import { MAX_ACTION_BODY_BYTES, danglingReplyReference, jsonNestsDeeperThan, refuseMalformedActionRequest } from "./refuse-malformed-action-request";

const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/workbench", { method: "POST", headers: { "next-action": "abc", "content-type": "text/plain;charset=UTF-8", ...headers }, body });

async function status(request: Request): Promise<number | null> {
  const response = await refuseMalformedActionRequest(request);
  return response?.status ?? null;
}

describe("refuseMalformedActionRequest", () => {
  it("lets well-formed action calls and every other request through", async () => {
    expect(await status(action(JSON.stringify([{ statement: "a [ { \" quoted", tags: ["x"] }])))).toBeNull();
    const form = new FormData();
    form.set("0", JSON.stringify(["$K1"]));
    expect(await status(new Request("http://localhost/workbench", { method: "POST", headers: { "next-action": "abc" }, body: form }))).toBeNull();
    expect(await status(new Request("http://localhost/workbench", { method: "POST", body: "[{" }))).toBeNull();
    const garbageForm = { method: "POST", headers: { "content-type": "multipart/form-data; boundary=xyz" }, body: "--xyz\r\ngarbage" };
    expect(await status(new Request("http://localhost/api/articles", garbageForm))).toBeNull();
    expect(await status(new Request("http://localhost/workbench/claims", garbageForm))).toBe(400);
    expect(await status(new Request("http://localhost/workbench"))).toBeNull();
  });

  it("refuses malformed JSON, malformed forms, deep nesting and oversized bodies with a 4xx and a message", async () => {
    expect(await status(action('[{"a":'))).toBe(400);
    expect(await status(action("garbage", { "content-type": "multipart/form-data; boundary=xyz" }))).toBe(400);
    expect(await status(action(`${"[".repeat(1000)}${"]".repeat(1000)}`))).toBe(400);
    expect(await status(action(JSON.stringify(["x".repeat(MAX_ACTION_BODY_BYTES)])))).toBe(413);
    expect(await status(action("[]", { "content-length": String(5 * MAX_ACTION_BODY_BYTES) }))).toBe(413);
    const refused = await refuseMalformedActionRequest(action("{"));
    expect(await refused!.json()).toEqual({ error: { code: "invalid", message: "The body of this request is not valid JSON; nothing was saved." } });
  });
});

describe("strings starting with $ in a JSON body", () => {
  it("refuses a raw '$' string, which React's decoder would read as a reference to a part the body does not have", async () => {
    const refused = await refuseMalformedActionRequest(action(JSON.stringify([{ statement: "$16 trillion in debt", language: "en" }])));
    expect(refused?.status).toBe(400);
    expect(await refused!.json()).toEqual({
      error: { code: "invalid", message: 'A text in this request starts with "$" but is not encoded as React encodes it ("$$…"); nothing was saved.' },
    });
    for (const raw of ["$", "$1", "$@0", "$Q1", "$K", "$F1", "$B0", "$h2", "$R1", "$n12x", `$n${"9".repeat(301)}`, "$Infinityx"]) {
      expect(await status(action(JSON.stringify([{ tags: ["a", { deeper: raw }] }]))), raw).toBe(400);
    }
  });

  it("lets through what React's client writes: escaped strings and the self-contained values", async () => {
    const encoded = ["$$16 trillion", "$$", "$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$D2026-01-01T00:00:00.000Z", "$n-123", "$T", "a $1 b"];
    expect(await status(action(JSON.stringify([{ statement: encoded, nested: { value: encoded } }])))).toBeNull();
    // Keys are not decoded.
    expect(await status(action(JSON.stringify([{ $1: "x" }])))).toBeNull();
    // A multipart body may refer to its other parts.
    const form = new FormData();
    form.set("0", JSON.stringify(["$1"]));
    form.set("1", JSON.stringify({ statement: "$$16 trillion" }));
    expect(await status(new Request("http://localhost/workbench", { method: "POST", headers: { "next-action": "abc" }, body: form }))).toBeNull();
  });

  it("danglingReplyReference names the first offending string", () => {
    expect(danglingReplyReference([{ a: "ok", b: ["$$fine", "$3 billion"] }, "$later"])).toBe("$3 billion");
    expect(danglingReplyReference([1, null, true, { a: "$$x" }])).toBeNull();
  });
});

describe("jsonNestsDeeperThan", () => {
  it("counts arrays and objects but not brackets inside strings", () => {
    expect(jsonNestsDeeperThan('[[{"a":[1]}]]', 4)).toBe(false);
    expect(jsonNestsDeeperThan('[[{"a":[1]}]]', 3)).toBe(true);
    expect(jsonNestsDeeperThan(JSON.stringify(["[[[[[[\\\"[[[["]), 1)).toBe(false);
  });
});
