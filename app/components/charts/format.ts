import { useFormat } from "~/components/idea/format";
import { useLocale } from "~/utils/locale";

/**
 * Money for the charts: whole kronor for tables and tooltips ("1 200 000 kr"), and a compact form for
 * axis ticks ("1,2 mn kr", "350 tn kr" in Swedish; "1.2m kr" in English).
 */
export function useChartFormat() {
  const locale = useLocale();
  const fmt = useFormat();
  const compact = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { notation: "compact", maximumFractionDigits: 1 });
  return {
    number: fmt.number,
    kronor: fmt.kronor,
    compactKronor: (value: number) => `${compact.format(Math.round(value))} kr`,
  };
}
