// Writes a tiny launcher jar: a zip holding only META-INF/MANIFEST.MF with a Main-Class and a
// Class-Path pointing at another jar. Lets `java -jar` run a jar that has no Main-Class.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { crc32 } from "node:zlib";

/** Manifest lines wrap at 72 bytes; continuation lines start with one space (JAR spec). */
function manifestLine(key: string, value: string): string {
  const line = `${key}: ${value}`;
  const chunks = [line.slice(0, 72)];
  for (let i = 72; i < line.length; i += 71) chunks.push(` ${line.slice(i, i + 71)}`);
  return chunks.join("\r\n");
}

export function launcherManifest(mainClass: string, classPathJar: string): string {
  return (
    [
      "Manifest-Version: 1.0",
      manifestLine("Main-Class", mainClass),
      manifestLine("Class-Path", pathToFileURL(classPathJar).href),
      "Created-By: IdeaSpark emulator bootstrap",
    ].join("\r\n") + "\r\n\r\n"
  );
}

/** A zip archive with stored (uncompressed) entries: enough for a manifest-only jar. */
export function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Writes (or keeps, when unchanged) a launcher jar at `target`; returns its path. */
export function writeLauncherJar(target: string, mainClass: string, classPathJar: string): string {
  const jar = storedZip([
    { name: "META-INF/MANIFEST.MF", data: Buffer.from(launcherManifest(mainClass, classPathJar)) },
  ]);
  if (existsSync(target) && readFileSync(target).equals(jar)) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  // Write then rename, so a JVM starting at this moment never reads a half-written jar.
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, jar, { mode: 0o755 });
  renameSync(temp, target);
  return target;
}
