// Everything the benchmark says goes to stderr: stdout carries only the final JSON line.
export function log(line = ""): void {
  process.stderr.write(`${line}\n`);
}

/** Runs `work`, logs how long it took, and returns its result with the milliseconds. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  log(`${label}: ${formatMs(ms)}`);
  return { value, ms };
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
