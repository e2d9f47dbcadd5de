// STUB: to be written.
import type { Kind } from './kind.js';

export const repetition: Kind = {
  name: 'repetition',
  options: [],
  compile() {
    return () => [];
  },
};
