import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { refreshPortfolioFigures } from "~/models/portfolio.server";

/**
 * Empties the portfolio-figures queue in the background (server.ts starts it): a change to the
 * assessment criteria queues every portfolio idea, and at city scale recomputing them all takes far
 * longer than a page may. Pages recompute at most a couple of batches themselves and say how many
 * ideas are still waiting; this worker takes the rest, one batch at a time, yielding to requests
 * in between. Several server processes share the work safely (batches are claimed with skip locked).
 */
export function startPortfolioFigureRefresh(
  db: Kysely<Database>,
  options: { intervalMs?: number; log?: (line: string) => void } = {},
): () => void {
  const log = options.log ?? ((line: string) => console.log(line));
  let stopped = false;
  let running = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    const started = Date.now();
    let total = 0;
    try {
      for (;;) {
        const { refreshed, pending } = await refreshPortfolioFigures(db, { maxBatches: 1 });
        total += refreshed;
        if (stopped || refreshed === 0 || pending === 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (total >= 1000) log(`Portföljens nyckeltal omräknade för ${total} idéer på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    } catch (error) {
      console.error("Omräkningen av portföljens nyckeltal misslyckades:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 1_000);
  first.unref();
  const timer = setInterval(() => void tick(), options.intervalMs ?? 5_000);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
