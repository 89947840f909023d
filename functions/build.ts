// Bundles the functions into dist/ (or `--outdir <dir>`) for the emulator and for deploy:
// workspace code (@ideaspark/domain) is inlined, npm dependencies stay external and are listed
// in a generated package.json, and the deployable env files (per-project params) are copied
// beside it. No `*.local` file is ever copied, and a build (the deploy's predeploy included)
// starts from an empty folder, so the emulator-only `.env.local`/`.secret.local` that
// `npm start`/`npm test` write into functions/dist after building (tools/lib/stack.ts) never
// reach a deploy.
import { build, context, type BuildOptions } from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeployableEnvFile } from "./envFiles.js";

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = outDir(process.argv);
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const watch = process.argv.includes("--watch");

/** True when `child` is `parent` or inside it. */
function within(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** `--outdir <dir>` (resolved from the working directory), else functions/dist. */
function outDir(argv: string[]): string {
  const standard = path.join(root, "dist");
  const at = argv.indexOf("--outdir");
  if (at === -1) return standard;
  const value = argv[at + 1];
  if (!value || value.startsWith("--")) throw new Error("--outdir needs a directory");
  const dir = path.resolve(value);
  // The folder is emptied first, so it must not hold (or be) any of the functions sources.
  if (within(root, dir) || (within(dir, root) && !within(dir, standard))) {
    throw new Error(`--outdir ${dir}: use functions/dist or a folder outside functions/`);
  }
  return dir;
}

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
  // `.env` and `.env.<project>` (e.g. ALLOWED_ORIGINS per deployed project); never `*.local`.
  for (const file of readdirSync(root).filter(isDeployableEnvFile)) {
    copyFileSync(path.join(root, file), path.join(dist, file));
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
