// Compiles server.ts (and the app, db and service modules it imports) into build/server.js, so
// production runs plain JavaScript: no TypeScript loader thread and no compile work in the server
// process (docs/decisions/0020). npm packages stay runtime imports from node_modules.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const packages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });

await build({
  entryPoints: ["server.ts"],
  outfile: "build/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Every package (and its subpaths) is left to Node; `~/…` (tsconfig paths) and relative imports are bundled.
  external: packages.flatMap((name) => [name, `${name}/*`]),
  logLevel: "warning",
});
