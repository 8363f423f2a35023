/**
 * Entry of the capture bundle the eval injects into saved pages: the same
 * `captureDocument` the content script runs, reachable from page.evaluate.
 */
import { captureDocument } from '../../src/core/capture';

(globalThis as { __parallaxCapture?: typeof captureDocument }).__parallaxCapture = captureDocument;
