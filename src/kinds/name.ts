// STUB: to be written.
import type { Kind } from './kind.js';

export const name: Kind = {
  name: 'name',
  options: [],
  compile() {
    return () => [];
  },
};
