import type { BookmarkCategory } from '@genonaut/contracts';

export interface CategoryNode {
  category: BookmarkCategory;
  children: CategoryNode[];
}

/**
 * The flat list as a forest, keeping the API's order (Uncategorized first, then manual order, name).
 * A parent missing from the list makes its child a root rather than hiding it.
 */
export function buildCategoryTree(categories: BookmarkCategory[]): CategoryNode[] {
  const nodes = new Map(
    categories.map((category) => [category.id, { category, children: [] as CategoryNode[] }]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.category.parentId ? nodes.get(node.category.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The category and everything below it: none of them can become its parent (a cycle). */
export function descendantIds(categories: BookmarkCategory[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of categories) {
      if (category.parentId && found.has(category.parentId) && !found.has(category.id)) {
        found.add(category.id);
        grew = true;
      }
    }
  }
  return found;
}

/** "Parent / Child" names, so same-named categories in different places can be told apart. */
export function categoryPath(categories: BookmarkCategory[], category: BookmarkCategory): string {
  const byId = new Map(categories.map((entry) => [entry.id, entry]));
  const names = [category.name];
  const seen = new Set([category.id]);
  let parent = category.parentId ? byId.get(category.parentId) : undefined;
  while (parent && !seen.has(parent.id)) {
    names.unshift(parent.name);
    seen.add(parent.id);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  return names.join(' / ');
}
