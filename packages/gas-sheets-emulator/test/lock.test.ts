import { describe, expect, it } from "vitest";
import { createEmulator } from "../src/index";

describe("LockService", () => {
  it("acquires and releases a free lock, logging the timeouts asked for", () => {
    const emu = createEmulator();
    const lock = emu.globals.LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(emu.scriptHoldsLock("document")).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(emu.lockLog).toEqual([
      { kind: "document", method: "tryLock", timeoutMs: 5000, acquired: true },
      { kind: "document", method: "releaseLock" },
    ]);
  });

  it("fails when another execution holds the lock: tryLock is false, waitLock throws", () => {
    const emu = createEmulator();
    emu.holdLock("document");
    const lock = emu.globals.LockService.getDocumentLock();
    expect(lock.tryLock(30_000)).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
    expect(emu.globals.LockService.getScriptLock().tryLock(1)).toBe(true);
    emu.releaseHeldLock("document");
    expect(lock.tryLock(1)).toBe(true);
  });
});
