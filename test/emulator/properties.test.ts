import { createEmulator } from "../../emulator";

describe("PropertiesService", () => {
  it("keeps document and script properties shared, user properties per user, all as strings", () => {
    const emu = createEmulator();
    const ann = emu.services("FULL", { user: "ann@example.com" }).PropertiesService;
    const bob = emu.services("FULL", { user: "bob@example.com" }).PropertiesService;
    ann.getDocumentProperties().setProperty("hour", 8 as unknown as string);
    ann.getUserProperties().setProperty("seen", "yes");
    expect(bob.getDocumentProperties().getProperty("hour")).toBe("8");
    expect(bob.getUserProperties().getProperty("seen")).toBeNull();
    expect(emu.properties.user("ann@example.com").get("seen")).toBe("yes");
    bob.getScriptProperties().setProperties({ a: "1", b: "2" });
    bob.getScriptProperties().setProperties({ c: "3" }, true);
    expect(ann.getScriptProperties().getProperties()).toEqual({ c: "3" });
    expect(ann.getScriptProperties().getKeys()).toEqual(["c"]);
    ann.getScriptProperties().deleteAllProperties();
    expect(emu.properties.script.size).toBe(0);
  });

  it("refuses a value over 9 KB and a store over 500 KB, changing nothing", () => {
    const emu = createEmulator();
    const props = emu.services("FULL").PropertiesService.getDocumentProperties();
    expect(() => props.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow(
      "Argument too large: value",
    );
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, "x".repeat(9000));
    expect(() => props.setProperty("k56", "x".repeat(9000))).toThrow(
      "You have exceeded the property storage quota.",
    );
    expect(props.getKeys()).toHaveLength(56);
  });
});
