// The polyhierarchy as a graph the tree and the search results can walk. A tag with several parents
// sits under each of them, so a tree node is identified by its path (slugs joined by '/'; slugs never
// contain one), not by the tag.
import type { TagHierarchy, TagHierarchyNode } from '@genonaut/contracts';

export interface TagGraph {
  byId: ReadonlyMap<string, TagHierarchyNode>;
  bySlug: ReadonlyMap<string, TagHierarchyNode>;
  roots: readonly TagHierarchyNode[];
  childrenOf: (id: string) => readonly TagHierarchyNode[];
}

const byName = (a: TagHierarchyNode, b: TagHierarchyNode) => a.name.localeCompare(b.name);

export function buildTagGraph(hierarchy: TagHierarchy): TagGraph {
  const byId = new Map(hierarchy.nodes.map((node) => [node.id, node]));
  const bySlug = new Map(hierarchy.nodes.map((node) => [node.slug, node]));
  const children = new Map<string, TagHierarchyNode[]>();
  for (const node of hierarchy.nodes) {
    for (const parentId of node.parentIds) {
      const list = children.get(parentId) ?? [];
      list.push(node);
      children.set(parentId, list);
    }
  }
  for (const list of children.values()) list.sort(byName);
  const roots = hierarchy.rootIds
    .map((id) => byId.get(id))
    .filter((node): node is TagHierarchyNode => node !== undefined)
    .sort(byName);
  return { byId, bySlug, roots, childrenOf: (id) => children.get(id) ?? [] };
}

export const childPath = (parentPath: string, slug: string) => `${parentPath}/${slug}`;

/** The slug of the tag a tree path ends at. */
export const slugOfPath = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The paths mounted in the tree: every visible node and the (hidden) children of each, so a collapsed
 * node still shows its expand arrow without the whole, possibly large, DAG being rendered.
 */
export function mountedPaths(graph: TagGraph, expanded: ReadonlySet<string>): string[] {
  const paths: string[] = [];
  const visit = (node: TagHierarchyNode, path: string, visible: boolean) => {
    paths.push(path);
    if (!visible) return;
    const open = expanded.has(path);
    for (const child of graph.childrenOf(node.id)) visit(child, childPath(path, child.slug), open);
  };
  for (const root of graph.roots) visit(root, root.slug, true);
  return paths;
}

/**
 * Every route from a root down to the tag's parents (the tag itself left out), at most `limit`; the
 * walk refuses to revisit a tag on the same route, so a broken (cyclic) answer cannot loop.
 */
export function ancestorPaths(graph: TagGraph, id: string, limit = 20): TagHierarchyNode[][] {
  const found: TagHierarchyNode[][] = [];
  const walk = (nodeId: string, below: TagHierarchyNode[], seen: Set<string>) => {
    if (found.length >= limit) return;
    const node = graph.byId.get(nodeId);
    if (!node) return;
    if (node.parentIds.length === 0) {
      found.push(below);
      return;
    }
    for (const parentId of node.parentIds) {
      const parent = graph.byId.get(parentId);
      if (!parent || seen.has(parentId)) continue;
      walk(parentId, [parent, ...below], new Set(seen).add(parentId));
    }
  };
  walk(id, [], new Set([id]));
  return found.filter((path) => path.length > 0);
}

/** The tree path of the tag reached along `ancestors` (as from `ancestorPaths`), and of each step. */
export function treePathsAlong(ancestors: TagHierarchyNode[], slug: string): string[] {
  const steps = [...ancestors.map((node) => node.slug), slug];
  return steps.map((_step, index) => steps.slice(0, index + 1).join('/'));
}
