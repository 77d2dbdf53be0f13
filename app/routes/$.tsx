// Any address no other route answers: a 404 thrown here (rather than Remix's own no-match) lets the root
// loader run, so the "page not found" page comes in the visitor's language with the signed-in header.
export function loader() {
  throw new Response(null, { status: 404 });
}

// A form posted to an address that does not exist: also 404 (not 405 "no action").
export function action() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
