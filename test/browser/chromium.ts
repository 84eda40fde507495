/**
 * Which Chromium the browser tests drive, so that `npm install && npm test` is all a machine with
 * only Node needs.
 *
 * - `CHROMIUM_PATH=/path/to/chromium` (a system or any other Chromium) is used as it is, with the
 *   machine's own libraries and fonts.
 * - Otherwise the one the npm package `@sparticuz/chromium` ships (a headless-shell build for
 *   Amazon Linux): its compressed binary, the NSS/expat libraries it links against and its fonts
 *   are unpacked once into `node_modules/.cache/`, and it is started with those libraries and fonts
 *   only, so it needs nothing from the system but glibc and renders the same text everywhere.
 *
 * The package's own `executablePath()` unpacks into a fixed `/tmp/chromium` that it trusts as soon
 * as the file exists; with parallel jest workers (and several checkouts on one machine) a
 * half-written binary would be launched. Here each unpacking goes to its own directory, which is
 * then renamed into place in one step: a reader sees all of it or none of it.
 */

import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { brotliDecompressSync, createBrotliDecompress } from "node:zlib";

export interface ChromiumInstall {
  readonly executablePath: string;
  /** Extra environment for the browser process (none for a configured system Chromium). */
  readonly env: Readonly<Record<string, string>>;
  /** Where it came from, for messages. */
  readonly source: string;
}

// Its exports map hides package.json; its entry point is build/cjs/index.cjs.
const PACKAGE_DIR = join(dirname(require.resolve("@sparticuz/chromium")), "..", "..");
const CACHE_ROOT = join(__dirname, "..", "..", "node_modules", ".cache");

/** The Chromium to launch: `CHROMIUM_PATH` when set, otherwise the npm package's, unpacked. */
export async function resolveChromium(): Promise<ChromiumInstall> {
  const configured = process.env["CHROMIUM_PATH"];
  if (configured !== undefined && configured !== "") {
    if (!existsSync(configured)) {
      throw new Error(
        `CHROMIUM_PATH is ${configured}, which does not exist: point it at a Chromium binary, or unset it to use the one npm installed (@sparticuz/chromium).`,
      );
    }
    return { executablePath: configured, env: {}, source: `CHROMIUM_PATH (${configured})` };
  }
  const dir = await unpackedPackage();
  return {
    executablePath: join(dir, "chromium"),
    env: {
      // Before the system's: the binary was linked against these exact builds.
      LD_LIBRARY_PATH: [join(dir, "lib"), process.env["LD_LIBRARY_PATH"]]
        .filter((part) => part !== undefined && part !== "")
        .join(":"),
      FONTCONFIG_FILE: join(dir, "fonts.conf"),
    },
    source: `@sparticuz/chromium ${packageVersion()} (${dir})`,
  };
}

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/** The package unpacked into `node_modules/.cache/chromium-<version>`, unpacking it if needed. */
async function unpackedPackage(): Promise<string> {
  const target = join(CACHE_ROOT, `chromium-${packageVersion()}`);
  // The binary is written last, so its presence means the directory is complete.
  if (existsSync(join(target, "chromium"))) return target;
  mkdirSync(CACHE_ROOT, { recursive: true });
  const partial = `${target}.partial-${process.pid}-${Date.now()}`;
  try {
    mkdirSync(partial);
    const bin = join(PACKAGE_DIR, "bin");
    // al2023.tar.br holds lib/libnss3.so and the rest of what the binary links besides glibc.
    extractTar(brotliDecompressSync(readFileSync(join(bin, "al2023.tar.br"))), partial);
    extractTar(brotliDecompressSync(readFileSync(join(bin, "fonts.tar.br"))), partial);
    writeFileSync(join(partial, "fonts.conf"), fontsConf(join(target, "fonts"), target));
    await pipeline(
      createReadStream(join(bin, "chromium.br")),
      createBrotliDecompress(),
      createWriteStream(join(partial, "chromium"), { mode: 0o755 }),
    );
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another process finished first: its copy is as good as ours.
    if (existsSync(join(target, "chromium"))) return target;
    throw error;
  }
  return target;
}

/** Only the packaged fonts: text renders the same with or without fonts on the machine. */
function fontsConf(fontsDir: string, cacheDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${fontsDir}</dir>
  <cachedir>${join(cacheDir, "fontconfig-cache")}</cachedir>
</fontconfig>
`;
}

/**
 * Extracts the regular files and directories of a ustar archive (all the package's archives
 * hold), refusing any path that would land outside `into`.
 */
export function extractTar(archive: Buffer, into: string): void {
  const root = normalize(into + sep);
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const prefix = field(345, 155);
    const name = prefix === "" ? field(0, 100) : `${prefix}/${field(0, 100)}`;
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const mode = Number.parseInt(field(100, 8).trim() || "644", 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const path = normalize(join(into, name));
    if (!(path + sep).startsWith(root)) throw new Error(`tar entry ${name} leaves ${into}`);
    const bodyStart = offset + 512;
    if (type === "x" || type === "g") {
      // pax headers (timestamps, owners): nothing the unpacked files need.
    } else if (type === "5") {
      mkdirSync(path, { recursive: true });
    } else if (type === "0" || type === "\0") {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, archive.subarray(bodyStart, bodyStart + size), { mode: mode & 0o777 });
    } else {
      throw new Error(`tar entry ${name} has type ${JSON.stringify(type)}, which is not unpacked`);
    }
    offset = bodyStart + Math.ceil(size / 512) * 512;
  }
}
