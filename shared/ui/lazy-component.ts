/**
 * @module A component the popup's first load does without (it has a size budget): its module is
 * imported the first time a page wants it, once for every place that uses it.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A hook giving the component once `wanted` has been true and its module has loaded; undefined before. */
export function lazyComponent<Props>(
  load: () => Promise<ComponentType<Props>>,
): (wanted: boolean) => ComponentType<Props> | undefined {
  let loading: Promise<ComponentType<Props>> | undefined;
  let loaded: ComponentType<Props> | undefined;
  return function useLazyComponent(wanted) {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!wanted || component) return;
      loading ??= load().then((ready) => (loaded = ready));
      void loading.then((ready) => setComponent(() => ready));
    }, [wanted]);
    return component;
  };
}
