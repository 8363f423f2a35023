export { compareStory } from './compare';
export { reportageParagraphs } from './boilerplate';
export { sentencesOf } from './sentences';
export type * from './types';
