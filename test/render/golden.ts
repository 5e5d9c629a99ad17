/** Golden text files: the rendered text is compared with test/golden/<file>; UPDATE_GOLDEN=1 rewrites them. */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const GOLDEN = path.join(__dirname, '..', 'golden');

export function matchGolden(file: string, text: string): void {
  const full = path.join(GOLDEN, file);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(full, text);
  let want = '';
  try {
    want = readFileSync(full, 'utf8');
  } catch {
    assert.fail(`${full} is missing: run with UPDATE_GOLDEN=1, then review it`);
  }
  assert.ok(want === text, `${file} differs from the rendered text: run with UPDATE_GOLDEN=1 and review the diff (git diff test/golden)`);
}
