// STUB: to be written.
import type { Kind } from './kind.js';

export const boilerplate: Kind = {
  name: 'boilerplate',
  options: [],
  compile() {
    return () => [];
  },
};
