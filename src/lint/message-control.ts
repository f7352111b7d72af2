import type { Root } from 'mdast';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { messageControl } from 'unified-message-control';
import { RULE_IDS } from '../rules/catalog.js';

const MARKER = /^<!--\s*pagecare-(disable|enable|ignore)(?:\s+([\s\S]*?))?\s*-->$/;

/** Whether a page may hold a marker: message control walks the whole tree, so it runs only then. */
export function mayHaveMarkers(text: string): boolean {
  return text.includes('pagecare-');
}

/**
 * `<!-- pagecare-disable rule-id -->` / `<!-- pagecare-enable rule-id -->`:
 * the contract's comment form, mapped onto unified-message-control.
 */
export function applyMessageControl(tree: Root, file: VFile): void {
  messageControl(tree, {
    file,
    name: 'pagecare',
    source: 'pagecare',
    known: RULE_IDS,
    test: 'html',
    marker(node: Node) {
      const value = (node as { value?: unknown }).value;
      if (typeof value !== 'string') return null;
      const match = MARKER.exec(value.trim());
      if (!match) return null;
      // A bare marker names every rule: unified-message-control's own bare form also switches its
      // starting state, which drops the findings *above* a lone `pagecare-disable` (front matter too).
      const rules = match[2]?.trim() || RULE_IDS.join(' ');
      return { name: 'pagecare', attributes: `${match[1]} ${rules}`, parameters: {}, node };
    },
  });
}
