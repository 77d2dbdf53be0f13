// One load shape for everything measured: C concurrent workers (or connections) for S seconds, every
// latency recorded, percentiles from the sorted list. HTTP goes through autocannon's programmatic API;
// in-process functions (chart data) through the same loop without HTTP.
import autocannon from "autocannon";

export interface LoadShape {
  connections: number;
  durationSeconds: number;
}

export interface LoadStats {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  /** Responses outside 2xx (HTTP) or calls that threw (in-process). */
  non2xx: number;
  /** Connection errors and timeouts (HTTP). */
  errors: number;
  statusCodes: Record<string, number>;
}

/** The value at this percentile of ascending latencies (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarise(latencies: number[], elapsedSeconds: number, extra: Omit<LoadStats, "requests" | "p50Ms" | "p95Ms" | "p99Ms" | "rps">): LoadStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    rps: sorted.length / elapsedSeconds,
    ...extra,
  };
}

/** C async workers call `work` back to back for S seconds. */
export async function loadInProcess(work: () => Promise<unknown>, shape: LoadShape): Promise<LoadStats> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: unknown;
  const started = performance.now();
  const deadline = started + shape.durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await work();
      } catch (error) {
        failures++;
        firstFailure ??= error;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: shape.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  if (firstFailure) console.error("Första felet:", firstFailure);
  return summarise(latencies, elapsed, { non2xx: failures, errors: 0, statusCodes: {} });
}

/** autocannon against one URL with these headers; latencies from its "response" events. */
export function loadHttp(url: string, headers: Record<string, string>, shape: LoadShape): Promise<LoadStats> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statusCodes: Record<string, number> = {};
    const instance = autocannon(
      { url, headers, connections: shape.connections, duration: shape.durationSeconds, timeout: 30 },
      (error, result) => {
        if (error) return reject(error);
        // autocannon's duration includes the time to wait for the last responses.
        resolve(summarise(latencies, result.duration, { non2xx: result.non2xx, errors: result.errors, statusCodes }));
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}
