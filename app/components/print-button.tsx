// "In" button: prints with JavaScript; without it, the browser's own print (Ctrl+P) does the
// same, so the button is only shown once the page is interactive.
import { useEffect, useState } from "react";

export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
