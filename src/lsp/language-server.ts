import { remark } from 'remark';
import { createUnifiedLanguageServer } from 'unified-language-server';

/**
 * The remark language server, shipped with pagecare so an editor needs
 * nothing else: it finds `.remarkrc.mjs` (and `.remarkignore`) from each
 * document's path, as the remark CLI does, and the pagecare preset comes from
 * there. The repository's own `remark` is used when it has one; pagecare's
 * otherwise. The preset is not added here: a repository that also names it in
 * `.remarkrc.mjs` would get every finding twice.
 */
export function startLanguageServer(): void {
  process.title = 'pagecare-language-server';
  createUnifiedLanguageServer({
    processorName: 'remark',
    processorSpecifier: 'remark',
    defaultProcessor: remark,
    pluginPrefix: 'remark',
    rcName: '.remarkrc',
    ignoreName: '.remarkignore',
    packageField: 'remarkConfig',
    // The settings section vscode-remark uses (`remark.requireConfig`), so one setting serves both.
    configurationSection: 'remark',
  });
}
