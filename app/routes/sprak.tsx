import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { setUserLocale } from "~/models/user-language.server";
import { languageChoiceSchema } from "~/schemas/language";
import { getSessionUser, safeRedirectPath } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { languageCookieHeader } from "~/utils/language.server";
import { readFormData } from "~/utils/form-data.server";

/**
 * Choosing the page language (the switch in the header, and Inställningar). Remembered on the user when
 * signed in and in this browser either way, then back to the page the person was on.
 */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageChoiceSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) {
    // Only a hand-made request gets here (the switch posts one of the two): a plain message is enough.
    return new Response(parsed.error.issues[0]?.message ?? "", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const user = await getSessionUser(request);
  if (user) await setUserLocale((await getDatabase()).db, user.id, parsed.data.sprak);
  return redirect(safeRedirectPath(parsed.data.tillbaka), {
    headers: { "Set-Cookie": languageCookieHeader(parsed.data.sprak) },
  });
}

export function loader() {
  return redirect("/");
}
