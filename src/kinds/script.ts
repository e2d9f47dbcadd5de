// STUB: to be written.
import type { Kind } from './kind.js';

export const script: Kind = {
  name: 'script',
  options: [],
  compile() {
    return () => [];
  },
};
