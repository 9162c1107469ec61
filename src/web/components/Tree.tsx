import { useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { branchIds, type TreeNode } from '../lib/tree';
import { Icon } from './Icon';

/**
 * A disclosure tree: nested lists, each branch with a button that opens or closes it (aria-expanded). Labels may
 * hold links, which is why the toggle is a separate button rather than the whole row.
 */
export function Tree<T>({
  nodes,
  getKey,
  getName,
  renderLabel,
  label,
  initiallyOpenDepth = 1,
}: {
  nodes: TreeNode<T>[];
  getKey: (item: T) => string;
  getName: (item: T) => string;
  renderLabel: (item: T) => ReactNode;
  /** Accessible name of the whole tree. */
  label: string;
  /** Branches shallower than this start open. */
  initiallyOpenDepth?: number;
}) {
  const t = useT();
  const [open, setOpen] = useState<Set<string>>(() => {
    const initial = new Set<string>();
    const walk = (list: TreeNode<T>[]) => {
      for (const node of list) {
        if (node.depth < initiallyOpenDepth && node.children.length > 0) initial.add(getKey(node.item));
        walk(node.children);
      }
    };
    walk(nodes);
    return initial;
  });

  const toggle = (key: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const render = (list: TreeNode<T>[], depth: number) => (
    <ul className={depth === 0 ? 'tree' : 'tree-group'} aria-label={depth === 0 ? label : undefined}>
      {list.map((node) => {
        const key = getKey(node.item);
        const hasChildren = node.children.length > 0;
        const isOpen = open.has(key);
        return (
          <li key={key} className="tree-item">
            <div className="tree-row">
              {hasChildren ? (
                <button
                  type="button"
                  className="tree-toggle"
                  aria-expanded={isOpen}
                  aria-label={t(isOpen ? 'tree.collapse' : 'tree.expand', { name: getName(node.item), count: node.children.length })}
                  onClick={() => toggle(key)}
                >
                  <Icon name="chevron" size={16} />
                </button>
              ) : (
                <span className="tree-spacer" aria-hidden="true" />
              )}
              <div className="tree-label">{renderLabel(node.item)}</div>
            </div>
            {hasChildren && isOpen && render(node.children, depth + 1)}
          </li>
        );
      })}
    </ul>
  );

  const allBranches = branchIds(nodes, getKey);
  return (
    <div className="tree-wrap">
      {allBranches.length > 0 && (
        <div className="tree-tools">
          <button type="button" className="button button-small button-ghost" onClick={() => setOpen(new Set(allBranches))}>
            {t('tree.expandAll')}
          </button>
          <button type="button" className="button button-small button-ghost" onClick={() => setOpen(new Set())}>
            {t('tree.collapseAll')}
          </button>
        </div>
      )}
      {render(nodes, 0)}
    </div>
  );
}
