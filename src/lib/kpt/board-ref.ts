/**
 * `--board` accepts what people paste: a board id (`uXjVOabc123=`) or the URL from the browser
 * bar or a share link (`https://miro.com/app/board/uXjVOabc123=/?share_link_id=...`).
 */
export interface BoardRef {
  id: string;
  /** The board's page on Miro, without share or focus parameters. */
  url: string;
}

const BOARD_ID = /^[A-Za-z0-9_\-+=]{4,100}$/;
const DEFAULT_BOARD_HOST = 'https://miro.com';

export class BoardRefError extends Error {}

export function parseBoardRef(input: string, boardHost = DEFAULT_BOARD_HOST): BoardRef {
  const text = input.trim();
  if (text === '') throw new BoardRefError('--board is empty: pass a board id or the board URL');
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new BoardRefError(`"${printable(text)}" is not a valid URL: copy the board URL from the browser bar`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new BoardRefError(`"${printable(text)}" is not a Miro board URL (expected https://miro.com/app/board/<id>/)`);
    }
    const m = /^\/app\/board\/([^/]+)\/?/.exec(url.pathname);
    let id = '';
    try {
      id = m ? decodeURIComponent(m[1]) : '';
    } catch {
      id = '';
    }
    if (!BOARD_ID.test(id)) {
      throw new BoardRefError(`"${printable(text)}" is not a Miro board URL (expected https://miro.com/app/board/<id>/)`);
    }
    return { id, url: `${url.origin}/app/board/${encodeURIComponent(id).replace(/%3D/g, '=')}/` };
  }
  if (!BOARD_ID.test(text)) {
    throw new BoardRefError(`"${printable(text)}" is not a Miro board id or URL (e.g. uXjVOabc123= or https://miro.com/app/board/uXjVOabc123=/)`);
  }
  return { id: text, url: `${boardHost}/app/board/${encodeURIComponent(text).replace(/%3D/g, '=')}/` };
}

/** Text that came from outside, made safe to print on one terminal line. */
export function printable(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '�');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
