import { execFile } from 'node:child_process';

/**
 * Runs a generated snippet's interpreter (bash, python3) with only PATH, HOME and the two
 * variables the snippets read, so nothing else from the test's environment can help them.
 */
export function runWithVezaEnv(
  command: string,
  args: string[],
  veza: { url: string; token: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          VEZA_URL: veza.url,
          VEZA_TOKEN: veza.token,
        },
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}
