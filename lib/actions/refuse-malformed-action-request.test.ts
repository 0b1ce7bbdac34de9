import { describe, expect, it } from "vitest";
import { MAX_ACTION_BODY_BYTES, jsonNestsDeeperThan, refuseMalformedActionRequest } from "./refuse-malformed-action-request";

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

describe("jsonNestsDeeperThan", () => {
  it("counts arrays and objects but not brackets inside strings", () => {
    expect(jsonNestsDeeperThan('[[{"a":[1]}]]', 4)).toBe(false);
    expect(jsonNestsDeeperThan('[[{"a":[1]}]]', 3)).toBe(true);
    expect(jsonNestsDeeperThan(JSON.stringify(["[[[[[[\\\"[[[["]), 1)).toBe(false);
  });
});
