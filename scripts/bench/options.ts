// Command-line flags of `npm run bench`.
export interface BenchOptions {
  ideas: number;
  durationSeconds: number;
  connections: number;
  pglite: boolean;
  /** Only PGlite (`--pglite-only`): no PostgreSQL run, e.g. to record the embedded database's numbers alone. */
  pgliteOnly: boolean;
  /** Names of the measurements to run (endpoints, charts, "optimiser"); null runs everything. */
  only: Set<string> | null;
  /** Keep the throwaway PostgreSQL cluster and PGlite folder for the next run with the same --ideas. */
  keep: boolean;
  /** Use the build/ that is there (made just before, e.g. under a lock shared with other builds). */
  skipBuild: boolean;
}

const USAGE = `npm run bench -- [--ideas N] [--duration S] [--connections C] [--pglite | --pglite-only] [--only namn,namn] [--keep] [--skip-build]`;

function positiveInteger(flag: string, raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${flag} måste vara ett heltal mellan 1 och ${max}.\n${USAGE}`);
  }
  return value;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ideas: 100_000, durationSeconds: 10, connections: 10, pglite: false, pgliteOnly: false, only: null, keep: false, skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--ideas": options.ideas = positiveInteger(flag, value(), 5_000_000); break;
      case "--duration": options.durationSeconds = positiveInteger(flag, value(), 600); break;
      case "--connections": options.connections = positiveInteger(flag, value(), 1000); break;
      case "--pglite": options.pglite = true; break;
      case "--pglite-only": options.pglite = true; options.pgliteOnly = true; break;
      case "--keep": options.keep = true; break;
      case "--skip-build": options.skipBuild = true; break;
      case "--only": {
        const names = (value() ?? "").split(",").map((n) => n.trim()).filter(Boolean);
        if (names.length === 0) throw new Error(`--only behöver namn, t.ex. --only portfolio,idea.\n${USAGE}`);
        options.only = new Set(names);
        break;
      }
      default: throw new Error(`Okänd flagga ${flag}.\n${USAGE}`);
    }
  }
  return options;
}

export function wanted(options: BenchOptions, name: string): boolean {
  return options.only === null || options.only.has(name);
}
