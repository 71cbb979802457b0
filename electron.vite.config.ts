import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { resolveDataFolder } from './src/main/core/data-folder';
import { createBodyFiles } from './src/main/core/requests/body-files';
import { answerResponseBodyRequest } from './src/main/core/requests/response-body-route';
import { writeWebResponse } from './src/main/core/write-web-response';
import { contentSecurityPolicy } from './src/shared/security/content-security-policy';

/** Puts the strict CSP into the built index.html (dev relies on main's header instead). */
function cspMetaTag(): Plugin {
  return {
    name: 'veza-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`,
      ),
  };
}

/**
 * `npm run dev` serves the page from Vite, not app://, so the large response bodies the page
 * fetches from its own origin are answered here, from the same data folder main uses.
 */
function responseBodiesInDev(): Plugin {
  return {
    name: 'veza-response-bodies-dev',
    apply: 'serve',
    configureServer(server) {
      const bodies = createBodyFiles(resolveDataFolder());
      server.middlewares.use((request, response, next) => {
        void answerResponseBodyRequest(bodies, request.method ?? 'GET', request.url ?? '/').then(
          (answer) => (answer ? writeWebResponse(answer, response) : next()),
          next,
        );
      });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/cli/index.ts'),
          sandbox: resolve(__dirname, 'src/sandbox/cli.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() packages: bundle everything into one file.
    build: { externalizeDeps: false, isolatedEntries: true },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), cspMetaTag(), responseBodiesInDev()],
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // Shows single Requests components to the e2e tests and benches; nothing links to it.
          'component-lab': resolve(__dirname, 'src/renderer/component-lab.html'),
        },
      },
    },
  },
});
