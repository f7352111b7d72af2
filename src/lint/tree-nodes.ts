import type { Nodes, Root } from 'mdast';

type NodeOfType<T extends Nodes['type']> = Extract<Nodes, { type: T }>;

/** The nodes of each type, in document order, from one walk of a tree shared by every rule. */
export function nodesOfType<T extends Nodes['type']>(tree: Root, type: T): ReadonlyArray<NodeOfType<T>> {
  let byType = walked.get(tree);
  if (!byType) walked.set(tree, (byType = walk(tree)));
  return (byType.get(type) ?? []) as Array<NodeOfType<T>>;
}

const walked = new WeakMap<Root, Map<string, Nodes[]>>();

/** Depth-first, pre-order, without recursion: a 10,000-deep list must not overflow the stack. */
function walk(tree: Root): Map<string, Nodes[]> {
  const byType = new Map<string, Nodes[]>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const list = byType.get(node.type);
    if (list) list.push(node);
    else byType.set(node.type, [node]);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return byType;
}
