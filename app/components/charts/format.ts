import { useFormat } from "~/components/idea/format";
import { numberFormatter } from "~/i18n";
import { useLocale } from "~/utils/locale";

/**
 * Money for the charts: whole kronor for tables and tooltips ("1 200 000 kr"), and a compact form for
 * axis ticks ("1,2 mn kr", "350 tn kr" in Swedish; "SEK 1.2M" in English).
 */
export function useChartFormat() {
  const locale = useLocale();
  const fmt = useFormat();
  const compact = numberFormatter(locale, {
    style: "currency", currency: "SEK", currencyDisplay: locale === "sv" ? "symbol" : "code", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1,
  });
  return {
    number: fmt.number,
    kronor: fmt.kronor,
    compactKronor: (value: number) => compact(Math.round(value)),
  };
}
