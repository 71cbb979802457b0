// The web app's place: Veza serves its UI (HTML) outside /api. A client pointed at a wrong
// path gets HTML, not JSON, as it would from the real instance.
export function landingPage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Veza (simulated)</title></head>
<body><h1>Veza (simulated instance)</h1><p>This is the Veza Desk sandbox. The API lives under /api.</p></body>
</html>
`;
}
