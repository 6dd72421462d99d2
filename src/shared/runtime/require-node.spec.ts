import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unsupportedNodeMessage } from './require-node';

describe('unsupportedNodeMessage', () => {
  it('refuses Node 20 and 22 with a message naming the version found and the one required', () => {
    expect(unsupportedNodeMessage('20.20.2')).toMatch(/Node\.js 24 or newer.*20\.20\.2/);
    expect(unsupportedNodeMessage('22.11.0')).toMatch(/22\.11\.0/);
  });

  it('accepts Node 24 and newer', () => {
    expect(unsupportedNodeMessage('24.0.0')).toBeUndefined();
    expect(unsupportedNodeMessage('25.1.0')).toBeUndefined();
  });

  it.each(['main.ts', 'worker.ts', 'cli.ts'])(
    '%s checks the runtime before importing anything else (argon2 would crash an older Node first)',
    (entry) => {
      const source = readFileSync(join(__dirname, '../..', entry), 'utf8');
      const firstImport = source.split('\n').find((line) => line.startsWith('import '));
      expect(firstImport).toBe("import './shared/runtime/require-node';");
    },
  );
});
