import { strict as assert } from 'assert';
import { readText, withReadCache } from '../../../src/core/procfs/files';

describe('procfs/files readText', () => {
  it('a failure carries the code, a sentence, and the system message', async () => {
    const r = await readText('/proc/self/no-such-file');
    assert.ok(!r.ok);
    assert.equal(r.code, 'ENOENT');
    assert.equal(r.reason, '/proc/self/no-such-file does not exist');
    assert.match(r.message, /^ENOENT: no such file or directory, open '\/proc\/self\/no-such-file'$/);
  });

  it('inside withReadCache a file is read once, and the copies agree', async () => {
    const [a, b] = await withReadCache(async () => [await readText('/proc/self/stat'), await readText('/proc/self/stat')]);
    assert.ok(a.ok && b.ok);
    assert.equal(a, b);
  });
});
