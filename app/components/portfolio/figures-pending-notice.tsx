import { useFormat } from "~/components/idea/format";
import { useMessages } from "~/utils/locale";

/**
 * Said on every page that shows portfolio figures while some are still being recomputed after a
 * change (the background refresh takes large backlogs): the numbers shown may still change.
 */
export function FiguresPendingNotice({ pending }: { pending: number }) {
  const t = useMessages().portfolio;
  const format = useFormat();
  if (pending <= 0) return null;
  return <p className="alert" role="status">{t.figuresPending(format.number(pending))}</p>;
}
