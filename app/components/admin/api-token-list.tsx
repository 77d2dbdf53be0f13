import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useFormat } from "~/components/idea/format";
import type { ApiTokenListRow } from "~/models/api-tokens.server";
import { useMessages } from "~/utils/locale";
import { SubmitButton } from "./feedback";

/** The issued API tokens; an unrevoked one can be revoked after a confirmation (works without JS). */
export function ApiTokenList({ rows }: { rows: ApiTokenListRow[] }) {
  const t = useMessages().exports.tokens;
  const fmt = useFormat();
  if (rows.length === 0) return <p className="empty-state">{t.empty}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="api-nycklar-tabell" tabIndex={0}>
      <table className="data-table">
        <caption id="api-nycklar-tabell">{t.caption}</caption>
        <thead>
          <tr>
            {(["label", "person", "prefix", "created", "lastUsed", "status"] as const).map((c) => <th key={c} scope="col">{t.columns[c]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="break">{row.label}</th>
              <td>{row.userName}<span className="cell-context">{row.userEmail}</span></td>
              <td><code>{`${row.prefix}…`}</code></td>
              <td className="nowrap"><time dateTime={fmt.iso(row.createdAt)}>{fmt.date(row.createdAt)}</time></td>
              <td className="nowrap">{row.lastUsedAt ? <time dateTime={fmt.iso(row.lastUsedAt)}>{fmt.dateTime(row.lastUsedAt)}</time> : t.never}</td>
              <td>
                {row.revokedAt ? <span className="badge">{t.revoked(fmt.date(row.revokedAt))}</span> : (
                  <details>
                    <summary>{t.revoke}</summary>
                    <Form method="post" className="stack">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={row.id} />
                      <p>{t.revokeConfirmText(row.label)}</p>
                      <SubmitButton intent="revoke" label={t.revokeConfirm} variant="danger" />
                    </Form>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The new token, shown once. Not in a live region (a screen reader would spell out all its characters):
 * the page announces a short text in its status region, and focus moves here, to the labelled read-only field.
 */
export function ApiTokenCreated({ token, userName }: { token: string; userName: string }) {
  const t = useMessages().exports.tokens;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { input.current?.focus(); }, [token]);
  return (
    <section className="alert alert--success" aria-labelledby="ny-api-nyckel-rubrik">
      <h3 id="ny-api-nyckel-rubrik">{t.createdHeading}</h3>
      <p>{t.createdText(userName)}</p>
      <label htmlFor="ny-api-nyckel">{t.tokenLabel}</label>
      <input ref={input} id="ny-api-nyckel" type="text" readOnly value={token} aria-describedby="ny-api-nyckel-hint" size={52}
        spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
      <p id="ny-api-nyckel-hint" className="field__hint">{t.copyHint}</p>
    </section>
  );
}
