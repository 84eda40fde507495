import { AuthMode, createEmulator, loadAddOn } from "../../emulator";

const SCRIPT = `
var executions = (typeof executions === "number" ? executions : 0) + 1;
function globalsSeen() {
  return ["process", "require", "setTimeout", "setInterval", "TextEncoder", "URL", "fetch", "Buffer", "module",
    "queueMicrotask", "structuredClone", "SpreadsheetApp", "Logger", "Utilities", "console"]
    .map(function (name) { return name + ":" + typeof globalThis[name]; });
}
function clock() { return [new Date().toISOString(), Date.now(), typeof Date()]; }
function realm() {
  var sheet = SpreadsheetApp.getActive().getSheets()[0];
  sheet.getRange("A1").setValue("2026-01-05");
  var values = sheet.getRange("A1:B1").getValues();
  return [values instanceof Array, values[0] instanceof Array, values[0][0] instanceof Date, values[0][1]];
}
function counter() { return executions; }
function fail() { throw new TypeError("bad input"); }
function echo(value) { return value; }
function makeDate() { return new Date(Date.UTC(2026, 0, 2)); }
function helper_() { return "private"; }
function withDate() { return { when: new Date() }; }
function onOpen(e) { return [String(e.authMode), e.source ? e.source.getName() : "no source", e.user.email]; }
function modeIs(e) { return [e.authMode === ScriptApp.AuthMode[String(e.authMode)], e.authMode === String(e.authMode)]; }
function onInstall(e) { onOpen(e); return "installed " + e.authMode; }
function sidebar() {
  var html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("SMART KPI");
  SpreadsheetApp.getUi().showSidebar(html);
}
`;

function setUp() {
  const emu = createEmulator({ now: "2026-03-02T08:00:00Z", user: "ann@example.com" });
  const addOn = loadAddOn(SCRIPT, emu, { files: { Sidebar: "<p>wizard</p>" } });
  return { emu, addOn };
}

describe("the runner executes Code.js as Apps Script does", () => {
  it("the script sees Apps Script's globals and none of Node's", () => {
    const { addOn } = setUp();
    expect(addOn.run("globalsSeen")).toEqual([
      "process:undefined",
      "require:undefined",
      "setTimeout:undefined",
      "setInterval:undefined",
      "TextEncoder:undefined",
      "URL:undefined",
      "fetch:undefined",
      "Buffer:undefined",
      "module:undefined",
      "queueMicrotask:undefined",
      "structuredClone:undefined",
      "SpreadsheetApp:object",
      "Logger:object",
      "Utilities:object",
      "console:object",
    ]);
  });

  it("new Date() and Date.now() read the virtual clock", () => {
    const { emu, addOn } = setUp();
    emu.advance(90_000);
    expect(addOn.run("clock")).toEqual([
      "2026-03-02T08:01:30.000Z",
      Date.parse("2026-03-02T08:01:30Z"),
      "string",
    ]);
  });

  it("values from services are the script's own Dates and Arrays", () => {
    const { addOn } = setUp();
    expect(addOn.run("realm")).toEqual([true, true, true, ""]);
  });

  it("each execution evaluates the script afresh: globals do not survive", () => {
    const { addOn } = setUp();
    expect(addOn.run("counter")).toBe(1);
    expect(addOn.run("counter")).toBe(1);
  });

  it("results and errors come back into Node", () => {
    const { addOn } = setUp();
    const date = addOn.run("makeDate");
    expect(date).toBeInstanceOf(Date);
    expect(date).toEqual(new Date("2026-01-02T00:00:00Z"));
    expect(addOn.run("echo", [{ a: [1, "x", null] }])).toEqual({ a: [1, "x", null] });
    expect(() => addOn.run("fail")).toThrow(
      expect.objectContaining({ name: "TypeError", message: "bad input" }),
    );
    expect(() => addOn.run("nope")).toThrow("Script function not found: nope");
  });

  it("lists the script's top-level functions", () => {
    const { addOn } = setUp();
    expect(addOn.functionNames).toContain("helper_");
    expect(addOn.functionNames).not.toContain("executions");
  });

  it("opening the spreadsheet passes onOpen an event with the auth mode, the document and the user", () => {
    const { addOn } = setUp();
    expect(addOn.open("LIMITED")).toEqual(["LIMITED", "Untitled spreadsheet", "ann@example.com"]);
    expect(addOn.open("NONE")).toEqual(["NONE", "no source", "ann@example.com"]);
    expect(addOn.install()).toBe("installed FULL");
  });

  it("an event's authMode is the ScriptApp.AuthMode object, never the string", () => {
    const { addOn } = setUp();
    expect(addOn.run("modeIs", [{ authMode: AuthMode.NONE }])).toEqual([true, false]);
    expect(addOn.run("modeIs", [{ authMode: AuthMode.LIMITED }])).toEqual([true, false]);
  });

  it("a sidebar page comes from the project's HTML files", () => {
    const { emu, addOn } = setUp();
    addOn.run("sidebar");
    expect(emu.ui.sidebar).toEqual({
      title: "SMART KPI",
      html: "<p>wizard</p>",
      user: "ann@example.com",
    });
  });
});

describe("google.script.run from the sidebar", () => {
  it("calls top-level functions but not private ones ending in _", () => {
    const { addOn } = setUp();
    expect(addOn.scriptRun("echo", "hi")).toBe("hi");
    expect(() => addOn.scriptRun("helper_")).toThrow("Script function not found: helper_");
  });

  it("passes JSON-like data: undefined in arrays becomes null, a Date argument fails", () => {
    const { addOn } = setUp();
    expect(addOn.scriptRun("echo", [1, undefined, { b: true }])).toEqual([1, null, { b: true }]);
    expect(() => addOn.scriptRun("echo", new Date())).toThrow(
      "Failed due to illegal value in property: 0",
    );
  });

  it("a result holding a Date arrives as null", () => {
    const { addOn } = setUp();
    expect(addOn.scriptRun("withDate")).toBeNull();
  });
});
