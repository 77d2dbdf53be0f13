import { Link } from "@remix-run/react";
import { useChartFormat } from "~/components/charts/format";
import { useFormat } from "~/components/idea/format";
import { useMessages } from "~/utils/locale";

export interface GoodExampleCardData {
  id: string;
  reference: string;
  title: string;
  unitName: string;
  motivation: string;
  markedAt: string | Date;
  financialNpv: number | null;
  selfFinancing: boolean | null;
  adoptedUnits: number;
}

/** One good example in the list: what it is, what it achieved, how far it has spread, and "adopt". */
export function GoodExampleCard({ example, mayAdopt }: { example: GoodExampleCardData; mayAdopt: boolean }) {
  const t = useMessages().goodExamples.list;
  const fmt = useFormat();
  const money = useChartFormat();
  const headingId = `gott-exempel-${example.id}`;
  return (
    <article className="panel good-example" aria-labelledby={headingId}>
      <h2 id={headingId} className="h3 break">
        <Link to={`/ideas/${example.id}`}>{example.title}</Link> <span className="good-example__ref">{example.reference}</span>
      </h2>
      <dl className="facts">
        <div><dt>{t.unit}</dt><dd>{example.unitName}</dd></div>
        <div><dt>{t.financialNpv}</dt><dd>{example.financialNpv === null ? t.noCase : money.kronor(example.financialNpv)}</dd></div>
        <div>
          <dt>{t.selfFinancing}</dt>
          <dd>{example.selfFinancing === null ? t.noCase : example.selfFinancing ? t.selfFinancingYes : t.selfFinancingNo}</dd>
        </div>
        <div><dt>{t.markedAt}</dt><dd><time dateTime={fmt.iso(example.markedAt)}>{fmt.date(example.markedAt)}</time></dd></div>
      </dl>
      <h3 className="h4">{t.motivation}</h3>
      <p className="idea-text break">{example.motivation}</p>
      <p>{t.adoptedIn(example.adoptedUnits)}</p>
      {mayAdopt && (
        <p>
          <Link className="button" to={`/goda-exempel/${example.id}/infor`}>
            {t.adopt}<span className="visually-hidden">{t.adoptContext(example.title)}</span>
          </Link>
        </p>
      )}
    </article>
  );
}
