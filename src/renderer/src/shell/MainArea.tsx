/** The workspace of the active instance. */
export function MainArea() {
  return (
    <main className="main-area" aria-labelledby="welcome-title">
      <section className="welcome">
        <h2 id="welcome-title">Welcome to Veza Desk</h2>
        <p>
          Keep each Veza instance you look after in one place, check in one click that its API key
          still works, and send API requests without pasting keys into scripts.
        </p>
        <p className="muted">
          Your API keys stay in this computer&apos;s keychain and are never shown again.
        </p>
      </section>
    </main>
  );
}
