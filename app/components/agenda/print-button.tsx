import { useEffect, useState } from "react";

/**
 * "Skriv ut": a real button that opens the browser's print dialog. Without JavaScript it would do
 * nothing, so it appears only after hydration; the browser's own print works either way.
 */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return <button type="button" className="button button--primary agenda-print" onClick={() => window.print()}>{label}</button>;
}
