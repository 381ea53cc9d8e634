// Tab icons an admin can choose from. None of them says what the service is: a tab left open, or a bookmark,
// must look like any other site. Served at /favicon.svg, same origin, never cached.
export const neutralIcons = {
  bubble: '<path d="M9 18c3 3 11 3 14 0" stroke="#fff" stroke-width="2.5" fill="none" stroke-linecap="round"/>',
  weather:
    '<circle cx="13" cy="13" r="4" fill="#fff"/><path d="M11 22h11a4 4 0 0 0 0-8 6 6 0 0 0-11 2 3 3 0 0 0 0 6z" fill="#fff"/>',
  notes: '<path d="M10 10h12M10 15h12M10 20h8" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/>',
  leaf: '<path d="M10 22c0-8 5-12 13-12 0 8-4 13-12 13m0-1 7-7" stroke="#fff" stroke-width="2" fill="none"/>',
} as const;

export type NeutralIcon = keyof typeof neutralIcons;

export function iconSvg(icon: NeutralIcon): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Icône</title>' +
    `<circle cx="16" cy="16" r="14" fill="#2e5e63"/>${neutralIcons[icon]}</svg>`
  );
}
