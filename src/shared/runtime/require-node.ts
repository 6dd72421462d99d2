/**
 * The runtime Tollgate is tested on. On an older Node the argon2 prebuilt crashes the process with a
 * segmentation fault and no message, so every entry point imports this file first, before anything native
 * is loaded, and stops with a message instead.
 */
export const REQUIRED_NODE_MAJOR = 24;

export function unsupportedNodeMessage(version: string): string | undefined {
  if (Number(version.split('.')[0]) >= REQUIRED_NODE_MAJOR) return undefined;
  return (
    `Tollgate needs Node.js ${REQUIRED_NODE_MAJOR} or newer; this is Node.js ${version}. ` +
    `Run it through npm (npm start, npm run start:worker, npm run cli), which uses the Node ` +
    `${REQUIRED_NODE_MAJOR} that npm ci installs, or install Node ${REQUIRED_NODE_MAJOR}.`
  );
}

const message = unsupportedNodeMessage(process.versions.node);
if (message) {
  process.stderr.write(message + '\n');
  process.exit(1);
}
