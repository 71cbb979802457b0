// electron-builder `afterPack` hook: one line in the build log saying whether this app will be
// signed, and if not, why. The certificates come only from the environment (electron-builder
// reads them itself): CSC_LINK / CSC_KEY_PASSWORD for macOS (and Windows, unless WIN_CSC_LINK /
// WIN_CSC_KEY_PASSWORD are given). No value is ever printed, only the names of the variables.
// test/unit/build/electron-builder.test.ts runs it without and with the variables.

/** What the log says for a platform ('darwin', 'win32', 'linux') and an environment. */
function signingNotice(platform, env) {
  if (platform === 'darwin') {
    if (!env.CSC_LINK) {
      return 'Not signing the macOS app: CSC_LINK is not set (so it is not notarised either; Gatekeeper will ask before the first start)';
    }
    return 'Signing the macOS app with the certificate in CSC_LINK';
  }
  if (platform === 'win32') {
    if (env.WIN_CSC_LINK) return 'Signing the Windows app with the certificate in WIN_CSC_LINK';
    if (env.CSC_LINK) return 'Signing the Windows app with the certificate in CSC_LINK';
    return 'Not signing the Windows app: WIN_CSC_LINK is not set (SmartScreen will warn before the first start)';
  }
  return 'Linux packages (AppImage, deb) are not signed';
}

async function afterPack(context) {
  console.log(`  • ${signingNotice(context.electronPlatformName, process.env)}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.signingNotice = signingNotice;
