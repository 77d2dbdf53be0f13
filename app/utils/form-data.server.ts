import { messagesFor } from "~/i18n";

/**
 * The posted form. A body that is not a form (a broken multipart body, a wrong content type) is the
 * sender's mistake: a 400 with a Swedish message, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response(messagesFor("sv").errors.badRequestText, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}
