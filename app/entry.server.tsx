import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Security headers and the Content-Security-Policy are set by server.ts; scripts carry its nonce.
  const nonce = loadContext.cspNonce;
  // Pages are rendered whole before they are sent: they are small, and a complete document is
  // what assistive technology and no-JavaScript users should get. Since the document is complete
  // anyway, it is collected into one Buffer and sent with one write, instead of React's 2 KB chunks
  // each passing through a Node stream, a web stream and a socket write.
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // The abort timer must not outlive the render: a pending timer keeps the whole render (React
    // tree, loader data, HTML) reachable for ABORT_DELAY, hundreds of renders under load.
    let abortTimer: NodeJS.Timeout | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />,
      {
        nonce,
        onAllReady() {
          shellRendered = true;
          const chunks: Buffer[] = [];
          const document = new Writable({
            // React hands over a fresh view per chunk (strings and Uint8Arrays arrive as Buffers).
            write(chunk: Buffer, _encoding, callback) {
              chunks.push(chunk);
              callback();
            },
            final(callback) {
              clearTimeout(abortTimer);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
              callback();
            },
          });
          document.once("error", (error) => {
            clearTimeout(abortTimer);
            reject(error);
          });
          pipe(document);
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}
