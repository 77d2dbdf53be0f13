import { useEffect, useState } from "react";
import type { FieldErrors } from "~/components/forms";

/**
 * A field's error message: the server's until the page is hydrated (so a form posted without
 * JavaScript shows its errors at each field), then react-hook-form's, which starts from the server's
 * and clears as the user fixes them.
 */
export function useFieldError(clientErrors: Record<string, { message?: unknown } | undefined>, serverErrors: FieldErrors | undefined) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (name: string): string | undefined => {
    if (!hydrated) return serverErrors?.[name];
    const message = clientErrors[name]?.message;
    return typeof message === "string" ? message : undefined;
  };
}
