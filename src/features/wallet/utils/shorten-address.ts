/** "0QAbcd…wxyz": enough to recognise an address at a glance; show the full one in a title or on copy. */
export function shortenAddress(address: string, edge = 4): string {
  if (address.length <= edge * 2 + 1) return address;
  return `${address.slice(0, edge)}…${address.slice(-edge)}`;
}
