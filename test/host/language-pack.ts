// A minimal Korean language pack for the test host. VS Code switches its display language
// (vscode.env.language, and so vscode.l10n bundles of extensions) only when a language pack
// for that locale is installed; this one carries no translations of VS Code itself.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languagePackDir } from './paths';
import { vscePackage } from '../../scripts/vsce';

const PUBLISHER = 'container-anatomy-test';
const NAME = 'language-pack-ko';
const VERSION = '1.0.0';

export interface LanguagePack {
  vsix: string;
  /** Writes languagepacks.json into the user-data folder, naming the installed pack. */
  register(userDataDir: string, extensionsDir: string): void;
}

export async function koLanguagePack(): Promise<LanguagePack> {
  const src = path.join(languagePackDir, 'src');
  const vsix = path.join(languagePackDir, `${NAME}-${VERSION}.vsix`);
  if (!fs.existsSync(vsix)) {
    fs.mkdirSync(path.join(src, 'translations'), { recursive: true });
    fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify({
      name: NAME, displayName: 'Korean test language pack', description: 'Switches the display language to Korean for tests.',
      publisher: PUBLISHER, version: VERSION, license: 'MIT',
      engines: { vscode: '^1.90.0' }, categories: ['Language Packs'],
      contributes: {
        localizations: [{
          languageId: 'ko', languageName: 'Korean', localizedLanguageName: '한국어',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        }],
      },
    }, null, 2));
    fs.writeFileSync(path.join(src, 'translations', 'main.i18n.json'),
      JSON.stringify({ version: '1.0.0', contents: {} }));
    fs.writeFileSync(path.join(src, 'README.md'), '# Korean test language pack\n');
    vscePackage(src, vsix);
  }
  return {
    vsix,
    register(userDataDir, extensionsDir) {
      const installed = path.join(extensionsDir, `${PUBLISHER}.${NAME}-${VERSION}`);
      const translations = path.join(installed, 'translations', 'main.i18n.json');
      if (!fs.existsSync(translations)) throw new Error(`language pack not installed: ${translations} is missing`);
      fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
        ko: {
          hash: crypto.createHash('md5').update(`${PUBLISHER}.${NAME}@${VERSION}`).digest('hex'),
          extensions: [{ extensionIdentifier: { id: `${PUBLISHER}.${NAME}` }, version: VERSION }],
          translations: { vscode: translations },
          label: '한국어',
        },
      }, null, 2));
    },
  };
}
