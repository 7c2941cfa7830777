/**
 * A value the site computes once per build from the whole content folder (a report, the alert
 * rules). In `astro dev` it is made again at most every two seconds, so edits and commits show up.
 */
export function perBuild<T>(make: () => Promise<T>): () => Promise<T> {
  let cache: Promise<T> | undefined;
  let madeAt = 0;
  return () => {
    if (!cache || (import.meta.env.DEV && Date.now() - madeAt > 2000)) {
      cache = make();
      madeAt = Date.now();
    }
    return cache;
  };
}
