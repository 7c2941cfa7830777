/**
 * The Miro shell: the network fetcher (official client + retries), snapshots, board reading and
 * `importBoard`, which times reading (network) and the pure import apart for the benchmark.
 */
export * from './fetcher.ts';
export * from './snapshot.ts';
export * from './read-board.ts';
export * from './import.ts';
export * from './retro-pages.ts';
export * from './prepare.ts';
