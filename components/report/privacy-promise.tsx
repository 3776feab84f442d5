/** What an anonymous report keeps and what it does not (ARCHITECTURE.md: anonymous reports). */
export function PrivacyPromise() {
  return (
    <section aria-labelledby="promise-h" className="rounded-xl border border-brand/30 bg-brand-soft p-4">
      <h2 id="promise-h" className="font-bold text-brand-strong">
        No one can tell who sent this
      </h2>
      <ul className="mt-2 space-y-1">
        <li>
          <span aria-hidden="true" className="font-bold text-ok">✓ </span>
          <span className="sr-only">Kept: </span>What you write and the photos you add — with location and camera details removed.
        </li>
        <li>
          <span aria-hidden="true" className="font-bold text-ok">✓ </span>
          <span className="sr-only">Kept: </span>The day you send it. Not the time.
        </li>
        <li>
          <span aria-hidden="true" className="font-bold text-hold">✗ </span>
          <span className="sr-only">Not kept: </span>Your name or account — even if you are signed in to SetSafe on this phone.
        </li>
        <li>
          <span aria-hidden="true" className="font-bold text-hold">✗ </span>
          <span className="sr-only">Not kept: </span>Your phone’s internet address, browser or device.
        </li>
      </ul>
      <p className="mt-2 text-sm text-muted">
        Careful: details you write (“I was holding the boom”) can still point to you. You get a receipt code to follow your report and answer
        questions — it is the only way back to it.
      </p>
    </section>
  );
}
