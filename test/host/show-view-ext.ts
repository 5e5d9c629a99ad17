// A tiny extension for `npm start`: once VS Code has started it shows the Container Anatomy
// view, so the page opens on the view rather than on the Explorer. Built once, under
// .cache/host/show-view/, and installed only into the demo host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vscePackage } from '../../scripts/vsce';
import { cacheDir } from './paths';

const VERSION = '1.0.0';
const dir = path.join(cacheDir, 'show-view');

export function showViewExtension(): string {
  const vsix = path.join(dir, `show-view-${VERSION}.vsix`);
  if (fs.existsSync(vsix)) return vsix;
  const src = path.join(dir, 'src');
  fs.mkdirSync(src, { recursive: true });
  fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify({
    name: 'show-view', displayName: 'Container Anatomy demo: show the view on start',
    description: 'Opens the Container Anatomy view when the window has started (npm start only).',
    publisher: 'container-anatomy-test', version: VERSION, license: 'MIT',
    engines: { vscode: '^1.90.0' }, main: './extension.js', activationEvents: ['onStartupFinished'],
  }, null, 2));
  fs.writeFileSync(path.join(src, 'extension.js'), [
    "const vscode = require('vscode');",
    "exports.activate = () => vscode.commands.executeCommand('workbench.view.extension.containerAnatomy');",
    'exports.deactivate = () => undefined;',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(src, 'README.md'), '# Shows the Container Anatomy view on start (npm start only)\n');
  return vscePackage(src, vsix);
}
