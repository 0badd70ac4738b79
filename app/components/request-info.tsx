import { createContext, useContext } from "react";

/** The CSP nonce and reference id of the request being rendered (server side only). */
export const RequestInfoContext = createContext<{ nonce: string; requestId: string }>({ nonce: "", requestId: "" });

export function useRequestInfo() {
  return useContext(RequestInfoContext);
}
