/**
 * Small memos for selectors. A selector runs on every store change for every
 * subscriber (zustand's `useStore` and any `store.subscribe` host), and React
 * re-renders when its answer is a new reference: so an answer built from
 * unchanged inputs must be the previous object, and building it should be cheap.
 */

/**
 * One remembered answer per key object (a conversation, a timeline…), recomputed
 * when the key or one of the other inputs changes (by `Object.is`). Held weakly:
 * an entry goes when its key leaves the store. Calls at module level are marked
 * `@__PURE__`, so a bundle that uses none of a module's selectors drops them.
 */
export function memoByKey<K extends object, I extends readonly unknown[], R>(
  compute: (key: K, ...inputs: I) => R,
): (key: K, ...inputs: I) => R {
  const cache = new WeakMap<K, { inputs: I; result: R }>();
  return (key, ...inputs) => {
    const hit = cache.get(key);
    if (hit && hit.inputs.every((input, i) => Object.is(input, inputs[i]))) return hit.result;
    const result = compute(key, ...inputs);
    cache.set(key, { inputs, result });
    return result;
  };
}

/** Shared by every empty answer; never mutated. */
const EMPTY: never[] = [];

/** Earlier lists of objects, by their first item (an object sits in one store, one conversation). */
const listsByFirstItem = new WeakMap<object, unknown[]>();

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/**
 * `next`, or the earlier list that holds the same objects in the same order, so a
 * recomputed but unchanged answer keeps its identity (uploads of one conversation
 * while a file in another makes progress, say). Meant for items that head one list
 * at a time; where one can head two (a user typing in two conversations), a
 * `memoByKey` in front runs this only when the inputs change.
 */
export function stableList<T extends object>(next: T[]): T[] {
  const first = next[0];
  if (first === undefined) return EMPTY;
  const previous = listsByFirstItem.get(first) as T[] | undefined;
  if (previous && sameItems(previous, next)) return previous;
  listsByFirstItem.set(first, next);
  return next;
}
