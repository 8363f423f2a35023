export { compareStory } from './compare';
export { reportageParagraphs } from './boilerplate';
export { sentencesOf } from './sentences';
export type * from './types';
export { alignPair, type AlignedRow, type MarkedWord, type PairAlignment } from './pair';
