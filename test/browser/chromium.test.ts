/**
 * The Chromium the browser tests get from npm needs nothing from the machine but glibc, and its
 * unpacking cannot write outside its directory.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractTar, resolveChromium } from "./chromium";

/** One ustar entry: a 512-byte header (checksum included) and its padded body. */
function tarEntry(name: string, body: string, type = "0"): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, "utf8");
  header.write("0000644\0", 100);
  header.write(`${Buffer.byteLength(body).toString(8).padStart(11, "0")}\0`, 124);
  header.write("00000000000\0", 136);
  header.write(type, 156);
  header.write("ustar\0", 257);
  header.write("00", 263);
  header.write("        ", 148);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, "0")}\0 `, 148);
  const padded = Buffer.alloc(Math.ceil(Buffer.byteLength(body) / 512) * 512);
  padded.write(body);
  return Buffer.concat([header, padded]);
}

test("unpacks a tar's files and directories", () => {
  const dir = mkdtempSync(join(tmpdir(), "smart-kpi-tar-"));
  try {
    extractTar(
      Buffer.concat([
        tarEntry("fonts/", "", "5"),
        tarEntry("fonts/a.txt", "x".repeat(600)),
        Buffer.alloc(1024),
      ]),
      dir,
    );
    expect(readFileSync(join(dir, "fonts", "a.txt"), "utf8")).toBe("x".repeat(600));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("refuses a tar entry that would land outside the directory", () => {
  const dir = mkdtempSync(join(tmpdir(), "smart-kpi-tar-"));
  try {
    expect(() => extractTar(tarEntry("../escaped.txt", "no"), dir)).toThrow(
      "tar entry ../escaped.txt leaves",
    );
    expect(existsSync(join(dir, "..", "escaped.txt"))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the npm Chromium links only glibc and libgcc from the machine", async () => {
  const saved = process.env["CHROMIUM_PATH"];
  delete process.env["CHROMIUM_PATH"];
  try {
    const install = await resolveChromium();
    expect(install.source).toMatch(/^@sparticuz\/chromium /);
    const libDir = install.env["LD_LIBRARY_PATH"]?.split(":")[0] ?? "";
    const ldd = execFileSync("ldd", [install.executablePath], {
      env: { ...process.env, ...install.env },
      encoding: "utf8",
    });
    const fromSystem = ldd
      .split("\n")
      .map((line) => /^\s*(\S+) => (\S+)/.exec(line))
      .filter((match) => match !== null && !match[2]!.startsWith(libDir))
      .map((match) => match![1]!);
    expect(ldd).not.toContain("not found");
    for (const library of fromSystem)
      expect(library).toMatch(/^lib(c|dl|pthread|m|rt|gcc_s)\.so\.\d+$/);
    expect(ldd).toContain(join(libDir, "libnss3.so"));
  } finally {
    if (saved !== undefined) process.env["CHROMIUM_PATH"] = saved;
  }
}, 60_000);
