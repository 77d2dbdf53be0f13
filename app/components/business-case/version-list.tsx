import { Link } from "@remix-run/react";
import type { BusinessCaseVersionEntry } from "~/models/business-cases.server";
import { useMessages } from "~/utils/locale";
import { useMoney } from "./shared";

type Entry = Omit<BusinessCaseVersionEntry, "savedAt" | "decisions"> & {
  savedAt: Date | string;
  decisions: (Omit<BusinessCaseVersionEntry["decisions"][number], "decidedAt"> & { decidedAt: Date | string })[];
};

/** Every saved version (number, who, when), a link to view it, and the gate decisions taken on it. */
export function VersionList(props: { ideaId: string; versions: Entry[]; currentVersion: number; shownVersion: number | null }) {
  const messages = useMessages();
  const t = messages.businessCase.versions;
  const money = useMoney();
  if (props.versions.length === 0) return <p>{messages.businessCase.noCase}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="versioner-caption">
      <table className="data-table">
        <caption id="versioner-caption">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.number}</th>
            <th scope="col">{t.by}</th>
            <th scope="col">{t.at}</th>
            <th scope="col">{t.decisions}</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr key={v.version} aria-current={props.shownVersion === v.version ? "true" : undefined}>
              <th scope="row">
                <Link to={`/ideas/${props.ideaId}/nyttokalkyl?version=${v.version}`} aria-label={t.show(v.version)}>{v.version}</Link>
                {v.version === props.currentVersion && <span className="badge"> {t.current}</span>}
              </th>
              <td>{v.savedByName ?? t.someone}</td>
              <td>{money.dateTime(v.savedAt)}</td>
              <td>
                {v.decisions.length > 0 && (
                  <ul className="plain-list">
                    {v.decisions.map((d, i) => (
                      <li key={i}>
                        {t.decision(
                          messages.stages[d.toStage].name + (d.outcome ? ` – ${messages.vocabulary.outcomes[d.outcome]}` : ""),
                          money.date(d.decidedAt),
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
