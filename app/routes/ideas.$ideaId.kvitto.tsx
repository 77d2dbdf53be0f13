import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can } from "~/domain/permissions";
import { messagesFor } from "~/i18n";
import { getInboxOverdueDays } from "~/models/app-settings.server";
import { findReceipt } from "~/models/ideas.server";
import { unitPathOf } from "~/models/unit-path.server";
import submitStyles from "~/styles/submit.css";
import { requireUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";
import { ideasSv } from "~/i18n/ideas.sv";

export const meta: MetaFunction = ({ matches }) => [{ title: `${messagesFor(metaLocale(matches)).submit.receipt.title} – Idéslussen` }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: submitStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { db } = await getDatabase();
  const idea = await findReceipt(db, params.ideaId ?? "");
  // Drafts have no receipt; unknown and malformed ids are simply not found.
  if (!idea || !idea.submittedAt || !idea.reference) throw new Response(ideasSv.page.notFound, { status: 404 });
  const resource = {
    unitPath: await unitPathOf(db, idea.unitId), submitterId: idea.submitterId, stage: idea.stage,
    ownerId: idea.ownerId, nameVisibility: idea.nameVisibility,
  };
  if (idea.submitterId !== user.id && !can(user, "idea.view", resource)) {
    throw new Response(ideasSv.validation.receiptForbidden, { status: 403 });
  }
  return {
    id: idea.id, reference: idea.reference, title: idea.title,
    owner: idea.ownerName ? { name: idea.ownerName, unit: idea.ownerUnitName } : null,
    overdueDays: await getInboxOverdueDays(db),
  };
}

export default function ReceiptPage() {
  const receipt = useLoaderData<typeof loader>();
  const t = useMessages().submit.receipt;
  return (
    <section className="idea-page receipt" aria-labelledby="kvitto-rubrik">
      <h1 id="kvitto-rubrik">{t.title}</h1>
      <dl>
        <div><dt>{t.reference}</dt><dd>{receipt.reference}</dd></div>
        <div><dt>{t.ideaTitle}</dt><dd>{receipt.title}</dd></div>
        <div>
          <dt>{t.owner}</dt>
          <dd>{receipt.owner ? t.ownerLine(receipt.owner.name, receipt.owner.unit) : t.noOwner}</dd>
        </div>
      </dl>
      <h2>{t.nextStepHeading}</h2>
      <p>{receipt.owner ? t.nextStep(receipt.overdueDays) : t.nextStepNoOwner(receipt.overdueDays)}</p>
      <p className="receipt__links">
        <Link to={`/ideas/${receipt.id}`}>{t.toIdea}</Link>
        <Link to="/ideas/new">{t.another}</Link>
      </p>
    </section>
  );
}
