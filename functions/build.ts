// Bundles the functions into dist/ for the emulator and for deploy: workspace code
// (@ideaspark/domain) is inlined, npm dependencies stay external and are listed in a generated
// dist/package.json, and the emulator-only env files are copied beside it.
import { build, context, type BuildOptions } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, "dist");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const watch = process.argv.includes("--watch");

const options: BuildOptions = {
  entryPoints: [path.join(root, "src", "index.ts")],
  outfile: path.join(dist, "index.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external: Object.keys(pkg.dependencies),
  define: {
    "process.env.IDEASPARK_VERSION": JSON.stringify(process.env.IDEASPARK_VERSION ?? "local"),
  },
  logLevel: "warning",
};

function writeManifest(): void {
  mkdirSync(dist, { recursive: true });
  const manifest = {
    name: "ideaspark-functions",
    private: true,
    type: "module",
    main: "index.js",
    engines: { node: "22" },
    dependencies: pkg.dependencies,
  };
  writeFileSync(path.join(dist, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const file of [".env", ".env.local", ".env.demo-ideaspark", ".secret.local"]) {
    const source = path.join(root, file);
    if (existsSync(source)) copyFileSync(source, path.join(dist, file));
  }
}

if (!watch) rmSync(dist, { recursive: true, force: true });
writeManifest();
if (watch) {
  const ctx = await context(options);
  await ctx.watch();
  console.log("functions: watching src/ → dist/index.js");
} else {
  await build(options);
}
