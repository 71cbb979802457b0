// Loaded into Electron's own installer (node --import) by scripts/ensure-electron.mjs.
// @electron/get downloads with the global fetch; this notes each request's address and how it
// ended (status, or the network error's code) in the file named by VEZA_ELECTRON_INSTALL_REPORT,
// one JSON object a line, so a failure can be told in plain words instead of a stack trace.
// It changes nothing about the download itself.
import { appendFileSync } from 'node:fs';

const reportFile = process.env.VEZA_ELECTRON_INSTALL_REPORT;
const originalFetch = globalThis.fetch;

function note(entry) {
  if (!reportFile) return;
  try {
    appendFileSync(reportFile, `${JSON.stringify(entry)}\n`);
  } catch {
    // The report is a courtesy: never let it break the installer.
  }
}

if (reportFile && typeof originalFetch === 'function') {
  globalThis.fetch = async function fetchWithReport(input, init) {
    const url = typeof input === 'string' ? input : (input?.url ?? String(input));
    try {
      const response = await originalFetch(input, init);
      note({ url, status: response.status, statusText: response.statusText });
      return response;
    } catch (error) {
      const cause = error?.cause;
      note({
        url,
        error: error?.message ?? String(error),
        code: cause?.code ?? error?.code,
        cause: cause?.message,
      });
      throw error;
    }
  };
}
