import { useFormat } from "~/components/idea/format";
import { useMessages } from "~/utils/locale";

/** Money in whole kronor with the language's grouping ("2 500 000 kr"), figures, "–" for none. */
export function usePortfolioFormat() {
  const format = useFormat();
  const t = useMessages().portfolio;
  const kr = (value: number | null | undefined) => (value === null || value === undefined ? t.table.none : format.kronor(value));
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? t.table.none : format.number(value));
  /** A relative gap (0.0123) as per cent with at most two decimals ("1,23"). */
  const percent = (gap: number) => format.number(Math.round(gap * 10_000) / 100);
  /** A list of years in words: "2027", "2027 och 2028", "2027, 2028 och 2029". */
  const years = (list: readonly number[]) =>
    list.length <= 1 ? list.join("") : `${list.slice(0, -1).join(", ")} ${t.result.and} ${list.at(-1)}`;
  return { ...format, kr, figure, percent, years };
}
