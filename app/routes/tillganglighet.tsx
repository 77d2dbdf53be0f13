import type { MetaFunction } from "@remix-run/node";
import { formatDate, messagesFor } from "~/i18n";
import { useLocale, useMessages } from "~/utils/locale";

// The date the statement's content was last reviewed (not the build date).
const STATEMENT_UPDATED = new Date("2026-11-23T12:00:00Z");

export const meta: MetaFunction = () => [{ title: messagesFor("sv").accessibilityStatement.title }];

export default function AccessibilityStatement() {
  const t = useMessages().accessibilityStatement;
  const locale = useLocale();
  return (
    <article className="prose" aria-labelledby="tillganglighet-rubrik">
      <h1 id="tillganglighet-rubrik">{t.heading}</h1>
      <p className="lead">{t.intro}</p>
      <h2>{t.statusHeading}</h2>
      <p>{t.status}</p>
      <h2>{t.knownIssuesHeading}</h2>
      <ul>{t.knownIssues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
      <h2>{t.reportHeading}</h2>
      <p>{t.report}</p>
      <h2>{t.supervisionHeading}</h2>
      <p>{t.supervision}</p>
      <p className="muted">{t.updated} {formatDate(locale, STATEMENT_UPDATED)}.</p>
    </article>
  );
}
