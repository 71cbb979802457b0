/**
 * How a packaged app knows it is the smoke-test build, the one build Playwright's `_electron`
 * may drive with `--inspect=0 --remote-debugging-port=0`. build/electron-builder.smoke.yml adds
 * this field to the packaged package.json (`extraMetadata`); the release configuration and the
 * project's package.json never carry it (test/unit/build/electron-builder.test.ts).
 *
 * A field in app.asar is as trustworthy as the code next to it: whoever can change it can
 * change main itself (and on macOS and Windows the asar integrity fuse refuses both). It
 * cannot turn Node's inspector on in a release binary: that fuse is in the executable.
 */
export const testBuildMarker = { vezaDeskBuild: 'smoke-test' } as const;

/** Whether the packaged package.json (parsed, or anything else) is the smoke-test build's. */
export function isTestBuild(packageJson: unknown): boolean {
  return (
    typeof packageJson === 'object' &&
    packageJson !== null &&
    (packageJson as Record<string, unknown>).vezaDeskBuild === testBuildMarker.vezaDeskBuild
  );
}
