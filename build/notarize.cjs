// electron-builder `afterSign` hook: notarises the signed macOS app with Apple, reading the
// Apple ID, its app-specific password and the team id from the environment only (APPLE_ID,
// APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID). Without them it says so in one line and
// returns, and the build goes on un-notarised. electron-builder's own notarisation is off
// (mac.notarize: false in electron-builder.yml) so there is one way, and one log line.
// electron-builder calls this hook only after it has signed the app (no CSC_LINK: no signing,
// and signing-notice.cjs has said so). No value is ever printed.
// test/unit/build/electron-builder.test.ts runs it without the variables.

// electron-builder loads hooks with require(): this file is CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require('node:path');

const required = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];

/** The first variable notarisation needs that is not set, or undefined when all are. */
function missingNotarizeVariable(env) {
  return required.find((name) => !env[name]);
}

async function notarizeSignedApp(context, notarizeImpl) {
  if (context.electronPlatformName !== 'darwin') return;
  const missing = missingNotarizeVariable(process.env);
  if (missing) {
    console.log(`  • Not notarising: ${missing} is not set`);
    return;
  }
  const appName = context.packager.appInfo.productFilename;
  const appPath = path.join(context.appOutDir, `${appName}.app`);
  console.log(`  • Notarising ${appName}.app with Apple (team in APPLE_TEAM_ID)`);
  // @electron/notarize comes with electron-builder (its own notarisation uses it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const notarize = notarizeImpl ?? require('@electron/notarize').notarize;
  await notarize({
    appPath,
    appleId: process.env.APPLE_ID,
    appleIdPassword: process.env.APPLE_APP_SPECIFIC_PASSWORD,
    teamId: process.env.APPLE_TEAM_ID,
  });
  console.log(`  • Notarised ${appName}.app`);
}

// electron-builder takes the export named after the hook, else the default one.
module.exports = (context) => notarizeSignedApp(context);
module.exports.default = module.exports;
module.exports.notarizeSignedApp = notarizeSignedApp;
module.exports.missingNotarizeVariable = missingNotarizeVariable;
