import { messagesFor } from "~/i18n";

/**
 * The posted form. A body that is not a form (a broken multipart body, a wrong content type) is the
 * sender's mistake: a 400 with a Swedish message, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw badRequest();
  }
  // PostgreSQL keeps no NUL character in text: refused here, not as a database error (a 500) later.
  for (const value of form.values()) {
    if (typeof value === "string" && value.includes("\u0000")) throw badRequest();
  }
  return form;
}

function badRequest(): Response {
  return new Response(messagesFor("sv").errors.badRequestText, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
