// What server.ts hands every loader and action besides the request.
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Nonce of this response's Content-Security-Policy, for inline scripts Remix renders. */
    cspNonce?: string;
    /** Client address as Express sees it (honouring TRUST_PROXY). */
    clientIp?: string | null;
  }
  // Single fetch is on (remix.config.js): loader types unwrap data() and plain objects accordingly.
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
