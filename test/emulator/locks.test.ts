import { createEmulator, loadAddOn } from "../../emulator";

/** Allocates the next KPI id from column A, the way the wizard does: read, then append. */
const SCRIPT = `
function allocate(useLock, timeout) {
  var lock = LockService.getDocumentLock();
  if (useLock && !lock.tryLock(timeout)) return "busy";
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  var last = sheet.getLastRow();
  var id = "KPI-" + (last + 1);
  sheet.getRange(last + 1, 1).setValue(id);
  if (useLock) lock.releaseLock();
  return id;
}
function waitFor(timeout) {
  LockService.getDocumentLock().waitLock(timeout);
  return new Date().toISOString();
}
function holdAndForget() {
  var lock = LockService.getDocumentLock();
  lock.waitLock(1000);
  return lock.hasLock();
}
function lockLife() {
  var lock = LockService.getScriptLock();
  var before = lock.hasLock();
  lock.tryLock(0);
  var during = lock.hasLock();
  lock.releaseLock();
  return [before, during, lock.hasLock()];
}
`;

function setUp() {
  const emu = createEmulator({ now: "2026-03-02T08:00:00Z" });
  return { emu, addOn: loadAddOn(SCRIPT, emu) };
}

describe("LockService between concurrent executions", () => {
  it("a lock is not held until tryLock, and releaseLock lets it go", () => {
    const { addOn } = setUp();
    expect(addOn.run("lockLife")).toEqual([false, true, false]);
  });

  it("without a lock two interleaved executions read the same last row and collide", () => {
    const { emu, addOn } = setUp();
    let second: unknown;
    emu.beforeCall(
      "Range.setValue",
      () => {
        second = addOn.run("allocate", [false, 0]);
      },
      { once: true },
    );
    const first = addOn.run("allocate", [false, 0]);
    expect([first, second]).toEqual(["KPI-1", "KPI-1"]);
  });

  it("with the document lock the execution that comes second waits its timeout and gives up", () => {
    const { emu, addOn } = setUp();
    let second: unknown;
    emu.beforeCall(
      "Range.setValue",
      () => {
        second = addOn.run("allocate", [true, 5000]);
      },
      { once: true },
    );
    const first = addOn.run("allocate", [true, 5000]);
    expect([first, second]).toEqual(["KPI-1", "busy"]);
    expect(emu.now().toISOString()).toBe("2026-03-02T08:00:05.000Z");
    expect(addOn.run("allocate", [true, 5000])).toBe("KPI-2");
  });

  it("waitLock throws Apps Script's timeout error when the holder does not finish in time", () => {
    const { emu, addOn } = setUp();
    let error: unknown;
    emu.beforeCall(
      "Sheet.getLastRow",
      () => {
        try {
          addOn.run("waitFor", [2000]);
        } catch (e) {
          error = e;
        }
      },
      { once: true },
    );
    addOn.run("allocate", [true, 0]);
    expect(error).toMatchObject({
      name: "Exception",
      message: "Lock timeout: another process was holding the lock for too long.",
    });
  });

  it("an execution elsewhere that releases in time lets a waiting execution through, later", () => {
    const { emu, addOn } = setUp();
    emu.holdLock("document", 3000);
    expect(addOn.run("waitFor", [10_000])).toBe("2026-03-02T08:00:03.000Z");
    emu.holdLock("document", 30_000);
    expect(() => addOn.run("waitFor", [10_000])).toThrow("Lock timeout");
    expect(emu.now().toISOString()).toBe("2026-03-02T08:00:13.000Z");
  });

  it("Apps Script releases a lock when its execution ends", () => {
    const { emu, addOn } = setUp();
    expect(addOn.run("holdAndForget")).toBe(true);
    expect(emu.locks.holder("document")).toBeUndefined();
    expect(addOn.run("allocate", [true, 0])).toBe("KPI-1");
  });

  it("user locks are per user, document locks shared by all users", () => {
    const emu = createEmulator();
    const ann = emu.services("FULL", { user: "ann@example.com" }).LockService;
    const bob = emu.services("FULL", { user: "bob@example.com" }).LockService;
    expect(ann.getUserLock().tryLock(0)).toBe(true);
    expect(bob.getUserLock().tryLock(0)).toBe(true);
    expect(ann.getDocumentLock().tryLock(0)).toBe(true);
    expect(bob.getDocumentLock().tryLock(100)).toBe(false);
  });
});
