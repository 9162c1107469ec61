/**
 * Builds a forest from flat rows that point at their parent (OPDs, units). Rows whose parent is missing from the
 * list become roots, so a filtered list still shows every row; a parent cycle (bad data) cannot loop forever.
 */
export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
  depth: number;
}

export interface BuildTreeOptions<T> {
  id: (item: T) => string;
  parentId: (item: T) => string | null | undefined;
  /** Sibling order; input order when omitted. */
  compare?: (a: T, b: T) => number;
}

export function buildTree<T>(items: readonly T[], options: BuildTreeOptions<T>): TreeNode<T>[] {
  const { id, parentId, compare } = options;
  const byId = new Map<string, T>();
  for (const item of items) byId.set(id(item), item);

  const childrenOf = new Map<string | null, T[]>();
  for (const item of items) {
    const parent = parentId(item);
    const key = parent && byId.has(parent) && parent !== id(item) ? parent : null;
    const list = childrenOf.get(key);
    if (list) list.push(item);
    else childrenOf.set(key, [item]);
  }

  const placed = new Set<string>();
  const build = (item: T, depth: number): TreeNode<T> => {
    placed.add(id(item));
    const kids = (childrenOf.get(id(item)) ?? []).filter((child) => !placed.has(id(child)));
    if (compare) kids.sort(compare);
    return { item, depth, children: kids.map((child) => build(child, depth + 1)) };
  };

  const roots = [...(childrenOf.get(null) ?? [])];
  if (compare) roots.sort(compare);
  const forest = roots.map((root) => build(root, 0));
  // Rows caught in a cycle never hang below a root: show them as roots rather than lose them.
  for (const item of items) {
    if (!placed.has(id(item))) forest.push(build(item, 0));
  }
  return forest;
}

/** Ids of every node that has children (to expand a whole tree). */
export function branchIds<T>(forest: readonly TreeNode<T>[], id: (item: T) => string): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly TreeNode<T>[]) => {
    for (const node of nodes) {
      if (node.children.length > 0) {
        out.push(id(node.item));
        walk(node.children);
      }
    }
  };
  walk(forest);
  return out;
}

export function countNodes<T>(forest: readonly TreeNode<T>[]): number {
  return forest.reduce((sum, node) => sum + 1 + countNodes(node.children), 0);
}
