import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/services/sign-in.server";
import { readSessionToken } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { getCookies } from "~/utils/session-cookie.server";

/** Sign-out ends the session on the server, not just in the browser. POST only (a link cannot sign you out). */
export async function action({ request, context }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  if (token) {
    const { db } = await getDatabase();
    await signOut(db, token, context.clientIp ?? null);
  }
  return redirect("/?utloggad=1", {
    headers: { "Set-Cookie": await getCookies().session.serialize("", { maxAge: 0 }) },
  });
}

export function loader() {
  return redirect("/");
}
