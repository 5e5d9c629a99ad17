/**
 * The side bar shows a single view's title as "<container>: <view>" unless the two are the
 * same; "Container Anatomy: Containers" was cut to "Container Anatomy: …" at the default width.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const json = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));

describe('the view title', () => {
  const pkg = json('package.json');
  const container = pkg.contributes.viewsContainers.activitybar[0];
  const view = pkg.contributes.views[container.id][0];
  for (const nls of ['package.nls.json', 'package.nls.ko.json']) {
    it(`is the view container's title alone, short enough for the default side bar (${nls})`, () => {
      const words = json(nls);
      const resolve = (s: string) => s.replace(/^%(.+)%$/, (_m, k: string) => words[k]);
      const [title, name] = [resolve(container.title), resolve(view.name)];
      assert.equal(name, title, 'VS Code then shows the title once, not "title: name"');
      assert.ok(title.length <= 18, title);
    });
  }
});
