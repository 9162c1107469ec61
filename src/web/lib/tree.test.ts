import { describe, expect, test } from 'vitest';
import { branchIds, buildTree, countNodes, type TreeNode } from './tree';

interface Row {
  id: string;
  parentId: string | null;
  name: string;
}

const options = { id: (r: Row) => r.id, parentId: (r: Row) => r.parentId, compare: (a: Row, b: Row) => a.name.localeCompare(b.name) };

function shape(nodes: TreeNode<Row>[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.item.name]: shape(n.children) } : n.item.name));
}

describe('buildTree', () => {
  test('nests children under parents, sorted', () => {
    const rows: Row[] = [
      { id: 'kec', parentId: null, name: 'Kecamatan Bukit Intan' },
      { id: 'kel2', parentId: 'kec', name: 'Kelurahan Temberan' },
      { id: 'kel1', parentId: 'kec', name: 'Kelurahan Air Itam' },
      { id: 'dinkes', parentId: null, name: 'Dinas Kesehatan' },
      { id: 'uptd', parentId: 'dinkes', name: 'UPTD Puskesmas' },
    ];
    const forest = buildTree(rows, options);
    expect(shape(forest)).toEqual([
      { 'Dinas Kesehatan': ['UPTD Puskesmas'] },
      { 'Kecamatan Bukit Intan': ['Kelurahan Air Itam', 'Kelurahan Temberan'] },
    ]);
    expect(forest[1]?.children[0]?.depth).toBe(1);
    expect(countNodes(forest)).toBe(5);
    expect(branchIds(forest, (r) => r.id).sort()).toEqual(['dinkes', 'kec']);
  });

  test('a row whose parent is not in the list becomes a root (filtered lists)', () => {
    const forest = buildTree([{ id: 'kel1', parentId: 'kec', name: 'Kelurahan Air Itam' }], options);
    expect(shape(forest)).toEqual(['Kelurahan Air Itam']);
  });

  test('a parent cycle does not loop and loses no row', () => {
    const rows: Row[] = [
      { id: 'a', parentId: 'b', name: 'A' },
      { id: 'b', parentId: 'a', name: 'B' },
      { id: 'c', parentId: 'c', name: 'C' },
    ];
    const forest = buildTree(rows, options);
    expect(countNodes(forest)).toBe(3);
  });

  test('keeps input order without a comparator', () => {
    const rows: Row[] = [
      { id: '2', parentId: null, name: 'Z' },
      { id: '1', parentId: null, name: 'A' },
    ];
    expect(buildTree(rows, { id: (r) => r.id, parentId: (r) => r.parentId }).map((n) => n.item.name)).toEqual(['Z', 'A']);
  });
});
