/** "1 rule", "2 rules": the one way English messages count things (Japanese needs no plural). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
