import { memo, useEffect, useMemo, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import Typography from '@mui/material/Typography';
import { SimpleTreeView } from '@mui/x-tree-view/SimpleTreeView';
import { TreeItem } from '@mui/x-tree-view/TreeItem';
import type { TagHierarchyNode } from '@genonaut/contracts';
import { paths } from '@/config/paths';
import { childPath, mountedPaths, slugOfPath, type TagGraph } from '../utils/tag-graph';
import { TagTreeLabel } from './tag-tree-label';

interface NodeProps {
  node: TagHierarchyNode;
  parentId: string | null;
  path: string;
  /** Whether this row can be seen; only then are its children mounted (lazily, branch by branch). */
  visible: boolean;
  graph: TagGraph;
  expanded: ReadonlySet<string>;
}

const TagTreeNode = memo(function TagTreeNode({ node, parentId, path, visible, graph, expanded }: NodeProps) {
  const navigate = useNavigate();
  const open = expanded.has(path);
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement> & { defaultMuiPrevented?: boolean }) => {
    // Enter opens the tag's page; arrows still open and close branches, Space still ticks.
    if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
    event.defaultMuiPrevented = true;
    event.preventDefault();
    void navigate(paths.tag.href(node.slug));
  };
  return (
    <TreeItem
      itemId={path}
      label={<TagTreeLabel node={node} parentId={parentId} graph={graph} />}
      data-testid={`tag-tree-item-${node.slug}`}
      data-path={path}
      onKeyDown={onKeyDown}
    >
      {visible &&
        graph
          .childrenOf(node.id)
          .map((child) => (
            <TagTreeNode
              key={child.id}
              node={child}
              parentId={node.id}
              path={childPath(path, child.slug)}
              visible={open}
              graph={graph}
              expanded={expanded}
            />
          ))}
    </TreeItem>
  );
});

/**
 * The polyhierarchy as a tree with checkboxes. A tag with several parents is a row under each of
 * them (rows are identified by path); ticking any of its rows ticks the tag, and so all its rows.
 */
export function TagTree({
  graph,
  open,
  selected,
  onOpenChange,
  onSelectionChange,
  focusPath,
}: {
  graph: TagGraph;
  /** A row to scroll to and focus once it is mounted (a search result shown in the tree). */
  focusPath?: { path: string } | undefined;
  open: string[];
  selected: string[];
  onOpenChange: (open: string[]) => void;
  onSelectionChange: (change: { added: string[]; removed: string[] }) => void;
}) {
  const expanded = useMemo(() => new Set(open), [open]);
  const selectedPaths = useMemo(() => {
    const slugs = new Set(selected);
    return mountedPaths(graph, expanded).filter((path) => slugs.has(slugOfPath(path)));
  }, [graph, expanded, selected]);

  useEffect(() => {
    if (!focusPath) return;
    const target = document.querySelector<HTMLElement>(
      `[role="treeitem"][data-path="${CSS.escape(focusPath.path)}"]`,
    );
    // jsdom and old browsers have no scrollIntoView; focus alone still moves the tree's tab stop.
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus();
  }, [focusPath]);

  const onSelectedItemsChange = (ids: string[]) => {
    const before = new Set(selectedPaths);
    const after = new Set(ids);
    const added = ids.filter((id) => !before.has(id)).map(slugOfPath);
    const removed = selectedPaths.filter((id) => !after.has(id)).map(slugOfPath);
    onSelectionChange({ added: [...new Set(added)], removed: [...new Set(removed)] });
  };

  return (
    <>
      <Typography variant="body2" color="text.secondary" id="tags-tree-help">
        Arrow keys move and open branches, Space ticks a tag, Enter opens its page.
      </Typography>
      <SimpleTreeView
        multiSelect
        checkboxSelection
        expansionTrigger="iconContainer"
        expandedItems={open}
        onExpandedItemsChange={(_event, ids) => onOpenChange(ids)}
        selectedItems={selectedPaths}
        onSelectedItemsChange={(_event, ids) => onSelectedItemsChange(ids)}
        aria-label="Tag hierarchy"
        aria-describedby="tags-tree-help"
        data-testid="tags-tree"
      >
        {graph.roots.map((root) => (
          <TagTreeNode
            key={root.id}
            node={root}
            parentId={null}
            path={root.slug}
            visible
            graph={graph}
            expanded={expanded}
          />
        ))}
      </SimpleTreeView>
    </>
  );
}
