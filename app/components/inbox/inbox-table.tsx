import { Form, Link, useNavigation } from "@remix-run/react";
import type { Stage } from "~/domain/vocabulary";
import { formatNumber } from "~/i18n";
import { useLocale, useMessages } from "~/utils/locale";

export interface InboxTableRow {
  id: string;
  reference: string | null;
  title: string;
  unitName: string;
  stage: Stage;
  ownerId: string | null;
  ownerName: string | null;
  daysInStage: number;
  overdue: boolean;
  supportCount: number;
  version: number;
}

/** The inbox list. Each row links to the idea page and offers "Ta ärendet" when it is not yours. */
export function InboxTable(props: { rows: InboxTableRow[]; userId: string; overdueDays: number; returnTo: string }) {
  const messages = useMessages();
  const locale = useLocale();
  const t = messages.inbox;
  const navigation = useNavigation();
  const takingId = navigation.state !== "idle" && navigation.formData?.get("intent") === "take"
    ? navigation.formAction?.split("/")[2] : undefined;
  return (
    <div className="table-scroll" role="region" aria-labelledby="inkorg-tabell" tabIndex={0}>
      <table className="data-table inbox-table">
        <caption id="inkorg-tabell" className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            {(["reference", "title", "unit", "stage", "owner", "daysInStage", "supports", "actions"] as const).map((column) => (
              <th key={column} scope="col">{t.columns[column]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((idea) => (
            <tr key={idea.id}>
              <td className="nowrap">{idea.reference}</td>
              <th scope="row" className="break"><Link to={`/ideas/${idea.id}`}>{idea.title}</Link></th>
              <td>{idea.unitName}</td>
              <td>
                {messages.stages[idea.stage].name}
                {idea.overdue && (
                  <>
                    {" "}<span className="badge badge--overdue" title={t.overdueHint(props.overdueDays)}>{t.overdue}</span>
                  </>
                )}
              </td>
              <td>
                {idea.ownerId === null
                  ? <span className="muted">{t.noOwner}</span>
                  : idea.ownerId === props.userId ? <strong>{t.you}</strong> : idea.ownerName}
              </td>
              <td className="numeric">{t.days(idea.daysInStage)}</td>
              <td className="numeric">{formatNumber(locale, idea.supportCount)}</td>
              <td>
                <div className="inbox-actions">
                  {idea.ownerId !== props.userId && (
                    <Form method="post" action={`/ideas/${idea.id}/hantera`}>
                      <input type="hidden" name="intent" value="take" />
                      <input type="hidden" name="version" value={idea.version} />
                      <input type="hidden" name="redirectTo" value={props.returnTo} />
                      <button type="submit" className="button button--small" aria-label={t.takeLabel(idea.title)}
                        disabled={takingId === idea.id} aria-disabled={takingId === idea.id}>
                        {takingId === idea.id ? t.taking : t.take}
                      </button>
                    </Form>
                  )}
                  <Link to={`/ideas/${idea.id}/hantera`} aria-label={t.manageLabel(idea.title)}>{t.manage}</Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
