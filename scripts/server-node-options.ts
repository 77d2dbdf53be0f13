/**
 * The V8 options the production server runs with: `npm start` and `npm run serve` (package.json, kept
 * in step by test/unit/server-node-options.test.ts), the e2e tests and the benchmark.
 *
 * The old-generation cap keeps the server's memory bounded (issue 10: < 300 MB resident after the
 * city-scale benchmark). The live heap under load is ~60–100 MB; without a cap V8 lets the heap grow
 * lazily to several hundred MB under load and gives it back only after half a minute idle. Under the
 * cap it collects sooner, with the same latencies in the benchmark's load (docs/decisions/0020). Room
 * above the live set: XLSX exports stream and at most two build at once (0019); the embedded database's
 * and the optimiser's WebAssembly memory lie outside the V8 heap.
 */
export const SERVER_NODE_OPTIONS = ["--max-old-space-size=256"] as const;
