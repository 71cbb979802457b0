// What a client gets when an SSO proxy or the web app's login sits in front of the API: a
// full HTML page with a form, status 200. The app must recognise it as "not the API".
export function ssoLoginPage(relayState: string): string {
  const escaped = relayState.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - Veza (simulated)</title></head>
<body>
  <main>
    <h1>Sign in to Veza</h1>
    <p>Your organisation uses single sign-on. Continue with your identity provider.</p>
    <form method="post" action="/sso/login">
      <input type="hidden" name="RelayState" value="${escaped}">
      <label>Work email <input type="email" name="email" autocomplete="username"></label>
      <button type="submit">Continue with SSO</button>
    </form>
  </main>
</body>
</html>
`;
}
