// Shared by the English mapper and the Chinese expander: an expansion of a question into search terms.
import type { WeightedTerm } from '../ports.js';

/** Turns an expansion that may throw on odd input into one that yields no terms instead: search goes on without them. */
export function neverThrows(expand: (question: string) => WeightedTerm[]): { expand(question: string): WeightedTerm[] } {
  return {
    expand(question: string): WeightedTerm[] {
      try {
        return expand(question);
      } catch {
        return [];
      }
    },
  };
}
