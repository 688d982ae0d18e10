/**
 * Whose a piece of work handed to a thread beside the pages is (a body to render, a card to draw),
 * one byte of shared memory each: nobody's yet, the thread's, or a page's that asked for it before
 * the thread came to it. Each side takes a piece only while it is free (Atomics.compareExchange),
 * so nothing is done twice and a page never waits for work the thread has not begun.
 */
export const CLAIM = { free: 0, thread: 1, page: 2 } as const;

/** Shared claims for `count` pieces, all free. */
export const sharedClaims = (count: number) => new Uint8Array(new SharedArrayBuffer(Math.max(1, count)));
