// STUB: to be written.
import type { Kind } from './kind.js';

export const phrase: Kind = {
  name: 'phrase',
  options: [],
  compile() {
    return () => [];
  },
};
