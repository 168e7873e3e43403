/**
 * Named limits of the series feature (meant for lib/limits.ts; kept here while others
 * edit that file). They bound what one series page can make the server read.
 */

/** Postings read when looking for other versions or for unthreaded siblings. */
export const MAX_SERIES_CANDIDATES = 500;

/** Threads read for one series (one per patch when a series is sent unthreaded). */
export const MAX_SERIES_THREADS = 200;
