// `npm start`: builds the extension, serves the playground, and says where each is.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit' });

const server = await createServer({
  configFile: `${root}web/vite.config.ts`,
  server: { port: Number(process.env.PORT ?? 5173), host: '127.0.0.1' },
});
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';

console.log(`
FreeLLM is built.

  Extension (unpacked): ${root}.output/chrome-mv3
    Load it: open chrome://extensions, turn on "Developer mode",
    click "Load unpacked" and choose the folder above.
    Then open the extension's options to add a provider key; if the playground is refused, it offers to ask for access.

  Playground: ${url}
    Uses the extension when it is installed, or runs the engine in the page when it is not.

Press Ctrl+C to stop the playground server.
`);
