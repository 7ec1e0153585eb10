/**
 * @module Drag to reorder a rendered list with SortableJS (pointer, touch and mouse). Sortable moves
 * the DOM node itself; the move is put back at once and reported instead, so Preact stays the
 * only one rendering the list and draws the new order from the data.
 */
import { useEffect, useRef } from 'preact/hooks';
import Sortable from 'sortablejs';

export function useSortableList<Element extends HTMLElement>(
  onMove: (from: number, to: number) => void,
  handle: string,
  /** False while the list is not rendered (no items yet). */
  present: boolean,
) {
  const list = useRef<Element>(null);
  const latest = useRef(onMove);
  latest.current = onMove;
  useEffect(() => {
    if (!list.current) return undefined;
    const sortable = Sortable.create(list.current, {
      handle,
      animation: 150,
      onEnd({ item, from, oldIndex, newIndex }) {
        if (oldIndex === undefined || newIndex === undefined || oldIndex === newIndex) return;
        from.insertBefore(item, from.children[oldIndex + (oldIndex > newIndex ? 1 : 0)] ?? null);
        latest.current(oldIndex, newIndex);
      },
    });
    return () => sortable.destroy();
  }, [handle, present]);
  return list;
}
