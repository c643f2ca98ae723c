/**
 * LockService. Tests run one execution at a time, so contention is declared, not raced: a test
 * says "another execution holds the document lock" with emu.holdLock("document"), and then
 * tryLock returns false and waitLock throws, at once (the emulator never sleeps). Every request
 * is logged with its timeout (emu.lockLog). As in Apps Script, a lock still held when the
 * execution ends is released then (handle.call ends an execution).
 *
 * Two Lock objects of the same kind in one execution both succeed: they belong to the same
 * execution, which the emulator treats as the holder.
 */
import { instrument } from "./calls";
import { type EmulatorState, type HeldLock, type LockKind, ServiceObject } from "./state";

export class Lock extends ServiceObject {
  /** Registered with the execution while held, so that its end can release the lock. */
  #held: HeldLock | null = null;

  constructor(
    ctx: EmulatorState,
    readonly kind: LockKind,
  ) {
    super(ctx);
  }

  hasLock(): boolean {
    return this.#held !== null;
  }

  tryLock(timeoutInMillis: number): boolean {
    const acquired = this.#acquire();
    this.ctx.lockLog.push({ kind: this.kind, method: "tryLock", timeoutMs: timeoutInMillis, acquired });
    return acquired;
  }

  waitLock(timeoutInMillis: number): void {
    const acquired = this.#acquire();
    this.ctx.lockLog.push({ kind: this.kind, method: "waitLock", timeoutMs: timeoutInMillis, acquired });
    if (!acquired) throw this.ctx.fail("Lock timeout: another process was holding the lock for too long.");
  }

  /** Has no effect when the lock is not held, as documented. */
  releaseLock(): void {
    this.#held?.release("releaseLock");
  }

  #acquire(): boolean {
    if (this.#held) return true;
    if (this.ctx.locksHeldElsewhere.has(this.kind)) return false;
    const held: HeldLock = {
      kind: this.kind,
      release: (reason) => {
        this.#held = null;
        this.ctx.locksHeldByScript.delete(held);
        this.ctx.lockLog.push({ kind: this.kind, method: reason });
      },
    };
    this.#held = held;
    this.ctx.locksHeldByScript.add(held);
    return true;
  }
}

export class LockService extends ServiceObject {
  /**
   * null where there is no current document, as in an add-on's time-driven trigger ("If this
   * method is called outside of the context of a containing document, null is returned"), though
   * typed non-null as @types/google-apps-script types it.
   */
  getDocumentLock(): Lock {
    return this.ctx.noActiveDocument ? (null as unknown as Lock) : new Lock(this.ctx, "document");
  }

  getScriptLock(): Lock {
    return new Lock(this.ctx, "script");
  }

  getUserLock(): Lock {
    return new Lock(this.ctx, "user");
  }
}

instrument(Lock, "Lock");
instrument(LockService, "LockService");
